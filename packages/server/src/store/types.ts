/**
 * The persistence contract of the Usher server. Every method is one intention and is atomic:
 * an adapter runs it in one transaction (or one conditional statement), so services never do
 * read-modify-write across calls. Timestamps are Unix milliseconds. Records are plain data;
 * adapters must return fresh objects (callers may not mutate what they pass or receive).
 *
 * Adapters: memory/ (tests, MSW, Storybook) and sql/ (Kysely on SQLite or PostgreSQL).
 * The conformance suite store.case.ts runs against all of them.
 */

/** `reset_password` is a sign-in's "forgot password" code: never interchangeable with its sign-in code. */
export type VerificationPurpose = 'sign_in' | 'sign_up' | 'email_address' | 'reset_password';
export type VerificationStatus = 'unverified' | 'verified' | 'failed' | 'expired';
export type SessionStatus = 'active' | 'ended' | 'expired' | 'removed' | 'replaced' | 'revoked' | 'abandoned';
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
  publicMetadata: Record<string, unknown>;
  privateMetadata: Record<string, unknown>;
  unsafeMetadata: Record<string, unknown>;
  failedAttempts: number;
  lockedUntil: number | null;
  /** Set by the Backend API: a banned user cannot sign in and has no live session. */
  bannedAt: number | null;
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

export interface SessionRecord {
  id: string;
  clientId: string;
  userId: string;
  status: SessionStatus;
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
  firstFactorStrategy: 'password' | 'email_code' | 'reset_password_email_code' | null;
  firstFactorStatus: VerificationStatus | null;
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
  strategy: 'email_code';
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

export interface Page<T> {
  data: T[];
  totalCount: number;
}

export type OutboxStatus = 'pending' | 'processing' | 'sent' | 'dead';

export interface OutboxRecord {
  id: string;
  /** What the worker does with it: 'email' sends through the Mailer. */
  kind: 'email';
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
}

/** Thrown when a unique identifier (email address or username) is already taken. */
export class StoreConflictError extends Error {
  override readonly name = 'StoreConflictError';
  constructor(readonly field: 'email_address' | 'username' | 'name') {
    super(`${field} already exists`);
  }
}

/** What updateUser may change. */
export type UserPatch = Partial<Pick<UserRecord, 'username' | 'firstName' | 'lastName' | 'imageUrl' | 'passwordHash' | 'publicMetadata' | 'privateMetadata' | 'unsafeMetadata'>>;

export interface Store {
  /** Creates or upgrades the schema. Idempotent; safe to call from several instances at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  // ── settings: small JSON documents by key (instance config, instance secret) ──
  getSetting<T>(key: string): Promise<T | null>;
  putSetting(key: string, value: unknown): Promise<void>;
  /** Stores value only if the key is absent; answers what is stored afterwards (first writer wins). */
  putSettingIfAbsent<T>(key: string, value: T): Promise<T>;
  /**
   * Read-modify-write of one setting as one atomic step: concurrent updates apply one after the
   * other, none is lost. `update` is pure and synchronous (it may run again on a retry).
   */
  updateSetting<T>(key: string, update: (current: T | null) => T): Promise<T>;

  // ── signing keys ──
  listSigningKeys(): Promise<SigningKeyRecord[]>;
  insertSigningKey(key: SigningKeyRecord): Promise<void>;
  retireSigningKey(kid: string, retiredAt: number): Promise<void>;
  /** Deletes keys retired before `before` (their last token has expired). */
  deleteRetiredSigningKeys(before: number): Promise<number>;

  // ── clients ──
  createClient(client: ClientRecord): Promise<void>;
  getClient(id: string): Promise<ClientRecord | null>;
  findClientByTokenHash(tokenHash: string): Promise<ClientRecord | null>;
  rotateClientToken(clientId: string, tokenHash: string, now: number): Promise<void>;

  // ── users ──
  getUser(id: string): Promise<UserRecord | null>;
  findUserByEmailAddress(emailAddress: string): Promise<UserRecord | null>;
  findUserByUsername(username: string): Promise<UserRecord | null>;
  listEmailAddresses(userId: string): Promise<EmailAddressRecord[]>;
  /** Patches profile fields (and, for the Backend API, password and metadata); throws StoreConflictError('username') when taken. */
  updateUser(id: string, patch: UserPatch, now: number): Promise<UserRecord | null>;
  /**
   * Counts one failed attempt; when the count reaches maxAttempts the user is locked until
   * now + lockMs and the count starts again. Atomic under concurrency.
   */
  recordFailedAttempt(userId: string, now: number, policy: { maxAttempts: number; lockMs: number }): Promise<{ failedAttempts: number; lockedUntil: number | null }>;

  // ── users, as the Backend API manages them ──
  /** Newest first by default; `query` matches email addresses, username, first and last name (case-insensitive substring). */
  listUsers(input: { query?: string; limit: number; offset: number; order: 'asc' | 'desc' }): Promise<Page<UserRecord>>;
  /** Inserts a user with its email addresses; throws StoreConflictError when one is taken (nothing is written). */
  createUser(input: { user: UserRecord; emailAddresses: EmailAddressRecord[] }): Promise<void>;
  /** Deletes the user, its email addresses and its sessions; false when there was no such user. */
  deleteUser(id: string, now: number): Promise<boolean>;
  /** Bans (a time) or unbans (null); banning revokes every active session of the user in the same transaction. */
  setUserBanned(id: string, bannedAt: number | null, now: number): Promise<UserRecord | null>;
  /** Locks until a time, or unlocks (null, which also resets the failure count). */
  setUserLock(id: string, lockedUntil: number | null, now: number): Promise<UserRecord | null>;

  // ── sign-ins ──
  /** Inserts the sign-in and makes it the client's current one. */
  createSignIn(signIn: SignInRecord): Promise<void>;
  getSignIn(id: string): Promise<SignInRecord | null>;
  updateSignIn(id: string, patch: Partial<Omit<SignInRecord, 'id' | 'clientId' | 'createdAt'>>): Promise<SignInRecord | null>;
  /**
   * Completes a sign-in atomically (with `passwordReset`, the reset is part of the same
   * transaction): the sign-in becomes complete with the session, the session is
   * inserted, the client's last active session is set and its token rotated (no fixation), the
   * user's failed attempts reset and lastSignInAt set. Answers false (and changes nothing) when the
   * sign-in is not in one of `fromStatuses` any more (a concurrent completion won).
   */
  completeSignIn(input: CompleteSignInInput): Promise<boolean>;

  // ── sign-ups ──
  /** Inserts the sign-up and makes it the client's current one. */
  createSignUp(signUp: SignUpRecord): Promise<void>;
  getSignUp(id: string): Promise<SignUpRecord | null>;
  updateSignUp(id: string, patch: Partial<Omit<SignUpRecord, 'id' | 'clientId' | 'createdAt'>>): Promise<SignUpRecord | null>;
  /**
   * Completes a sign-up atomically: inserts the user and its verified email address, the session,
   * marks the sign-up complete, sets the client's last active session and rotates its token.
   * Throws StoreConflictError when the email or username was taken meanwhile (nothing changes);
   * answers false when the sign-up is no longer missing_requirements.
   */
  completeSignUp(input: { signUpId: string; user: UserRecord; emailAddress: EmailAddressRecord | null; session: SessionRecord; clientTokenHash: string; now: number }): Promise<boolean>;

  // ── verifications (one per owner and purpose) ──
  /**
   * Stores a fresh code for (ownerId, purpose) and enqueues its message in the same transaction.
   * A resend keeps the attempts already spent (a resend never resets the budget); a verification
   * that already failed or was verified keeps its status and the message is not enqueued.
   */
  prepareVerification(verification: VerificationRecord, message: OutboxRecord): Promise<VerificationRecord>;
  getVerification(ownerId: string, purpose: VerificationPurpose): Promise<VerificationRecord | null>;
  /**
   * Redeems a code. Exactly one of any number of concurrent redemptions of a right code wins
   * ('verified'); later ones see 'already_verified'. A wrong code spends one attempt
   * ('incorrect'); the attempt that reaches maxAttempts turns it 'failed'. Past expireAt: 'expired'.
   */
  consumeVerification(input: { ownerId: string; purpose: VerificationPurpose; codeHash: string; now: number }): Promise<ConsumeVerificationResult>;

  // ── sessions ──
  getSession(id: string): Promise<SessionRecord | null>;
  listClientSessions(clientId: string): Promise<SessionRecord[]>;
  /** Moves a session from one of `from` to `to`; false when it was not in `from`. */
  setSessionStatus(id: string, from: SessionStatus[], to: SessionStatus, now: number): Promise<boolean>;
  /** Ends every active session of the client with `to`; answers how many. Clears lastActiveSessionId. */
  endClientSessions(clientId: string, to: SessionStatus, now: number): Promise<number>;
  /**
   * Records activity: sets lastActiveAt=now and expireAt=now+inactivityMs, but writes only when
   * the stored lastActiveAt is older than minIntervalMs (at most one write per session per interval).
   */
  touchSession(id: string, now: number, inactivityMs: number, minIntervalMs: number): Promise<void>;
  /** Every session matching the filter, newest first. */
  listSessions(input: { userId?: string; status?: SessionStatus; limit: number; offset: number }): Promise<Page<SessionRecord>>;
  /** Sets the client's last active session (null clears it). */
  setLastActiveSession(clientId: string, sessionId: string | null, now: number): Promise<void>;

  // ── Backend API secret keys ──
  insertApiKey(key: ApiKeyRecord): Promise<void>;
  findApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | null>;
  /** Oldest first, revoked ones included. */
  listApiKeys(): Promise<ApiKeyRecord[]>;
  /** False when the key does not exist or was already revoked. */
  revokeApiKey(id: string, now: number): Promise<boolean>;

  // ── JWT templates ──
  /** Throws StoreConflictError('name') when the name is taken. */
  createJwtTemplate(template: JwtTemplateRecord): Promise<void>;
  getJwtTemplate(id: string): Promise<JwtTemplateRecord | null>;
  findJwtTemplateByName(name: string): Promise<JwtTemplateRecord | null>;
  /** Oldest first. */
  listJwtTemplates(): Promise<JwtTemplateRecord[]>;
  /** Replaces every field but id and createdAt; throws StoreConflictError('name'); null when absent. */
  replaceJwtTemplate(template: JwtTemplateRecord): Promise<JwtTemplateRecord | null>;
  deleteJwtTemplate(id: string): Promise<boolean>;

  // ── durable outbox ──
  enqueueOutbox(message: OutboxRecord): Promise<void>;
  /**
   * Leases up to `limit` due messages (pending, or processing with an expired lease) to one worker:
   * status 'processing', lockedUntil = now + leaseMs, attempts + 1. Two workers never get the same
   * message (SKIP LOCKED on Postgres, one writer on SQLite).
   */
  claimOutbox(input: { now: number; limit: number; leaseMs: number }): Promise<OutboxRecord[]>;
  markOutboxSent(id: string, now: number): Promise<void>;
  /** Schedules a retry at nextAttemptAt, or dead-letters it when `dead`. */
  markOutboxFailed(id: string, input: { error: string; nextAttemptAt: number; dead: boolean; now: number }): Promise<void>;
  listOutbox(filter: { status?: OutboxStatus }): Promise<OutboxRecord[]>;

  // ── dev mailbox (development instances only) ──
  insertDevMessage(message: DevMessageRecord): Promise<void>;
  /** Oldest first. */
  listDevMessages(input: { channel: 'email' | 'sms'; limit: number; offset: number }): Promise<{ data: DevMessageRecord[]; totalCount: number }>;
  clearDevMessages(): Promise<void>;
}
