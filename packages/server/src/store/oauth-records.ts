/** The records of social / OpenID Connect sign-in (see records.ts for the conventions). */
import type { ChangeEventFactory } from './change-events.ts';
import type { UserRecord } from './records.ts';

/** What a provider told us about the person who signed in with it (after the ID token and userinfo were checked). */
export interface ProviderIdentity {
  /** The provider's id in the instance config (`google`, `github`, a custom slug). */
  provider: string;
  /** The provider's stable user id (`sub`): with `provider`, what identifies the account; never the email alone. */
  subject: string;
  /** Lower-cased, trimmed; null when the provider gave none. */
  emailAddress: string | null;
  /** The provider asserts the address is the person's (`email_verified`, or its own API). */
  emailVerified: boolean;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  imageUrl: string | null;
}

/**
 * One trip to a provider (authorization code + PKCE + state + nonce): started by a sign-in, a
 * sign-up or a signed-in user connecting an account, on one client. Single use; only an HMAC of
 * the state's secret is stored, the PKCE verifier is sealed. When the identity it brought back
 * still needs a step (an email to verify, missing sign-up fields), it keeps that identity until
 * the sign-in or sign-up that now owns it completes.
 */
export interface OAuthAttemptRecord {
  id: string;
  provider: string;
  purpose: 'sign_in' | 'sign_up' | 'connect';
  /** The sign-in (`sia_`), sign-up (`sua_`) or user (`user_`) the attempt belongs to. */
  ownerId: string;
  clientId: string;
  /** HMAC-SHA-256 (hex) of the state's random part, bound to the attempt id. */
  stateHash: string;
  sealedCodeVerifier: string;
  /** OpenID Connect only. */
  nonce: string | null;
  /** The app page the browser returns to (absolute, an allowed origin). */
  redirectUrl: string;
  /** Where the app goes once the flow completes. */
  actionCompleteRedirectUrl: string | null;
  /** pending → consumed (the callback came back, once) → identified (an identity waits for a further step). */
  status: 'pending' | 'consumed' | 'identified';
  identity: ProviderIdentity | null;
  expireAt: number;
  createdAt: number;
  updatedAt: number;
}

/** A provider account linked to a user: unique by (provider, subject). */
export interface ExternalAccountRecord {
  id: string;
  userId: string;
  provider: string;
  subject: string;
  emailAddress: string | null;
  emailVerified: boolean;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  imageUrl: string | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * Links a provider account to a user in one transaction. With `takeOver`, the user was an
 * unverified pre-registration of the address the provider just proved: its password is removed,
 * its active sessions are revoked and the address becomes verified (other unverified copies of it go).
 */
export interface LinkExternalAccountInput {
  account: ExternalAccountRecord;
  takeOver: { emailAddressId: string } | null;
  /** Profile defaults for empty fields (name, image). */
  profile: Partial<Pick<UserRecord, 'firstName' | 'lastName' | 'imageUrl'>>;
  now: number;
  emit?: ChangeEventFactory;
}
