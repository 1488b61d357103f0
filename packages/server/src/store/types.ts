/**
 * The persistence contract of the Usher server. Every method is one intention and is atomic:
 * an adapter runs it in one transaction (or one conditional statement), so services never do
 * read-modify-write across calls. Timestamps are Unix milliseconds. Records are plain data;
 * adapters must return fresh objects (callers may not mutate what they pass or receive).
 *
 * Adapters: memory/ (tests, MSW, Storybook) and sql/ (Kysely on SQLite or PostgreSQL).
 * The conformance suite store.case.ts runs against all of them.
 */

import type {
  WebhookEndpointRecord,
  VerificationPurpose,
  SessionStatus,
  SigningKeyRecord,
  ClientRecord,
  UserRecord,
  EmailAddressRecord,
  SessionRecord,
  SignInRecord,
  SignUpRecord,
  VerificationRecord,
  ApiKeyRecord,
  JwtTemplateRecord,
  Page,
  OutboxStatus,
  OutboxRecord,
  DevMessageRecord,
  ConsumeVerificationResult,
  CompleteSignInInput,
  ChangePasswordInput,
  UserImageRecord,
  PhoneNumberRecord,
  TotpRecord,
  BackupCodeRecord,
  OAuthAttemptRecord,
  ExternalAccountRecord,
  LinkExternalAccountInput,
  ProviderIdentity,
} from './records.ts';
import type { ChangeEventFactory } from './change-events.ts';

export type * from './records.ts';
export type { ChangeEventFactory } from './change-events.ts';

/** Thrown when a unique identifier (email address or username) is already taken. */
export class StoreConflictError extends Error {
  override readonly name = 'StoreConflictError';
  constructor(readonly field: 'email_address' | 'phone_number' | 'username' | 'name' | 'external_account') {
    super(`${field} already exists`);
  }
}

/** What updateUser may change. */
export type UserPatch = Partial<Pick<UserRecord, 'username' | 'firstName' | 'lastName' | 'imageUrl' | 'passwordHash' | 'publicMetadata' | 'privateMetadata' | 'unsafeMetadata' | 'defaultSecondFactor'>>;

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
  /** The owner of a verified address: an address someone added without proving it signs nobody in. */
  findUserByEmailAddress(emailAddress: string): Promise<UserRecord | null>;
  findUserByUsername(username: string): Promise<UserRecord | null>;
  listEmailAddresses(userId: string): Promise<EmailAddressRecord[]>;
  /** Patches profile fields (and, for the Backend API, password and metadata); throws StoreConflictError('username') when taken. */
  updateUser(id: string, patch: UserPatch, now: number, emit?: ChangeEventFactory): Promise<UserRecord | null>;
  /**
   * Counts one failed attempt; when the count reaches maxAttempts the user is locked until
   * now + lockMs and the count starts again. Atomic under concurrency.
   */
  recordFailedAttempt(userId: string, now: number, policy: { maxAttempts: number; lockMs: number }): Promise<{ failedAttempts: number; lockedUntil: number | null }>;

  // ── users, as the Backend API manages them ──
  /** Newest first by default; `query` matches email addresses, username, first and last name (case-insensitive substring). */
  listUsers(input: { query?: string; limit: number; offset: number; order: 'asc' | 'desc' }): Promise<Page<UserRecord>>;
  /** Inserts a user with its email addresses; throws StoreConflictError when one is taken (nothing is written). */
  createUser(input: { user: UserRecord; emailAddresses: EmailAddressRecord[]; emit?: ChangeEventFactory }): Promise<void>;
  /** Deletes the user, its email addresses, its sessions and its provider accounts; false when there was no such user. */
  deleteUser(id: string, now: number, emit?: ChangeEventFactory): Promise<boolean>;
  /** Bans (a time) or unbans (null); banning revokes every active session of the user in the same transaction. */
  setUserBanned(id: string, bannedAt: number | null, now: number, emit?: ChangeEventFactory): Promise<UserRecord | null>;
  /** Locks until a time, or unlocks (null, which also resets the failure count). */
  setUserLock(id: string, lockedUntil: number | null, now: number, emit?: ChangeEventFactory): Promise<UserRecord | null>;

  // ── a user's own email addresses ──
  getEmailAddress(id: string): Promise<EmailAddressRecord | null>;
  /** Inserts an address the user added (unverified): never a conflict, since only verified addresses are unique. */
  addEmailAddress(email: EmailAddressRecord, emit?: ChangeEventFactory): Promise<void>;
  /**
   * Marks the address verified. Throws StoreConflictError('email_address') when another account
   * has it verified already; otherwise other accounts' unverified copies of it are removed (the
   * owner proved it). Null when there is no such address.
   */
  verifyEmailAddress(id: string, now: number, emit?: ChangeEventFactory): Promise<EmailAddressRecord | null>;
  deleteEmailAddress(id: string, emit?: ChangeEventFactory): Promise<boolean>;
  /** Makes a verified address of the user its primary one, enqueueing `notification` with it; null when it is not one. */
  setPrimaryEmailAddress(input: { userId: string; emailAddressId: string; now: number; notification: OutboxRecord | null; emit?: ChangeEventFactory }): Promise<UserRecord | null>;

  // ── a user's own phone numbers (the same rules as email addresses) ──
  listPhoneNumbers(userId: string): Promise<PhoneNumberRecord[]>;
  /** The owner of a verified number (E.164). */
  findUserByPhoneNumber(phoneNumber: string): Promise<UserRecord | null>;
  getPhoneNumber(id: string): Promise<PhoneNumberRecord | null>;
  addPhoneNumber(phone: PhoneNumberRecord, emit?: ChangeEventFactory): Promise<void>;
  /** Throws StoreConflictError('phone_number') when another account has it verified; removes other unverified copies. */
  verifyPhoneNumber(id: string, now: number, emit?: ChangeEventFactory): Promise<PhoneNumberRecord | null>;
  /** Deletes a number; when it was its user's primary one, the user has no primary number afterwards. */
  deletePhoneNumber(id: string, emit?: ChangeEventFactory): Promise<boolean>;
  /** A verified number of the user becomes primary; null when it is not one. */
  setPrimaryPhoneNumber(input: { userId: string; phoneNumberId: string; now: number; emit?: ChangeEventFactory }): Promise<UserRecord | null>;
  /**
   * Reserves a verified number for 2-step verification, or releases it (then it is no longer the
   * user's default second factor). With `backupCodes`, they replace the user's in the same
   * transaction. Null when there is no such verified number.
   */
  setPhoneNumberReserved(input: { id: string; reserved: boolean; now: number; backupCodes: BackupCodeRecord[] | null; notification?: OutboxRecord | null; emit?: ChangeEventFactory }): Promise<PhoneNumberRecord | null>;

  // ── second factors: authenticator app (TOTP) and backup codes (a `notification` is enqueued with the change) ──
  getTotp(userId: string): Promise<TotpRecord | null>;
  /** Stores a secret being set up, replacing an earlier unverified one; false (nothing written) when a verified one exists. */
  putPendingTotp(totp: TotpRecord): Promise<boolean>;
  /**
   * The pending secret becomes the user's, with `step` as its last used one; with `backupCodes`,
   * they replace the user's, in the same transaction. False when there is no pending secret.
   */
  enableTotp(input: { userId: string; step: number; now: number; backupCodes: BackupCodeRecord[] | null; notification?: OutboxRecord | null; emit?: ChangeEventFactory }): Promise<boolean>;
  /**
   * Spends a TOTP step: true only when it is later than the last used one (each code once, and
   * never an older one). Exactly one of concurrent spends of the same step wins.
   */
  useTotpStep(userId: string, step: number, now: number): Promise<boolean>;
  /** Removes the authenticator (pending or verified), and the backup codes with it when asked; false when there was none. */
  deleteTotp(input: { userId: string; deleteBackupCodes: boolean; now: number; notification?: OutboxRecord | null; emit?: ChangeEventFactory }): Promise<boolean>;
  /** Replaces every backup code of the user (an empty list deletes them). */
  replaceBackupCodes(input: { userId: string; codes: BackupCodeRecord[]; now: number; notification?: OutboxRecord | null; emit?: ChangeEventFactory }): Promise<void>;
  /** Spends an unused backup code; exactly one of concurrent spends wins. */
  useBackupCode(userId: string, codeHash: string, now: number): Promise<boolean>;
  /** How many unused backup codes the user has. */
  countBackupCodes(userId: string): Promise<number>;

  // ── profile images ──
  getUserImage(id: string): Promise<UserImageRecord | null>;
  /** Stores the image, makes `imageUrl` the user's, and deletes the user's previous images, together; null without such a user. */
  setUserImage(input: { image: UserImageRecord; imageUrl: string; now: number; emit?: ChangeEventFactory }): Promise<UserRecord | null>;
  /** Clears the user's image (the default avatar shows again) and deletes the stored ones. */
  removeUserImage(userId: string, now: number, emit?: ChangeEventFactory): Promise<UserRecord | null>;

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
  completeSignUp(input: {
    signUpId: string;
    user: UserRecord;
    emailAddress: EmailAddressRecord | null;
    /** A provider account the sign-up came with (throws StoreConflictError('external_account') when linked meanwhile). */
    externalAccount?: ExternalAccountRecord | null;
    session: SessionRecord;
    clientTokenHash: string;
    now: number;
    emit?: ChangeEventFactory;
  }): Promise<boolean>;

  // ── OAuth / OpenID Connect: trips to a provider, and the provider accounts linked to users ──
  createOAuthAttempt(attempt: OAuthAttemptRecord): Promise<void>;
  getOAuthAttempt(id: string): Promise<OAuthAttemptRecord | null>;
  /** pending → consumed, only before expireAt; exactly one of concurrent calls gets the record, the others null. */
  consumeOAuthAttempt(id: string, now: number): Promise<OAuthAttemptRecord | null>;
  /**
   * A consumed attempt keeps the identity it brought for a further step, now owned by `ownerId` (a
   * sign-in or sign-up): status identified. An identified one may be handed to another owner (a
   * sign-in transferred to a sign-up); a pending one (its callback never came back) is left alone.
   */
  holdOAuthIdentity(id: string, ownerId: string, identity: ProviderIdentity, now: number): Promise<void>;
  /**
   * The newest (createdAt) attempt holding an identity for this sign-in or sign-up: status
   * identified and owned by it. Its expireAt bounds only the trip to the provider, not the hold:
   * a held identity outlives it while the user verifies an email, and lives as long as its owner
   * (the sign-in's or sign-up's abandonAt), which callers check. `now` is not consulted.
   */
  findHeldOAuthIdentity(ownerId: string, now: number): Promise<OAuthAttemptRecord | null>;
  /** Unverified copies of an address (on any account), oldest first: candidates for a pre-registration take-over. */
  listUnverifiedEmailAddresses(emailAddress: string): Promise<EmailAddressRecord[]>;
  findExternalAccount(provider: string, subject: string): Promise<ExternalAccountRecord | null>;
  getExternalAccount(id: string): Promise<ExternalAccountRecord | null>;
  /** Oldest first. */
  listExternalAccounts(userId: string): Promise<ExternalAccountRecord[]>;
  /**
   * Throws StoreConflictError('external_account') when (provider, subject) is linked already
   * (nothing changes); false without such a user. Fills the user's empty (null) first name, last
   * name and image from `profile`, bumps updatedAt and reports user.updated. With `takeOver`, also
   * (see LinkExternalAccountInput) the password goes, every active session of the user is revoked
   * (session.revoked each), the address is verified, other users' unverified copies of it are
   * deleted and it becomes the primary address when the user has none; throws
   * StoreConflictError('email_address') (nothing changes) when that address is not the user's any
   * more or another account has it verified.
   */
  linkExternalAccount(input: LinkExternalAccountInput): Promise<boolean>;
  /** Unlinks one of the user's provider accounts (bumping the user's updatedAt, reporting user.updated); false when it is not theirs. */
  deleteExternalAccount(userId: string, id: string, now: number, emit?: ChangeEventFactory): Promise<boolean>;

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
  setSessionStatus(id: string, from: SessionStatus[], to: SessionStatus, now: number, emit?: ChangeEventFactory): Promise<boolean>;
  /** Ends every active session of the client with `to`; answers how many. Clears lastActiveSessionId. */
  endClientSessions(clientId: string, to: SessionStatus, now: number, emit?: ChangeEventFactory): Promise<number>;
  /**
   * Records activity: sets lastActiveAt=now and expireAt=now+inactivityMs, but writes only when
   * the stored lastActiveAt is older than minIntervalMs (at most one write per session per interval).
   */
  touchSession(id: string, now: number, inactivityMs: number, minIntervalMs: number): Promise<void>;
  /** Every session matching the filter, newest first. */
  listSessions(input: { userId?: string; status?: SessionStatus; limit: number; offset: number }): Promise<Page<SessionRecord>>;
  /** Records a fresh first-factor verification on an active session (re-verification); false when it is not active. */
  markSessionVerified(id: string, now: number): Promise<boolean>;
  /**
   * Sets the user's password and, when asked, revokes their other active sessions, enqueueing the
   * notice, all in one transaction. False when there is no such user (nothing changes).
   */
  changePassword(input: ChangePasswordInput): Promise<boolean>;
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

  // ── webhook endpoints ──
  createWebhookEndpoint(endpoint: WebhookEndpointRecord): Promise<void>;
  getWebhookEndpoint(id: string): Promise<WebhookEndpointRecord | null>;
  /** Oldest first. */
  listWebhookEndpoints(): Promise<WebhookEndpointRecord[]>;
  updateWebhookEndpoint(id: string, patch: Partial<Pick<WebhookEndpointRecord, 'url' | 'description' | 'events' | 'disabledAt' | 'secret'>>, now: number): Promise<WebhookEndpointRecord | null>;
  deleteWebhookEndpoint(id: string): Promise<boolean>;

  // ── durable outbox ──
  enqueueOutbox(message: OutboxRecord): Promise<void>;
  /**
   * Inserts the messages whose id is not stored yet and skips the others; answers how many it
   * inserted. A fan-out (one event → one delivery per endpoint) uses ids derived from the event,
   * so repeating it after a crash adds nothing.
   */
  enqueueOutboxOnce(messages: OutboxRecord[]): Promise<number>;
  /** A sent or dead message back to pending, due now, with its attempts reset (a replay); false when it is pending or processing, or absent. */
  requeueOutbox(id: string, now: number): Promise<boolean>;
  getOutbox(id: string): Promise<OutboxRecord | null>;
  /**
   * Leases up to `limit` due messages (pending, or processing with an expired lease) to one worker:
   * status 'processing', lockedUntil = now + leaseMs, attempts + 1. Two workers never get the same
   * message (SKIP LOCKED on Postgres, one writer on SQLite).
   */
  claimOutbox(input: { now: number; limit: number; leaseMs: number }): Promise<OutboxRecord[]>;
  markOutboxSent(id: string, now: number): Promise<void>;
  /** Schedules a retry at nextAttemptAt, or dead-letters it when `dead`. */
  markOutboxFailed(id: string, input: { error: string; nextAttemptAt: number; dead: boolean; now: number }): Promise<void>;
  /**
   * Oldest first, or newest first with `newestFirst`; at most `limit`. `idSuffix` matches the end
   * of the id (a fan-out delivery's id ends with `.<endpoint id>`).
   */
  listOutbox(filter: { status?: OutboxStatus; kind?: OutboxRecord['kind']; idSuffix?: string; newestFirst?: boolean; limit?: number }): Promise<OutboxRecord[]>;

  // ── dev mailbox (development instances only) ──
  insertDevMessage(message: DevMessageRecord): Promise<void>;
  /** Oldest first, or newest first with `newestFirst` (the offset counts from that end). */
  listDevMessages(input: { channel: 'email' | 'sms'; limit: number; offset: number; newestFirst?: boolean }): Promise<{ data: DevMessageRecord[]; totalCount: number }>;
  clearDevMessages(): Promise<void>;
}
