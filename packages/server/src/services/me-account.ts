import type { ChangePasswordBody } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import { UsherError } from '../errors.ts';
import type { ClientContext } from './client-context.ts';
import { changeEvents } from './events.ts';
import { getMe, type Me } from './current-user.ts';
import { acceptTypedPassword } from './passwords.ts';
import { checkNewPassword, personalWords } from './new-password.ts';
import { assertRecentlyVerified } from './reverification.ts';
import type { Runtime } from './runtime.ts';
import { assertNotLocked, countFailure } from './sign-in-attempts.ts';
import { passwordChangedNotice } from './sign-in-reset.ts';

/**
 * POST /v1/me/change_password. A user who has a password proves it (`current_password`; a wrong
 * one counts toward the lockout, and a right one counts as a fresh verification); one without a
 * password (email-code accounts setting one) needs a re-verification from the last 10 minutes.
 * The new password follows the sign-up policy and is hashed before the store call, which sets it,
 * revokes the other sessions when asked and enqueues the notice in one transaction.
 */
export async function changePassword(rt: Runtime, config: InstanceConfig, ctx: ClientContext, requestedSessionId: string | null, body: ChangePasswordBody): Promise<Me> {
  const { session, user } = await getMe(rt, ctx, requestedSessionId);
  if (!config.attributes.password.enabled) throw new UsherError('strategy_not_allowed', { paramName: 'new_password', longMessage: 'This application does not use passwords.' });
  assertNotLocked(user, rt.now());
  if (user.passwordHash !== null) {
    if (body.current_password === undefined) throw new UsherError('form_param_missing', { paramName: 'current_password', longMessage: 'Enter your current password.' });
    if (!(await rt.hasher.verify(user.passwordHash, acceptTypedPassword(body.current_password, config, 'current_password')))) {
      await countFailure(rt, config, user);
      throw new UsherError('form_password_incorrect', { paramName: 'current_password' });
    }
  } else {
    assertRecentlyVerified(session, rt.now());
  }
  const passwordHash = await rt.hasher.hash(await checkNewPassword(rt, body.new_password, config, { paramName: 'new_password', userInputs: personalWords(user) }));
  const signOutOthers = body.sign_out_of_other_sessions === true;
  const now = rt.now();
  const changed = await rt.store.changePassword({
    userId: user.id,
    passwordHash,
    revokeOtherSessionsExcept: signOutOthers ? session.id : null,
    notification: await passwordChangedNotice(rt, config, user, signOutOthers, 'settings'),
    now,
    emit: changeEvents(rt),
  });
  if (!changed) throw new UsherError('authentication_invalid');
  await rt.store.markSessionVerified(session.id, now);
  return getMe(rt, ctx, session.id);
}

/**
 * DELETE /v1/me: when the instance lets users delete themselves, after a re-verification from the
 * last 10 minutes. Deletes the user, its addresses and sessions (user.deleted is reported) and
 * signs this device out.
 */
export async function deleteMe(rt: Runtime, config: InstanceConfig, ctx: ClientContext, requestedSessionId: string | null): Promise<string> {
  const { session, user } = await getMe(rt, ctx, requestedSessionId);
  if (!config.account.deleteSelfEnabled) throw new UsherError('account_deletion_not_allowed');
  assertRecentlyVerified(session, rt.now());
  const now = rt.now();
  if (!(await rt.store.deleteUser(user.id, now, changeEvents(rt)))) throw new UsherError('authentication_invalid');
  ctx.signedOut(now);
  return user.id;
}
