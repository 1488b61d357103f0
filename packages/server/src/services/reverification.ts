import type { SessionVerificationJSON, SessionVerifyAttemptBody, SignInFactorJSON } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import type { CodeBinding } from '../crypto/codes.ts';
import { UsherError } from '../errors.ts';
import type { EmailAddressRecord, SessionRecord, UserRecord, VerificationRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { maskIdentifier } from './identifiers.ts';
import { isWrongGuess } from './machines/verification.ts';
import { getMe } from './current-user.ts';
import { acceptTypedPassword } from './passwords.ts';
import type { Runtime } from './runtime.ts';
import { loadSessionJSON } from './serializers/load.ts';
import { toVerificationJSON } from './serializers/verification.ts';
import { assertNotLocked, countFailure } from './sign-in-attempts.ts';
import { codeRedemptionFailure, redeemVerificationCode, sendVerificationCode } from './verifications.ts';

/** A first factor verified this recently unlocks sensitive changes (password, addresses, deletion). */
export const REVERIFICATION_WINDOW_MS = 10 * 60_000;

export function isRecentlyVerified(session: SessionRecord, now: number): boolean {
  return session.firstFactorVerifiedAt !== null && now - session.firstFactorVerifiedAt <= REVERIFICATION_WINDOW_MS;
}

/** 403 session_reverification_required unless the session verified a first factor in the last 10 minutes. */
export function assertRecentlyVerified(session: SessionRecord, now: number): void {
  if (!isRecentlyVerified(session, now)) throw new UsherError('session_reverification_required');
}

async function primaryEmail(rt: Runtime, user: UserRecord): Promise<EmailAddressRecord | null> {
  const emails = await rt.store.listEmailAddresses(user.id);
  return emails.find((e) => e.id === user.primaryEmailAddressId && e.verifiedAt !== null) ?? null;
}

/**
 * One round per verified state: the owner includes the time of the last verification, so a round
 * that succeeded (or burnt its attempts) is never reused by the next one.
 */
function codeBinding(session: SessionRecord, email: EmailAddressRecord): CodeBinding {
  return { purpose: 'reverification', ownerId: `${session.id}:${session.firstFactorVerifiedAt ?? 0}`, target: email.emailAddress };
}

async function factors(rt: Runtime, config: InstanceConfig, user: UserRecord): Promise<SignInFactorJSON[]> {
  const list: SignInFactorJSON[] = [];
  if (config.attributes.password.enabled && user.passwordHash !== null) list.push({ strategy: 'password' });
  const email = await primaryEmail(rt, user);
  if (email) list.push({ strategy: 'email_code', safe_identifier: maskIdentifier(email.emailAddress), email_address_id: email.id, primary: true });
  return list;
}

async function view(rt: Runtime, config: InstanceConfig, session: SessionRecord, user: UserRecord, verification: VerificationRecord | null): Promise<SessionVerificationJSON> {
  const fresh = (await rt.store.getSession(session.id)) ?? session;
  const json = await loadSessionJSON(rt, fresh, config);
  if (!json) throw new UsherError('authentication_invalid');
  return {
    object: 'session_verification',
    status: isRecentlyVerified(fresh, rt.now()) ? 'complete' : 'needs_first_factor',
    level: 'first_factor',
    supported_first_factors: await factors(rt, config, user),
    first_factor_verification: verification ? toVerificationJSON(verification, rt.now()) : null,
    session: json,
  };
}

/** POST /v1/client/sessions/{id}/verify: what the user can verify with; 'complete' when the last verification is recent. */
export async function startReverification(rt: Runtime, config: InstanceConfig, ctx: ClientContext, sessionId: string): Promise<SessionVerificationJSON> {
  const { session, user } = await getMe(rt, ctx, sessionId);
  return view(rt, config, session, user, null);
}

/** Emails a code to the verified primary address. */
export async function prepareReverification(rt: Runtime, config: InstanceConfig, ctx: ClientContext, sessionId: string): Promise<SessionVerificationJSON> {
  const { session, user } = await getMe(rt, ctx, sessionId);
  const email = await primaryEmail(rt, user);
  if (!email) throw new UsherError('strategy_not_allowed', { paramName: 'strategy', longMessage: 'This account has no verified email address to send a code to.' });
  const verification = await sendVerificationCode(rt, config, codeBinding(session, email));
  return view(rt, config, session, user, verification);
}

/**
 * Checks the password or the emailed code. Wrong answers count toward the account's lockout like
 * at sign-in (a locked account is refused); a right one renews the session's first-factor time.
 */
export async function attemptReverification(rt: Runtime, config: InstanceConfig, ctx: ClientContext, sessionId: string, body: SessionVerifyAttemptBody): Promise<SessionVerificationJSON> {
  const { session, user } = await getMe(rt, ctx, sessionId);
  assertNotLocked(user, rt.now());
  let verification: VerificationRecord | null = null;
  if (body.strategy === 'password') {
    if (!config.attributes.password.enabled || user.passwordHash === null) throw new UsherError('strategy_not_allowed', { paramName: 'strategy' });
    if (!(await rt.hasher.verify(user.passwordHash, acceptTypedPassword(body.password, config)))) {
      await countFailure(rt, config, user);
      throw new UsherError('form_password_incorrect', { paramName: 'password' });
    }
  } else {
    const email = await primaryEmail(rt, user);
    if (!email) throw new UsherError('strategy_not_allowed', { paramName: 'strategy' });
    const result = await redeemVerificationCode(rt, codeBinding(session, email), body.code);
    if (result.outcome !== 'verified') {
      if (isWrongGuess(result.outcome)) await countFailure(rt, config, user);
      throw codeRedemptionFailure(result);
    }
    verification = result.verification;
  }
  if (!(await rt.store.markSessionVerified(session.id, rt.now()))) throw new UsherError('authentication_invalid');
  return view(rt, config, session, user, verification);
}
