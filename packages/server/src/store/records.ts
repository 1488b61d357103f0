/**
 * The rows of the Usher store: plain data, timestamps in Unix milliseconds. The Store interface
 * that reads and writes them is in types.ts.
 */

import type { ChangeEventFactory } from './change-events.ts';

/** `reset_password` is a sign-in's "forgot password" code: never interchangeable with its sign-in code. */
export type VerificationPurpose = 'sign_in' | 'sign_in_link' | 'sign_up' | 'sign_up_link' | 'email_address' | 'email_address_link' | 'reset_password' | 'reverification' | 'phone_number' | 'second_factor';
export type VerificationStatus = 'unverified' | 'verified' | 'failed' | 'expired';
export type SessionStatus = 'active' | 'ended' | 'expired' | 'removed' | 'replaced' | 'revoked' | 'abandoned';
export type SecondFactorStrategy = 'totp' | 'phone_code' | 'backup_code';
export type SignInStatus = 'needs_identifier' | 'needs_first_factor' | 'needs_second_factor' | 'needs_new_password' | 'complete';
export type SignUpStatus = 'missing_requirements' | 'complete' | 'abandoned';

export interface SigningKeyRecord {
  kid: string;
  alg: 'ES256' | 'RS256';
  /** Private JWK as JSON text. */
  privateJwk: string;
  /** Public JWK as JSON text. */
  publicJwk: string;
  createdAt: number;
  /** When it stopped signing; it stays published until its last token expired. */
  retiredAt: number | null;
}

export interface ClientRecord {
  id: string;
  /** SHA-256 (hex) of the opaque client token; the token itself is never stored. */
  tokenHash: string;
  signInId: string | null;
  signUpId: string | null;
  lastActiveSessionId: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface UserRecord {
  id: string;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  /** argon2id PHC string, or null for a user without a password. */
  passwordHash: string | null;
  imageUrl: string | null;
  primaryEmailAddressId: string | null;
  /** A verified phone number of the user, or null. */
  primaryPhoneNumberId: string | null;
  publicMetadata: Record<string, unknown>;
  privateMetadata: Record<string, unknown>;
  unsafeMetadata: Record<string, unknown>;
  failedAttempts: number;
  lockedUntil: number | null;
  /** Set by the Backend API: a banned user cannot sign in and has no live session. */
  bannedAt: number | null;
  /**
   * The second factor sign-in offers first: `totp`, or the id of a phone number reserved for
   * 2-step verification; null for the first available one.
   */
  defaultSecondFactor: string | null;
  lastSignInAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface EmailAddressRecord {
  id: string;
  userId: string;
  /** Lower-cased, trimmed. Unique across all users. */
  emailAddress: string;
  verifiedAt: number | null;
  createdAt: number;
}

/** What the request that created a session said about its device (see http/device-info.ts). */
export interface PhoneNumberRecord {
  id: string;
  userId: string;
  /** E.164 (`+15555550100`). Only verified numbers are unique, like email addresses. */
  phoneNumber: string;
  verifiedAt: number | null;
  /** The user chose it for 2-step verification (only a verified number can be). */
  reservedForSecondFactor: boolean;
  createdAt: number;
}

export interface SessionDevice {
  userAgent: string | null;
  ipAddress: string | null;
  /** From a trusted proxy's location headers only; no lookup service is ever asked. */
  city: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
}

export interface SessionRecord {
  id: string;
  clientId: string;
  userId: string;
  status: SessionStatus;
  /** null for sessions made before devices were recorded. */
  device: SessionDevice | null;
  firstFactorVerifiedAt: number | null;
  secondFactorVerifiedAt: number | null;
  lastActiveAt: number;
  /** Inactivity deadline: lastActiveAt + inactivity timeout. */
  expireAt: number;
  /** Maximum-lifetime deadline. */
  abandonAt: number;
  createdAt: number;
  updatedAt: number;
}

export interface SignInRecord {
  id: string;
  clientId: string;
  status: SignInStatus;
  identifier: string | null;
  userId: string | null;
  /** Strategy chosen for the first factor, once prepared or attempted. */
  firstFactorStrategy: 'password' | 'email_code' | 'email_link' | 'reset_password_email_code' | 'reset_password_phone_code' | `oauth_${string}` | null;
  firstFactorStatus: VerificationStatus | null;
  /** The second factor last prepared or attempted. */
  secondFactorStrategy: SecondFactorStrategy | null;
  secondFactorStatus: VerificationStatus | null;
  /** The reserved phone number a second-factor code was texted to. */
  secondFactorPhoneNumberId: string | null;
  /**
   * A reset's new password (argon2id), set by reset_password when the account has a second factor:
   * it is applied only when the second factor completes the sign-in, so whoever holds the email
   * alone changes nothing.
   */
  pendingPasswordHash: string | null;
  /** With the pending password: sign out of the other sessions when it is applied. */
  pendingSignOutOthers: boolean;
  redirectUrl: string | null;
  createdSessionId: string | null;
  abandonAt: number;
  createdAt: number;
  updatedAt: number;
}

export interface SignUpRecord {
  id: string;
  clientId: string;
  status: SignUpStatus;
  emailAddress: string | null;
  emailVerifiedAt: number | null;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  passwordHash: string | null;
  legalAcceptedAt: number | null;
  redirectUrl: string | null;
  createdUserId: string | null;
  createdSessionId: string | null;
  abandonAt: number;
  createdAt: number;
  updatedAt: number;
}

/** One code sent for one purpose to one owner (a sign-in, a sign-up, or an email address). */
export interface VerificationRecord {
  id: string;
  purpose: VerificationPurpose;
  /** The sign-in, sign-up or email address id the code is bound to. */
  ownerId: string;
  strategy: 'email_code' | 'email_link' | 'phone_code';
  /** HMAC-SHA-256 (hex) of the code under the instance secret. */
  codeHash: string;
  status: VerificationStatus;
  attempts: number;
  maxAttempts: number;
  expireAt: number;
  verifiedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** An uploaded profile picture, served from this API (GET /v1/images/{id}); its bytes were sniffed, never trusted. */
export interface UserImageRecord {
  id: string;
  userId: string;
  contentType: 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';
  data: Uint8Array;
  createdAt: number;
}

/** A Backend API secret key. Only its SHA-256 is stored; the key itself is shown once, at creation. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  /** SHA-256 (hex) of the whole key. */
  keyHash: string;
  /** The first characters of the key (`sk_test_ab12`), so people can tell keys apart. */
  hint: string;
  createdAt: number;
  revokedAt: number | null;
}

/** A named token shape for another service (Supabase, Hasura…): `getToken({ template: name })`. */
export interface JwtTemplateRecord {
  id: string;
  /** Unique; what the SDK asks for. */
  name: string;
  /** JSON with `{{user.*}}` shortcodes, resolved at every mint. */
  claims: Record<string, unknown>;
  lifetimeSeconds: number;
  /** Extra tolerance the consumer should allow, published as a claim-free setting (informational). */
  allowedClockSkewSeconds: number;
  /** The `aud` claim, if any. */
  audience: string | null;
  /** Signed with the instance keys (ES256, verifiable from JWKS) or with the template's own HS256 secret. */
  signingAlgorithm: 'instance' | 'HS256';
  /** The HS256 secret (only for HS256). */
  signingKey: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Where the Backend API sends events, signed with the endpoint's own secret. */
export interface WebhookEndpointRecord {
  id: string;
  url: string;
  /** `whsec_<base64>`: the receiver's shared secret (needed in clear to sign). */
  secret: string;
  description: string | null;
  /** Event types it receives; null for all. */
  events: string[] | null;
  disabledAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface Page<T> {
  data: T[];
  totalCount: number;
}

export type OutboxStatus = 'pending' | 'processing' | 'sent' | 'dead';

export interface OutboxRecord {
  id: string;
  /**
   * What the worker does with it: 'email' sends through the Mailer, 'sms' through the SmsSender
   * (each announced as email.created / sms.created first); 'event' (written with the
   * change it reports) fans out into one 'webhook' row per subscribed endpoint; 'webhook' POSTs
   * one signed event to one endpoint.
   */
  kind: 'email' | 'sms' | 'event' | 'webhook';
  payload: Record<string, unknown>;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  /** Lease end while a worker holds it; an expired lease makes it claimable again. */
  lockedUntil: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface DevMessageRecord {
  id: string;
  channel: 'email' | 'sms';
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: number;
}

export type ConsumeVerificationResult =
  | { outcome: 'verified'; verification: VerificationRecord }
  | { outcome: 'incorrect'; verification: VerificationRecord }
  | { outcome: 'failed'; verification: VerificationRecord }
  | { outcome: 'expired'; verification: VerificationRecord }
  | { outcome: 'already_verified'; verification: VerificationRecord }
  | { outcome: 'not_found' };

/** A password set by "forgot password", applied in the same transaction that completes the sign-in. */
export interface PasswordResetInput {
  passwordHash: string;
  /** Revokes every other active session of the user (whoever knew the old password is out). */
  revokeOtherSessions: boolean;
  /** The "your password was changed" email, enqueued with the change. */
  notification: OutboxRecord | null;
}

export interface CompleteSignInInput {
  signInId: string;
  fromStatuses: SignInStatus[];
  session: SessionRecord;
  clientTokenHash: string;
  now: number;
  passwordReset?: PasswordResetInput;
  /** Reports session.created (and session.revoked for every session a reset revoked). */
  emit?: ChangeEventFactory;
}

/** A password change by the signed-in user, applied in one transaction. */
export interface ChangePasswordInput {
  userId: string;
  passwordHash: string;
  /** Revokes every other active session of the user; the one making the change stays. */
  revokeOtherSessionsExcept: string | null;
  /** The "your password was changed" email. */
  notification: OutboxRecord | null;
  now: number;
  emit?: ChangeEventFactory;
}

/**
 * A user's authenticator app (TOTP, RFC 6238). One per user; unverified while being set up, until
 * the first correct code.
 */
export interface TotpRecord {
  userId: string;
  /** The shared secret, sealed with AES-256-GCM under a key derived from the instance secret. */
  sealedSecret: string;
  verifiedAt: number | null;
  /** The last 30-second step a code was accepted for: that code and older ones never work again. */
  lastUsedStep: number | null;
  createdAt: number;
  updatedAt: number;
}

/** One single-use backup code; only its HMAC is stored. */
export interface BackupCodeRecord {
  id: string;
  userId: string;
  /** HMAC-SHA-256 (hex) under the instance secret, bound to the user. */
  codeHash: string;
  usedAt: number | null;
  createdAt: number;
}

export type * from './oauth-records.ts';
