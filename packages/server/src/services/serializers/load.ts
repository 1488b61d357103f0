import type { BackendUserJSON, ClientJSON, SessionJSON, SignInJSON, SignUpJSON } from '@usher/protocol';
import type { InstanceConfig } from '../../config/instance.ts';
import type { ClientRecord, SessionRecord, SignInRecord, SignUpRecord, UserRecord } from '../../store/types.ts';
import { toBackendUserJSON } from './backend.ts';
import { isSessionActive } from '../machines/session.ts';
import { identifierKindOf } from '../machines/sign-in.ts';
import type { Runtime } from '../runtime.ts';
import { toSessionJSON } from './session.ts';
import { showsUserData, toSignInJSON } from './sign-in.ts';
import { toSignUpJSON } from './sign-up.ts';
import { avatarSettings } from './user-image.ts';
import { loadUserJSON } from './user.ts';
import { loadSecondFactors, secondFactorList, usableAfter } from '../second-factors.ts';
import { isResetStrategy } from '../sign-in-steps.ts';
import { latestVerification } from '../email-links.ts';

/** Readers that gather what a wire resource needs from the store, then serialize it. */

export async function loadSignInJSON(rt: Runtime, signIn: SignInRecord, config: InstanceConfig): Promise<SignInJSON> {
  const user = signIn.userId ? await rt.store.getUser(signIn.userId) : null;
  let primaryEmail = null;
  // A username's codes go to the primary address; shown user data draws its initials from it.
  const usernameIdentifier = signIn.identifier !== null && identifierKindOf(signIn.identifier) === 'username';
  if (user && (usernameIdentifier || showsUserData(signIn, config))) {
    const emails = await rt.store.listEmailAddresses(user.id);
    primaryEmail = emails.find((e) => e.id === user.primaryEmailAddressId) ?? null;
  }
  const purpose = signIn.firstFactorStrategy === 'email_code' ? 'sign_in' : signIn.firstFactorStrategy === 'email_link' ? 'sign_in_link' : isResetStrategy(signIn.firstFactorStrategy) ? 'reset_password' : null;
  const verification = purpose ? await rt.store.getVerification(signIn.id, purpose) : null;
  const secondStep = signIn.status === 'needs_second_factor' && user !== null;
  const secondFactors = secondStep ? secondFactorList(user, usableAfter(signIn.firstFactorStrategy, await loadSecondFactors(rt, config, user.id))) : null;
  const secondVerification = signIn.secondFactorStrategy === 'phone_code' ? await rt.store.getVerification(signIn.id, 'second_factor') : null;
  return toSignInJSON({ signIn, config, user, primaryEmail, verification, secondFactors, secondVerification, avatars: avatarSettings(rt.config, config), now: rt.now() });
}

/** A user as the Backend API and the CLI show it: addresses, numbers and second factors included. */
export async function loadBackendUserJSON(rt: Runtime, user: UserRecord, config: InstanceConfig): Promise<BackendUserJSON> {
  const [emails, phones] = await Promise.all([rt.store.listEmailAddresses(user.id), rt.store.listPhoneNumbers(user.id)]);
  return toBackendUserJSON(user, emails, avatarSettings(rt.config, config), rt.now(), phones, await loadSecondFactors(rt, config, user.id, phones));
}

export async function loadSignUpJSON(rt: Runtime, signUp: SignUpRecord, config: InstanceConfig): Promise<SignUpJSON> {
  const [verification, held] = await Promise.all([latestVerification(rt, signUp.id, ['sign_up', 'sign_up_link']), rt.store.findHeldOAuthIdentity(signUp.id, rt.now())]);
  return toSignUpJSON(signUp, config, verification, rt.now(), held);
}

export async function loadSessionJSON(rt: Runtime, session: SessionRecord, config: InstanceConfig): Promise<SessionJSON | null> {
  const user = await rt.store.getUser(session.userId);
  if (!user) return null;
  return toSessionJSON(session, await loadUserJSON(rt, user, config), rt.now());
}

/**
 * The whole client as the SDK keeps it: its live sessions (newest first), the sign-in and sign-up
 * in progress (a completed one is dropped: its result is in `sessions`), the last active session.
 */
export async function loadClientJSON(rt: Runtime, client: ClientRecord | null, config: InstanceConfig): Promise<ClientJSON | null> {
  if (!client) return null;
  const fresh = await rt.store.getClient(client.id);
  if (!fresh) return null;
  const now = rt.now();
  const records = (await rt.store.listClientSessions(fresh.id)).filter((s) => isSessionActive(s, now));
  records.sort((a, b) => b.createdAt - a.createdAt);
  const sessions: SessionJSON[] = [];
  for (const record of records) {
    const json = await loadSessionJSON(rt, record, config);
    if (json) sessions.push(json);
  }
  const signIn = fresh.signInId ? await rt.store.getSignIn(fresh.signInId) : null;
  const signUp = fresh.signUpId ? await rt.store.getSignUp(fresh.signUpId) : null;
  const lastActive = sessions.some((s) => s.id === fresh.lastActiveSessionId) ? fresh.lastActiveSessionId : null;
  return {
    object: 'client',
    id: fresh.id,
    sessions,
    sign_in: signIn && signIn.status !== 'complete' && signIn.abandonAt > now ? await loadSignInJSON(rt, signIn, config) : null,
    sign_up: signUp && signUp.status === 'missing_requirements' && signUp.abandonAt > now ? await loadSignUpJSON(rt, signUp, config) : null,
    last_active_session_id: lastActive,
    created_at: fresh.createdAt,
    updated_at: fresh.updatedAt,
  };
}
