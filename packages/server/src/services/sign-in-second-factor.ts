import type { SignInAttemptSecondFactorBody, SignInPrepareSecondFactorBody } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import { hashBackupCode, normalizeBackupCode } from '../crypto/backup-codes.ts';
import type { CodeBinding } from '../crypto/codes.ts';
import { matchTotp } from '../crypto/totp.ts';
import { UsherError } from '../errors.ts';
import type { PasswordResetInput, PhoneNumberRecord, SignInRecord, UserRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { isWrongGuess } from './machines/verification.ts';
import { totpSecret } from './me-totp.ts';
import type { Runtime } from './runtime.ts';
import { loadSecondFactors, usableAfter, type SecondFactors } from './second-factors.ts';
import { assertNotLocked, complete, countFailure } from './sign-in-attempts.ts';
import { passwordChangedNotice } from './sign-in-reset.ts';
import { getOwnSignIn } from './sign-in-steps.ts';
import { codeRedemptionFailure, redeemVerificationCode, sendSmsVerificationCode } from './verifications.ts';

interface SecondFactorStep {
  signIn: SignInRecord;
  user: UserRecord;
  factors: SecondFactors;
}

/** A sign-in of this device waiting for its second factor, its account (not locked) and the factors it has. */
async function secondFactorStep(rt: Runtime, config: InstanceConfig, ctx: ClientContext, id: string): Promise<SecondFactorStep> {
  const signIn = await getOwnSignIn(rt, ctx, id);
  if (signIn.status !== 'needs_second_factor') {
    throw new UsherError('sign_in_status_invalid', { longMessage: signIn.status === 'complete' ? 'This sign-in is already complete.' : 'Verify the first factor first.' });
  }
  const user = signIn.userId ? await rt.store.getUser(signIn.userId) : null;
  if (!user) throw new UsherError('sign_in_not_found');
  assertNotLocked(user, rt.now());
  return { signIn, user, factors: usableAfter(signIn.firstFactorStrategy, await loadSecondFactors(rt, config, user.id)) };
}

const smsBinding = (signIn: SignInRecord, phone: PhoneNumberRecord): CodeBinding => ({ purpose: 'second_factor', ownerId: signIn.id, target: phone.phoneNumber });

/** The reserved number asked for, else the default one, else the first. */
function pickPhone(user: UserRecord, factors: SecondFactors, phoneNumberId: string | undefined): PhoneNumberRecord {
  const phone = phoneNumberId !== undefined ? factors.phones.find((p) => p.id === phoneNumberId) : (factors.phones.find((p) => p.id === user.defaultSecondFactor) ?? factors.phones[0]);
  if (!phone) throw new UsherError('strategy_not_allowed', { paramName: phoneNumberId !== undefined ? 'phone_number_id' : 'strategy', longMessage: 'This account has no such number for 2-step verification.' });
  return phone;
}

/** POST /v1/client/sign_ins/{id}/prepare_second_factor: texts a code to a reserved number (resends keep the attempts spent). */
export async function prepareSecondFactor(rt: Runtime, config: InstanceConfig, ctx: ClientContext, id: string, body: SignInPrepareSecondFactorBody): Promise<SignInRecord> {
  const { signIn, user, factors } = await secondFactorStep(rt, config, ctx, id);
  const phone = pickPhone(user, factors, body.phone_number_id);
  await sendSmsVerificationCode(rt, config, smsBinding(signIn, phone));
  const patch = { secondFactorStrategy: 'phone_code', secondFactorStatus: 'unverified', secondFactorPhoneNumberId: phone.id, updatedAt: rt.now() } as const;
  return (await rt.store.updateSignIn(signIn.id, patch)) ?? { ...signIn, ...patch };
}

/** A wrong second factor: counted toward the account's lockout (the failure that reaches the limit answers user_locked). */
async function wrongCode(rt: Runtime, config: InstanceConfig, user: UserRecord, longMessage?: string): Promise<never> {
  await countFailure(rt, config, user);
  throw new UsherError('form_code_incorrect', { paramName: 'code', ...(longMessage ? { longMessage } : {}) });
}

async function verifyTotp(rt: Runtime, config: InstanceConfig, { user, factors }: SecondFactorStep, code: string): Promise<void> {
  const totp = factors.totp ? await rt.store.getTotp(user.id) : null;
  if (!totp || totp.verifiedAt === null) throw new UsherError('strategy_not_allowed', { paramName: 'strategy' });
  const step = await matchTotp(await totpSecret(rt, totp), code.replace(/\s/g, ''), rt.now());
  if (step === null) return wrongCode(rt, config, user);
  // Each code once: a step at or before the last one used (a replay, or a concurrent twin) fails.
  if (!(await rt.store.useTotpStep(user.id, step, rt.now()))) return wrongCode(rt, config, user, 'This code was already used. Wait for the next one in your authenticator app.');
}

async function verifyPhoneCode(rt: Runtime, config: InstanceConfig, { signIn, user, factors }: SecondFactorStep, code: string): Promise<void> {
  const phone = signIn.secondFactorStrategy === 'phone_code' ? factors.phones.find((p) => p.id === signIn.secondFactorPhoneNumberId) : undefined;
  if (!phone) throw new UsherError('verification_not_prepared', { paramName: 'code', longMessage: 'Send a code to your phone first.' });
  const result = await redeemVerificationCode(rt, smsBinding(signIn, phone), code);
  if (result.outcome === 'verified') return;
  if (isWrongGuess(result.outcome)) await countFailure(rt, config, user);
  throw codeRedemptionFailure(result);
}

async function verifyBackupCode(rt: Runtime, config: InstanceConfig, { user, factors }: SecondFactorStep, code: string): Promise<void> {
  if (factors.backupCodes === 0) throw new UsherError('strategy_not_allowed', { paramName: 'strategy', longMessage: 'This account has no unused backup codes.' });
  const canonical = normalizeBackupCode(code);
  // Spending a code is one conditional update: of concurrent redemptions of one code, one wins.
  if (canonical === null || !(await rt.store.useBackupCode(user.id, await hashBackupCode(rt.secret, user.id, canonical), rt.now()))) return wrongCode(rt, config, user);
}

/** A reset held back for the second factor: applied now, with its notice. */
async function pendingReset(rt: Runtime, config: InstanceConfig, signIn: SignInRecord, user: UserRecord): Promise<PasswordResetInput | null> {
  if (signIn.pendingPasswordHash === null) return null;
  const notification = await passwordChangedNotice(rt, config, user, signIn.pendingSignOutOthers);
  return { passwordHash: signIn.pendingPasswordHash, revokeOtherSessions: signIn.pendingSignOutOthers, notification };
}

/**
 * POST /v1/client/sign_ins/{id}/attempt_second_factor: an authenticator code (±30 s, each once), the
 * texted code, or a backup code (each once). A right one completes the sign-in (and applies a
 * reset's new password); the authenticator or number used becomes the default next time.
 */
export async function attemptSecondFactor(rt: Runtime, config: InstanceConfig, ctx: ClientContext, id: string, body: SignInAttemptSecondFactorBody): Promise<SignInRecord> {
  const step = await secondFactorStep(rt, config, ctx, id);
  if (body.strategy === 'totp') await verifyTotp(rt, config, step, body.code);
  else if (body.strategy === 'phone_code') await verifyPhoneCode(rt, config, step, body.code);
  else await verifyBackupCode(rt, config, step, body.code);
  const { signIn, user } = step;
  const used = body.strategy === 'totp' ? 'totp' : body.strategy === 'phone_code' ? signIn.secondFactorPhoneNumberId : null;
  if (used !== null && used !== user.defaultSecondFactor) await rt.store.updateUser(user.id, { defaultSecondFactor: used }, rt.now());
  return complete(rt, config, ctx, signIn, user, { strategy: body.strategy, passwordReset: await pendingReset(rt, config, signIn, user) });
}
