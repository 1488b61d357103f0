import type { BackupCodesJSON, TotpJSON } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import { generateBackupCodes, hashBackupCode } from '../crypto/backup-codes.ts';
import { openSecret, sealSecret } from '../crypto/sealed-secret.ts';
import { matchTotp, otpauthUri, toBase32, TOTP_SECRET_BYTES } from '../crypto/totp.ts';
import { UsherError } from '../errors.ts';
import type { BackupCodeRecord, TotpRecord, UserRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { getMe } from './current-user.ts';
import { changeEvents } from './events.ts';
import { assertRecentlyVerified } from './reverification.ts';
import type { Runtime } from './runtime.ts';
import { hasSecondFactor, loadSecondFactors, othersRemainAfterRemoving } from './second-factors.ts';
import { twoStepNotice } from './two-step-notice.ts';

/** The sealing purpose of authenticator secrets (a sealed secret of another purpose never opens as one). */
const TOTP_SEAL = 'totp';

function assertTotpAllowed(config: InstanceConfig): void {
  if (!config.mfa.totp) throw new UsherError('strategy_not_allowed', { longMessage: 'This application does not use authenticator apps.' });
}

/** The shared secret of a stored authenticator. A secret that no longer opens (the instance secret changed) is a server fault. */
export async function totpSecret(rt: Runtime, totp: TotpRecord): Promise<Uint8Array> {
  const secret = await openSecret(rt.secret, TOTP_SEAL, totp.sealedSecret);
  if (!secret) throw new Error('A stored authenticator secret does not open under the instance secret.');
  return secret;
}

/** Fresh backup codes for a user: what the user is shown once, and what is stored. */
export async function newBackupCodes(rt: Runtime, userId: string): Promise<{ codes: string[]; records: BackupCodeRecord[] }> {
  const codes = generateBackupCodes(rt.random);
  const now = rt.now();
  const records = await Promise.all(codes.map(async (code) => ({ id: rt.newId('bkc'), userId, codeHash: await hashBackupCode(rt.secret, userId, code), usedAt: null, createdAt: now })));
  return { codes, records };
}

/** The account name an authenticator app lists the entry under: the primary email, else the username, else the id. */
async function accountName(rt: Runtime, user: UserRecord): Promise<string> {
  const emails = await rt.store.listEmailAddresses(user.id);
  return emails.find((e) => e.id === user.primaryEmailAddressId)?.emailAddress ?? user.username ?? user.id;
}

/**
 * POST /v1/me/totp: starts setting up an authenticator app (re-verification within 10 minutes
 * required). Answers the secret and its otpauth:// URI; nothing protects sign-in until a first
 * correct code (attempt_verification). Starting again replaces a setup that was never finished.
 */
export async function createTotp(rt: Runtime, config: InstanceConfig, ctx: ClientContext, sessionId: string | null): Promise<TotpJSON> {
  const { session, user } = await getMe(rt, ctx, sessionId);
  assertTotpAllowed(config);
  assertRecentlyVerified(session, rt.now());
  const secret = rt.random.bytes(TOTP_SECRET_BYTES);
  const now = rt.now();
  const stored = await rt.store.putPendingTotp({ userId: user.id, sealedSecret: await sealSecret(rt.secret, rt.random, TOTP_SEAL, secret), verifiedAt: null, lastUsedStep: null, createdAt: now, updatedAt: now });
  if (!stored) throw new UsherError('totp_already_enabled');
  const base32 = toBase32(secret);
  return { object: 'totp', secret: base32, uri: otpauthUri({ issuer: config.applicationName, account: await accountName(rt, user), secret: base32 }), verified: false, backup_codes: null, created_at: now, updated_at: now };
}

/**
 * POST /v1/me/totp/attempt_verification: a right code from the app turns it on (that code is
 * spent). When it is the account's first second factor, 10 backup codes come with the answer, once.
 */
export async function attemptTotpVerification(rt: Runtime, config: InstanceConfig, ctx: ClientContext, sessionId: string | null, code: string): Promise<TotpJSON> {
  const { user } = await getMe(rt, ctx, sessionId);
  assertTotpAllowed(config);
  const totp = await rt.store.getTotp(user.id);
  if (!totp) throw new UsherError('verification_not_prepared', { paramName: 'code', longMessage: 'Start setting up the authenticator app first.' });
  if (totp.verifiedAt !== null) throw new UsherError('totp_already_enabled');
  const step = await matchTotp(await totpSecret(rt, totp), code.replace(/\s/g, ''), rt.now());
  if (step === null) throw new UsherError('form_code_incorrect', { paramName: 'code' });
  const first = !hasSecondFactor(await loadSecondFactors(rt, config, user.id));
  const backup = first && config.mfa.backupCodes ? await newBackupCodes(rt, user.id) : null;
  const now = rt.now();
  const notification = await twoStepNotice(rt, config, user, 'totp_added', true);
  if (!(await rt.store.enableTotp({ userId: user.id, step, now, backupCodes: backup?.records ?? null, notification, emit: changeEvents(rt) }))) throw new UsherError('totp_already_enabled');
  return { object: 'totp', secret: null, uri: null, verified: true, backup_codes: backup?.codes ?? null, created_at: totp.createdAt, updated_at: now };
}

/**
 * DELETE /v1/me/totp (re-verification required): removes the authenticator app. When it was the
 * last second factor the backup codes go with it; when the instance requires 2-step
 * verification, the last one cannot be removed.
 */
export async function deleteTotp(rt: Runtime, config: InstanceConfig, ctx: ClientContext, sessionId: string | null): Promise<void> {
  const { session, user } = await getMe(rt, ctx, sessionId);
  assertRecentlyVerified(session, rt.now());
  const totp = await rt.store.getTotp(user.id);
  if (!totp) throw new UsherError('totp_not_enabled');
  const others = await othersRemainAfterRemoving(rt, config, user.id, 'totp');
  const notification = totp.verifiedAt !== null ? await twoStepNotice(rt, config, user, 'totp_removed', others) : null;
  await rt.store.deleteTotp({ userId: user.id, deleteBackupCodes: !others, now: rt.now(), notification, emit: changeEvents(rt) });
  if (user.defaultSecondFactor === 'totp') await rt.store.updateUser(user.id, { defaultSecondFactor: null }, rt.now());
}

/** POST /v1/me/backup_codes (re-verification required): a new set of 10; the old ones stop working. */
export async function regenerateBackupCodes(rt: Runtime, config: InstanceConfig, ctx: ClientContext, sessionId: string | null): Promise<BackupCodesJSON> {
  const { session, user } = await getMe(rt, ctx, sessionId);
  if (!config.mfa.backupCodes) throw new UsherError('strategy_not_allowed', { longMessage: 'This application does not use backup codes.' });
  assertRecentlyVerified(session, rt.now());
  if (!hasSecondFactor(await loadSecondFactors(rt, config, user.id))) throw new UsherError('mfa_not_enabled');
  const { codes, records } = await newBackupCodes(rt, user.id);
  const now = rt.now();
  await rt.store.replaceBackupCodes({ userId: user.id, codes: records, now, notification: await twoStepNotice(rt, config, user, 'backup_codes_renewed', true), emit: changeEvents(rt) });
  return { object: 'backup_code', codes, created_at: now };
}
