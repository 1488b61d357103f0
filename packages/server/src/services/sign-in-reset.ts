import type { SignInResetPasswordBody } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import { UsherError } from '../errors.ts';
import { emailOutboxRecord } from '../mail/outbox-message.ts';
import { passwordChangedEmail } from '../mail/templates.ts';
import type { OutboxRecord, SignInRecord, UserRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { checkNewPassword, personalWords } from './new-password.ts';
import type { Runtime } from './runtime.ts';
import { assertNotLocked, complete } from './sign-in-attempts.ts';
import { getOwnSignIn } from './sign-in-steps.ts';

/** The "your password was changed" notice, to the account's verified primary address (if any). */
export async function passwordChangedNotice(rt: Runtime, config: InstanceConfig, user: UserRecord, otherSessionsSignedOut: boolean, how: 'reset' | 'settings' = 'reset'): Promise<OutboxRecord | null> {
  const emails = await rt.store.listEmailAddresses(user.id);
  const primary = emails.find((e) => e.id === user.primaryEmailAddressId && e.verifiedAt !== null);
  if (!primary) return null;
  return emailOutboxRecord(rt, { to: primary.emailAddress, ...passwordChangedEmail({ applicationName: config.applicationName, otherSessionsSignedOut, how }) });
}

/**
 * The reset code must have been verified recently: a sign-in left at needs_new_password is not a
 * standing licence to change the password. The window is the code's own lifetime.
 */
async function assertResetCodeFresh(rt: Runtime, config: InstanceConfig, signIn: SignInRecord): Promise<void> {
  const verification = await rt.store.getVerification(signIn.id, 'reset_password');
  const verifiedAt = verification?.status === 'verified' ? verification.verifiedAt : null;
  if (verifiedAt === null || verifiedAt + config.verification.codeTtlSeconds * 1000 <= rt.now()) {
    throw new UsherError('verification_expired', { longMessage: 'The reset code was verified too long ago. Start again to get a new code.' });
  }
}

/**
 * POST /v1/client/sign_ins/{id}/reset_password: sets the new password of a sign-in whose reset
 * code was verified, then completes it (session + client-token rotation) in one store call, with
 * the other sessions revoked when asked (`sign_out_of_other_sessions`, default false) and the
 * owner notified. The password policy is sign-up's; it is hashed before the store call, outside
 * any transaction. A second-factor account will stop at needs_second_factor here (see complete()).
 */
export async function resetPassword(rt: Runtime, config: InstanceConfig, ctx: ClientContext, id: string, body: SignInResetPasswordBody): Promise<SignInRecord> {
  const signIn = await getOwnSignIn(rt, ctx, id);
  if (signIn.status !== 'needs_new_password') {
    throw new UsherError('sign_in_status_invalid', {
      longMessage: signIn.status === 'complete' ? 'This sign-in is already complete.' : 'Verify the reset code first.',
    });
  }
  // Only a real account's code can be verified, so a user is always there; a deleted one is gone.
  const user = signIn.userId ? await rt.store.getUser(signIn.userId) : null;
  if (!user) throw new UsherError('sign_in_not_found');
  assertNotLocked(user, rt.now());
  await assertResetCodeFresh(rt, config, signIn);
  const password = await checkNewPassword(rt, body.password, config, { userInputs: personalWords(user) });
  const passwordHash = await rt.hasher.hash(password);
  const revokeOtherSessions = body.sign_out_of_other_sessions ?? false;
  const notification = await passwordChangedNotice(rt, config, user, revokeOtherSessions);
  return complete(rt, config, ctx, signIn, user, { strategy: signIn.firstFactorStrategy === 'reset_password_phone_code' ? 'reset_password_phone_code' : 'reset_password_email_code', passwordReset: { passwordHash, revokeOtherSessions, notification } });
}
