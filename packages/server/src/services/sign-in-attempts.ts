import type { SignInAttemptFirstFactorBody } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import { UsherError } from '../errors.ts';
import type { PasswordResetInput, SecondFactorStrategy, SignInRecord, SignInStatus, UserRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { nextSignInStatus, type SignInEvent } from './machines/sign-in.ts';
import { isWrongGuess, redemptionError } from './machines/verification.ts';
import { acceptTypedPassword } from './passwords.ts';
import type { Runtime } from './runtime.ts';
import { linkHeldIdentity } from './external-accounts.ts';
import { newSessionRecord } from './sessions.ts';
import { assertFirstFactorStep, assertStrategy, codeBinding, getOwnSignIn, isResetStrategy, type CodeStrategy } from './sign-in-steps.ts';
import { redeemVerificationCode } from './verifications.ts';
import { changeEvents } from './events.ts';
import { hasSecondFactor, loadSecondFactors } from './second-factors.ts';

function lockedError(lockedUntil: number): UsherError {
  return new UsherError('user_locked', { meta: { lock_expires_at: lockedUntil } });
}

/** A locked account refuses every factor, the right one included, until the lock ends. */
export function assertNotLocked(user: UserRecord | null, now: number): void {
  if (user && user.lockedUntil !== null && user.lockedUntil > now) throw lockedError(user.lockedUntil);
}

/** Counts a wrong factor against the account; the failure that reaches the limit answers user_locked. */
export async function countFailure(rt: Runtime, config: InstanceConfig, user: UserRecord | null): Promise<void> {
  if (!user) return;
  const now = rt.now();
  const result = await rt.store.recordFailedAttempt(user.id, now, { maxAttempts: config.lockout.maxAttempts, lockMs: config.lockout.lockSeconds * 1000 });
  if (result.lockedUntil !== null && result.lockedUntil > now) throw lockedError(result.lockedUntil);
}

/**
 * Checks a password. The hash is verified outside any store transaction; an unknown identifier or
 * an account without a password verifies against a decoy hash, so the time taken is comparable
 * and the answer is the same form_password_incorrect.
 */
export async function attemptPassword(rt: Runtime, config: InstanceConfig, ctx: ClientContext, signIn: SignInRecord, password: string): Promise<SignInRecord> {
  const user = signIn.userId ? await rt.store.getUser(signIn.userId) : null;
  assertNotLocked(user, rt.now());
  let correct = false;
  if (user?.passwordHash) {
    correct = await rt.hasher.verify(user.passwordHash, password);
  } else {
    await rt.hasher.verify(rt.dummyPasswordHash, password);
  }
  if (!user || !correct) {
    await countFailure(rt, config, user);
    throw new UsherError('form_password_incorrect', { paramName: 'password' });
  }
  return complete(rt, config, ctx, signIn, user, { strategy: 'password' });
}

/**
 * Redeems a code of `strategy` for this sign-in and answers the account. A wrong code spends one of
 * the code's attempts and counts toward the account's lockout; a reset code never redeems as a
 * sign-in code or the reverse (each is bound to its own purpose).
 */
async function redeemSignInCode(rt: Runtime, config: InstanceConfig, signIn: SignInRecord, strategy: CodeStrategy, code: string): Promise<UserRecord> {
  if (signIn.firstFactorStrategy !== strategy) throw new UsherError('verification_not_prepared', { paramName: 'code' });
  const user = signIn.userId ? await rt.store.getUser(signIn.userId) : null;
  assertNotLocked(user, rt.now());
  const { binding } = await codeBinding(rt, signIn, user, strategy);
  const result = await redeemVerificationCode(rt, binding, code);
  if (result.outcome === 'verified' && user) return user;
  if (isWrongGuess(result.outcome)) await countFailure(rt, config, user);
  const error = redemptionError(result.outcome) ?? 'form_code_incorrect';
  const remaining = result.outcome === 'incorrect' ? Math.max(0, result.verification.maxAttempts - result.verification.attempts) : undefined;
  throw new UsherError(error, { paramName: 'code', meta: remaining === undefined ? undefined : { remaining_attempts: remaining } });
}

/** A correct reset code (emailed or texted) moves the sign-in to needs_new_password; nothing signs in yet. */
async function attemptResetCode(rt: Runtime, config: InstanceConfig, signIn: SignInRecord, strategy: 'reset_password_email_code' | 'reset_password_phone_code', code: string): Promise<SignInRecord> {
  await redeemSignInCode(rt, config, signIn, strategy, code);
  const status = nextSignInStatus(signIn.status, { type: 'reset_code_verified' });
  if (status === null) throw new UsherError('sign_in_status_invalid');
  const updated = await rt.store.updateSignIn(signIn.id, { status, firstFactorStatus: 'verified', updatedAt: rt.now() });
  return updated ?? { ...signIn, status, firstFactorStatus: 'verified' };
}

/** A first factor typed on this device (an emailed link's confirmation is sign-in-email-link.ts). */
export async function attemptFirstFactor(rt: Runtime, config: InstanceConfig, ctx: ClientContext, id: string, body: Exclude<SignInAttemptFirstFactorBody, { strategy: 'email_link' }>): Promise<SignInRecord> {
  const signIn = await getOwnSignIn(rt, ctx, id);
  assertFirstFactorStep(signIn);
  assertStrategy(config, body.strategy);
  if (body.strategy === 'password') return attemptPassword(rt, config, ctx, signIn, acceptTypedPassword(body.password, config));
  if (isResetStrategy(body.strategy)) return attemptResetCode(rt, config, signIn, body.strategy, body.code);
  const user = await redeemSignInCode(rt, config, signIn, 'email_code', body.code);
  return complete(rt, config, ctx, signIn, user, { strategy: 'email_code' });
}

/**
 * How a sign-in ends: the first factor that proved it (with a reset's new password), or the second
 * factor, with the reset password held back until then.
 */
export type Completion =
  | { strategy: 'password' | 'email_code' | 'email_link' | `oauth_${string}` }
  | { strategy: 'reset_password_email_code' | 'reset_password_phone_code'; passwordReset: PasswordResetInput }
  | { strategy: SecondFactorStrategy; passwordReset: PasswordResetInput | null };

const isSecondFactor = (completion: Completion): completion is Extract<Completion, { strategy: SecondFactorStrategy }> =>
  completion.strategy === 'totp' || completion.strategy === 'phone_code' || completion.strategy === 'backup_code';

/**
 * After the first factor (or a reset's new password), an account with a second factor waits at
 * needs_second_factor: no session yet. A reset's password is kept on the sign-in, applied only when
 * the second factor completes it.
 */
async function awaitSecondFactor(rt: Runtime, config: InstanceConfig, signIn: SignInRecord, completion: Exclude<Completion, { strategy: SecondFactorStrategy }>): Promise<SignInRecord> {
  const reset = isResetStrategy(completion.strategy);
  const status = nextSignInStatus(signIn.status, reset ? { type: 'password_reset', secondFactorRequired: true } : { type: 'first_factor_verified', secondFactorRequired: true });
  if (status !== 'needs_second_factor') throw new UsherError('sign_in_status_invalid');
  const now = rt.now();
  // A right first factor is no standing licence: the second one follows within a code's lifetime (10 minutes), or the sign-in is gone.
  const abandonAt = Math.min(signIn.abandonAt, now + config.verification.codeTtlSeconds * 1000);
  const patch: Partial<SignInRecord> = { status, firstFactorStatus: 'verified', secondFactorStrategy: null, secondFactorStatus: null, secondFactorPhoneNumberId: null, abandonAt, updatedAt: now };
  if ('passwordReset' in completion) Object.assign(patch, { pendingPasswordHash: completion.passwordReset.passwordHash, pendingSignOutOthers: completion.passwordReset.revokeOtherSessions });
  else patch.firstFactorStrategy = completion.strategy;
  const updated = await rt.store.updateSignIn(signIn.id, patch);
  return updated ?? { ...signIn, ...patch };
}

/**
 * Completes the sign-in, or stops at needs_second_factor when the account has one and this was
 * the first factor. Completing creates the session and rotates the client token in one store
 * call (no session fixation); a reset's new password, the revocation of other sessions and the
 * notice commit with it.
 */
export async function complete(rt: Runtime, config: InstanceConfig, ctx: ClientContext, signIn: SignInRecord, user: UserRecord, completion: Completion): Promise<SignInRecord> {
  const second = isSecondFactor(completion);
  const reset = isResetStrategy(completion.strategy);
  const event: SignInEvent = second ? { type: 'second_factor_verified' } : reset ? { type: 'password_reset', secondFactorRequired: false } : { type: 'first_factor_verified', secondFactorRequired: false };
  if (nextSignInStatus(signIn.status, event) !== 'complete') throw new UsherError('sign_in_status_invalid');
  // Only after a correct factor: a wrong one answers the same for banned and other accounts.
  if (user.bannedAt !== null) throw new UsherError('user_banned');
  if (!second && hasSecondFactor(await loadSecondFactors(rt, config, user.id))) return awaitSecondFactor(rt, config, signIn, completion);
  const fromStatuses: SignInStatus[] = [second ? 'needs_second_factor' : reset ? 'needs_new_password' : 'needs_first_factor'];
  const session = newSessionRecord(rt, config, signIn.clientId, user.id, ctx.device);
  if (second) session.secondFactorVerifiedAt = session.createdAt;
  const rotation = await ctx.prepareRotation();
  const now = rt.now();
  const passwordReset = 'passwordReset' in completion ? completion.passwordReset : null;
  const completed = await rt.store.completeSignIn({ signInId: signIn.id, fromStatuses, session, clientTokenHash: rotation.tokenHash, now, emit: changeEvents(rt), ...(passwordReset ? { passwordReset } : {}) });
  if (!completed) throw new UsherError('sign_in_status_invalid', { longMessage: 'This sign-in was completed by another request.' });
  ctx.rotated(rotation.token, now);
  // A provider account that waited for this sign-in to prove the account is linked now.
  await linkHeldIdentity(rt, signIn.id, user);
  const patch: Partial<SignInRecord> = second
    ? { secondFactorStrategy: completion.strategy, secondFactorStatus: 'verified', pendingPasswordHash: null, pendingSignOutOthers: false }
    : { firstFactorStrategy: completion.strategy, firstFactorStatus: 'verified' };
  const updated = await rt.store.updateSignIn(signIn.id, { ...patch, createdSessionId: session.id, updatedAt: now });
  return updated ?? { ...signIn, ...patch, status: 'complete', createdSessionId: session.id };
}
