import type { SignInAttemptFirstFactorBody } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import { UsherError } from '../errors.ts';
import type { SignInRecord, UserRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { nextSignInStatus } from './machines/sign-in.ts';
import { isWrongGuess, redemptionError } from './machines/verification.ts';
import { acceptTypedPassword } from './passwords.ts';
import type { Runtime } from './runtime.ts';
import { newSessionRecord } from './sessions.ts';
import { assertFirstFactorStep, assertStrategy, emailCodeBinding, getOwnSignIn } from './sign-in-steps.ts';
import { redeemVerificationCode } from './verifications.ts';

function lockedError(lockedUntil: number): UsherError {
  return new UsherError('user_locked', { meta: { lock_expires_at: lockedUntil } });
}

/** A locked account refuses every factor, the right one included, until the lock ends. */
function assertNotLocked(user: UserRecord | null, now: number): void {
  if (user && user.lockedUntil !== null && user.lockedUntil > now) throw lockedError(user.lockedUntil);
}

/** Counts a wrong factor against the account; the failure that reaches the limit answers user_locked. */
async function countFailure(rt: Runtime, config: InstanceConfig, user: UserRecord | null): Promise<void> {
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
  return complete(rt, config, ctx, signIn, user, 'password');
}

async function attemptEmailCode(rt: Runtime, config: InstanceConfig, ctx: ClientContext, signIn: SignInRecord, code: string): Promise<SignInRecord> {
  if (signIn.firstFactorStrategy !== 'email_code') throw new UsherError('verification_not_prepared', { paramName: 'code' });
  const user = signIn.userId ? await rt.store.getUser(signIn.userId) : null;
  assertNotLocked(user, rt.now());
  const { binding } = await emailCodeBinding(rt, signIn, user);
  const result = await redeemVerificationCode(rt, binding, code);
  if (result.outcome === 'verified' && user) return complete(rt, config, ctx, signIn, user, 'email_code');
  if (isWrongGuess(result.outcome)) await countFailure(rt, config, user);
  const error = redemptionError(result.outcome) ?? 'form_code_incorrect';
  const remaining = result.outcome === 'incorrect' ? Math.max(0, result.verification.maxAttempts - result.verification.attempts) : undefined;
  throw new UsherError(error, { paramName: 'code', meta: remaining === undefined ? undefined : { remaining_attempts: remaining } });
}

export async function attemptFirstFactor(rt: Runtime, config: InstanceConfig, ctx: ClientContext, id: string, body: SignInAttemptFirstFactorBody): Promise<SignInRecord> {
  const signIn = await getOwnSignIn(rt, ctx, id);
  assertFirstFactorStep(signIn);
  assertStrategy(config, body.strategy);
  if (body.strategy === 'password') return attemptPassword(rt, config, ctx, signIn, acceptTypedPassword(body.password, config));
  return attemptEmailCode(rt, config, ctx, signIn, body.code);
}

/**
 * Creates the session and rotates the client token in one store call (no session fixation).
 * Accounts have no second factor yet; when they do, this is where needs_second_factor begins.
 */
async function complete(rt: Runtime, config: InstanceConfig, ctx: ClientContext, signIn: SignInRecord, user: UserRecord, strategy: 'password' | 'email_code'): Promise<SignInRecord> {
  if (nextSignInStatus(signIn.status, { type: 'first_factor_verified', secondFactorRequired: false }) !== 'complete') {
    throw new UsherError('sign_in_status_invalid');
  }
  const session = newSessionRecord(rt, config, signIn.clientId, user.id);
  const rotation = await ctx.prepareRotation();
  const now = rt.now();
  const completed = await rt.store.completeSignIn({ signInId: signIn.id, fromStatuses: ['needs_first_factor'], session, clientTokenHash: rotation.tokenHash, now });
  if (!completed) throw new UsherError('sign_in_status_invalid', { longMessage: 'This sign-in was completed by another request.' });
  ctx.rotated(rotation.token, now);
  const updated = await rt.store.updateSignIn(signIn.id, { firstFactorStrategy: strategy, firstFactorStatus: 'verified', createdSessionId: session.id, updatedAt: now });
  return updated ?? { ...signIn, status: 'complete', createdSessionId: session.id };
}
