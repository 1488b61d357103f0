import type { OAuthCallbackJSON } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import { UsherError } from '../errors.ts';
import { strategyOf } from '../oauth/providers.ts';
import type { OAuthAttemptRecord, ProviderIdentity, SignInRecord, SignUpRecord, UserRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { linkIdentity, toExternalAccountJSON } from './external-accounts.ts';
import { isValidUsername, normalizeName, normalizeUsername } from './identifiers.ts';
import type { Runtime } from './runtime.ts';
import { assertNotLocked, complete } from './sign-in-attempts.ts';
import { isUserSignedInOnClient } from './sessions.ts';
import { newSignInRecord } from './sign-ins.ts';
import { completeIfReady, newSignUpRecord } from './sign-ups.ts';

type Outcome = Omit<OAuthCallbackJSON, 'object' | 'redirect_url'>;

/**
 * A user whose only tie to `email` is an unverified copy of it, and nothing verified at all: a
 * pre-registration (possibly by someone else). The person who now proves the address gets it,
 * without the unproven password or sessions.
 */
async function preRegistration(rt: Runtime, email: string): Promise<{ user: UserRecord; emailAddressId: string } | null> {
  for (const copy of await rt.store.listUnverifiedEmailAddresses(email)) {
    const user = await rt.store.getUser(copy.userId);
    if (!user) continue;
    const [emails, phones, accounts] = await Promise.all([rt.store.listEmailAddresses(user.id), rt.store.listPhoneNumbers(user.id), rt.store.listExternalAccounts(user.id)]);
    if (emails.every((e) => e.verifiedAt === null) && phones.every((p) => p.verifiedAt === null) && accounts.length === 0) return { user, emailAddressId: copy.id };
  }
  return null;
}

/** Signs the user in on this client (or moves the sign-in to its second step). */
async function signInAs(rt: Runtime, config: InstanceConfig, ctx: ClientContext, attempt: OAuthAttemptRecord, user: UserRecord, existing: SignInRecord | null): Promise<Outcome> {
  assertNotLocked(user, rt.now());
  if (await isUserSignedInOnClient(rt, ctx.client, user.id)) throw new UsherError('identifier_already_signed_in', { longMessage: 'You are already signed in with this account on this device.' });
  const emails = await rt.store.listEmailAddresses(user.id);
  const identifier = emails.find((e) => e.id === user.primaryEmailAddressId)?.emailAddress ?? user.username;
  const base = existing && existing.status !== 'complete' ? existing : null;
  let signIn: SignInRecord;
  if (base) {
    signIn = (await rt.store.updateSignIn(base.id, { status: 'needs_first_factor', identifier, userId: user.id, updatedAt: rt.now() })) ?? base;
  } else {
    signIn = { ...newSignInRecord(rt, attempt.clientId, identifier, user.id, null), status: 'needs_first_factor' };
    await rt.store.createSignIn(signIn);
  }
  const done = await complete(rt, config, ctx, signIn, user, { strategy: strategyOf(attempt.provider) });
  return { outcome: done.status === 'complete' ? 'signed_in' : 'needs_sign_in', created_session_id: done.createdSessionId, external_account: null };
}

/** A sign-up on this client from the provider's data; it completes at once when nothing is missing or unverified. */
async function signUpWith(rt: Runtime, config: InstanceConfig, ctx: ClientContext, attempt: OAuthAttemptRecord, identity: ProviderIdentity): Promise<Outcome> {
  if (config.signUp.mode !== 'public') throw new UsherError('sign_up_not_allowed', { longMessage: 'No account uses this sign-in, and this application does not accept new sign-ups.' });
  const a = config.attributes;
  const username = a.username.enabled && identity.username && isValidUsername(normalizeUsername(identity.username)) ? normalizeUsername(identity.username) : null;
  const free = username !== null && !(await rt.store.findUserByUsername(username));
  const now = rt.now();
  const fields = {
    emailAddress: a.emailAddress.enabled ? identity.emailAddress : null,
    // The provider vouched for the address: it is verified already.
    emailVerifiedAt: a.emailAddress.enabled && identity.emailAddress !== null && identity.emailVerified ? now : null,
    username: free ? username : null,
    firstName: a.firstName.enabled ? normalizeName(identity.firstName) : null,
    lastName: a.lastName.enabled ? normalizeName(identity.lastName) : null,
  };
  // The sign-up that started the trip keeps what it had (legal consent); a sign-in transfers to a new one.
  const started = attempt.purpose === 'sign_up' ? await rt.store.getSignUp(attempt.ownerId) : null;
  let signUp: SignUpRecord;
  if (started && started.status === 'missing_requirements' && started.abandonAt > now) {
    signUp = (await rt.store.updateSignUp(started.id, { ...fields, updatedAt: now })) ?? { ...started, ...fields };
  } else {
    signUp = { ...newSignUpRecord(rt, attempt.clientId), ...fields };
    await rt.store.createSignUp(signUp);
  }
  await rt.store.holdOAuthIdentity(attempt.id, signUp.id, identity, now);
  const done = await completeIfReady(rt, config, ctx, signUp);
  return { outcome: done.status === 'complete' ? 'signed_in' : 'needs_sign_up', created_session_id: done.createdSessionId, external_account: null };
}

/**
 * What a checked identity leads to, for a sign-in or a sign-up alike (sign-in ↔ sign-up transfer):
 * 1. a linked account (provider, subject) → sign in;
 * 2. a verified email the provider vouches for → link to its owner and sign in; or take over an
 *    unverified pre-registration of it; or create the user;
 * 3. an email the provider does not vouch for, of an existing user → that user signs in first
 *    (any of their factors; the link follows on completion);
 * 4. otherwise a sign-up, whose email is verified by code before the user is created.
 */
async function signInOrUp(rt: Runtime, config: InstanceConfig, ctx: ClientContext, attempt: OAuthAttemptRecord, identity: ProviderIdentity): Promise<Outcome> {
  const existing = attempt.purpose === 'sign_in' ? await rt.store.getSignIn(attempt.ownerId) : null;
  const linked = await rt.store.findExternalAccount(identity.provider, identity.subject);
  if (linked) {
    const user = await rt.store.getUser(linked.userId);
    if (user) return signInAs(rt, config, ctx, attempt, user, existing);
  }
  const email = identity.emailAddress;
  const owner = email === null ? null : await rt.store.findUserByEmailAddress(email);
  if (email !== null && identity.emailVerified) {
    if (owner) {
      await linkIdentity(rt, owner, identity);
      return signInAs(rt, config, ctx, attempt, owner, existing);
    }
    const pre = await preRegistration(rt, email);
    if (pre) {
      await linkIdentity(rt, pre.user, identity, pre.emailAddressId);
      const user = (await rt.store.getUser(pre.user.id)) ?? pre.user;
      return signInAs(rt, config, ctx, attempt, user, existing);
    }
    return signUpWith(rt, config, ctx, attempt, identity);
  }
  if (owner) {
    // Not vouched for: prove the account first; completing this sign-in links the provider account.
    assertNotLocked(owner, rt.now());
    const signIn = existing && existing.status !== 'complete' ? existing : null;
    const target = signIn
      ? ((await rt.store.updateSignIn(signIn.id, { status: 'needs_first_factor', identifier: email, userId: owner.id, updatedAt: rt.now() })) ?? signIn)
      : { ...newSignInRecord(rt, attempt.clientId, email, owner.id, null) };
    if (!signIn) await rt.store.createSignIn(target);
    await rt.store.holdOAuthIdentity(attempt.id, target.id, identity, rt.now());
    return { outcome: 'needs_sign_in', created_session_id: null, external_account: null };
  }
  return signUpWith(rt, config, ctx, attempt, identity);
}

/** Connecting from UserProfile: the account joins the signed-in user, unless another user has it. */
async function connect(rt: Runtime, ctx: ClientContext, attempt: OAuthAttemptRecord, identity: ProviderIdentity): Promise<Outcome> {
  const user = await rt.store.getUser(attempt.ownerId);
  // The user who started the connection must still be signed in on this device.
  if (!user || !(await isUserSignedInOnClient(rt, ctx.client, user.id))) throw new UsherError('authentication_invalid');
  const linked = await rt.store.findExternalAccount(identity.provider, identity.subject);
  if (linked && linked.userId !== user.id) throw new UsherError('external_account_exists');
  const account = linked ?? (await linkIdentity(rt, user, identity));
  return { outcome: 'connected', created_session_id: null, external_account: toExternalAccountJSON(account) };
}

export function resolveIdentity(rt: Runtime, config: InstanceConfig, ctx: ClientContext, attempt: OAuthAttemptRecord, identity: ProviderIdentity): Promise<Outcome> {
  return attempt.purpose === 'connect' ? connect(rt, ctx, attempt, identity) : signInOrUp(rt, config, ctx, attempt, identity);
}
