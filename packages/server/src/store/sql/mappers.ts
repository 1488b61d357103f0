import type { Insertable, Selectable } from 'kysely';
import type {
  ApiKeyRecord,
  WebhookEndpointRecord,
  JwtTemplateRecord,
  ClientRecord,
  DevMessageRecord,
  EmailAddressRecord,
  OutboxRecord,
  SessionRecord,
  SigningKeyRecord,
  UserRecord,
  VerificationRecord,
} from '../types.ts';
import type {
  ApiKeysTable,
  WebhookEndpointsTable,
  JwtTemplatesTable,
  ClientsTable,
  DevMessagesTable,
  EmailAddressesTable,
  OutboxTable,
  SessionsTable,
  SigningKeysTable,
  UsersTable,
  VerificationsTable,
} from './schema.ts';

// Row <-> record conversion. Columns hold only what the record types allow, so the string unions
// are narrowed by cast; BIGINT columns arrive as strings from node-postgres, hence Number().
export const ms = (value: number | string): number => Number(value);
export const msOrNull = (value: number | string | null): number | null => (value === null ? null : Number(value));

export const toSigningKey = (r: Selectable<SigningKeysTable>): SigningKeyRecord => ({
  kid: r.kid,
  alg: r.alg as SigningKeyRecord['alg'],
  privateJwk: r.private_jwk,
  publicJwk: r.public_jwk,
  createdAt: ms(r.created_at),
  retiredAt: msOrNull(r.retired_at),
});
export const fromSigningKey = (k: SigningKeyRecord): Insertable<SigningKeysTable> => ({
  kid: k.kid,
  alg: k.alg,
  private_jwk: k.privateJwk,
  public_jwk: k.publicJwk,
  created_at: k.createdAt,
  retired_at: k.retiredAt,
});

export const toClient = (r: Selectable<ClientsTable>): ClientRecord => ({
  id: r.id,
  tokenHash: r.token_hash,
  signInId: r.sign_in_id,
  signUpId: r.sign_up_id,
  lastActiveSessionId: r.last_active_session_id,
  createdAt: ms(r.created_at),
  updatedAt: ms(r.updated_at),
});
export const fromClient = (c: ClientRecord): Insertable<ClientsTable> => ({
  id: c.id,
  token_hash: c.tokenHash,
  sign_in_id: c.signInId,
  sign_up_id: c.signUpId,
  last_active_session_id: c.lastActiveSessionId,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
});

export const toUser = (r: Selectable<UsersTable>): UserRecord => ({
  id: r.id,
  username: r.username,
  firstName: r.first_name,
  lastName: r.last_name,
  passwordHash: r.password_hash,
  imageUrl: r.image_url,
  primaryEmailAddressId: r.primary_email_address_id,
  primaryPhoneNumberId: r.primary_phone_number_id ?? null,
  publicMetadata: JSON.parse(r.public_metadata) as Record<string, unknown>,
  privateMetadata: JSON.parse(r.private_metadata) as Record<string, unknown>,
  unsafeMetadata: JSON.parse(r.unsafe_metadata) as Record<string, unknown>,
  failedAttempts: Number(r.failed_attempts),
  lockedUntil: msOrNull(r.locked_until),
  bannedAt: msOrNull(r.banned_at),
  defaultSecondFactor: r.default_second_factor ?? null,
  lastSignInAt: msOrNull(r.last_sign_in_at),
  createdAt: ms(r.created_at),
  updatedAt: ms(r.updated_at),
});
export const fromUser = (u: UserRecord): Insertable<UsersTable> => ({
  id: u.id,
  username: u.username,
  first_name: u.firstName,
  last_name: u.lastName,
  password_hash: u.passwordHash,
  image_url: u.imageUrl,
  primary_email_address_id: u.primaryEmailAddressId,
  primary_phone_number_id: u.primaryPhoneNumberId,
  public_metadata: JSON.stringify(u.publicMetadata),
  private_metadata: JSON.stringify(u.privateMetadata),
  unsafe_metadata: JSON.stringify(u.unsafeMetadata),
  failed_attempts: u.failedAttempts,
  locked_until: u.lockedUntil,
  banned_at: u.bannedAt,
  default_second_factor: u.defaultSecondFactor,
  last_sign_in_at: u.lastSignInAt,
  created_at: u.createdAt,
  updated_at: u.updatedAt,
});

export const toEmailAddress = (r: Selectable<EmailAddressesTable>): EmailAddressRecord => ({
  id: r.id,
  userId: r.user_id,
  emailAddress: r.email_address,
  verifiedAt: msOrNull(r.verified_at),
  createdAt: ms(r.created_at),
});
export const fromEmailAddress = (e: EmailAddressRecord): Insertable<EmailAddressesTable> => ({
  id: e.id,
  user_id: e.userId,
  email_address: e.emailAddress,
  verified_at: e.verifiedAt,
  created_at: e.createdAt,
});

export const toSession = (r: Selectable<SessionsTable>): SessionRecord => ({
  id: r.id,
  clientId: r.client_id,
  userId: r.user_id,
  status: r.status as SessionRecord['status'],
  device: r.device === null || r.device === undefined ? null : (JSON.parse(r.device) as SessionRecord['device']),
  firstFactorVerifiedAt: msOrNull(r.first_factor_verified_at),
  secondFactorVerifiedAt: msOrNull(r.second_factor_verified_at),
  lastActiveAt: ms(r.last_active_at),
  expireAt: ms(r.expire_at),
  abandonAt: ms(r.abandon_at),
  createdAt: ms(r.created_at),
  updatedAt: ms(r.updated_at),
});
export const fromSession = (s: SessionRecord): Insertable<SessionsTable> => ({
  id: s.id,
  client_id: s.clientId,
  user_id: s.userId,
  status: s.status,
  device: s.device === null ? null : JSON.stringify(s.device),
  first_factor_verified_at: s.firstFactorVerifiedAt,
  second_factor_verified_at: s.secondFactorVerifiedAt,
  last_active_at: s.lastActiveAt,
  expire_at: s.expireAt,
  abandon_at: s.abandonAt,
  created_at: s.createdAt,
  updated_at: s.updatedAt,
});

export const toVerification = (r: Selectable<VerificationsTable>): VerificationRecord => ({
  id: r.id,
  purpose: r.purpose as VerificationRecord['purpose'],
  ownerId: r.owner_id,
  strategy: r.strategy as VerificationRecord['strategy'],
  codeHash: r.code_hash,
  status: r.status as VerificationRecord['status'],
  attempts: Number(r.attempts),
  maxAttempts: Number(r.max_attempts),
  expireAt: ms(r.expire_at),
  verifiedAt: msOrNull(r.verified_at),
  createdAt: ms(r.created_at),
  updatedAt: ms(r.updated_at),
});
export const fromVerification = (v: VerificationRecord): Insertable<VerificationsTable> => ({
  id: v.id,
  purpose: v.purpose,
  owner_id: v.ownerId,
  strategy: v.strategy,
  code_hash: v.codeHash,
  status: v.status,
  attempts: v.attempts,
  max_attempts: v.maxAttempts,
  expire_at: v.expireAt,
  verified_at: v.verifiedAt,
  created_at: v.createdAt,
  updated_at: v.updatedAt,
});

export const toOutbox = (r: Selectable<OutboxTable>): OutboxRecord => ({
  id: r.id,
  kind: r.kind as OutboxRecord['kind'],
  payload: JSON.parse(r.payload) as Record<string, unknown>,
  status: r.status as OutboxRecord['status'],
  attempts: Number(r.attempts),
  nextAttemptAt: ms(r.next_attempt_at),
  lockedUntil: msOrNull(r.locked_until),
  lastError: r.last_error,
  createdAt: ms(r.created_at),
  updatedAt: ms(r.updated_at),
});
export const fromOutbox = (m: OutboxRecord): Insertable<OutboxTable> => ({
  id: m.id,
  kind: m.kind,
  payload: JSON.stringify(m.payload),
  status: m.status,
  attempts: m.attempts,
  next_attempt_at: m.nextAttemptAt,
  locked_until: m.lockedUntil,
  last_error: m.lastError,
  created_at: m.createdAt,
  updated_at: m.updatedAt,
});

export const toDevMessage = (r: Selectable<DevMessagesTable>): DevMessageRecord => ({
  id: r.id,
  channel: r.channel as DevMessageRecord['channel'],
  to: r.recipient,
  subject: r.subject,
  text: r.text_body,
  html: r.html_body,
  createdAt: ms(r.created_at),
});
export const fromDevMessage = (m: DevMessageRecord): Insertable<DevMessagesTable> => ({
  id: m.id,
  channel: m.channel,
  recipient: m.to,
  subject: m.subject,
  text_body: m.text,
  html_body: m.html,
  created_at: m.createdAt,
});

export const toApiKey = (r: Selectable<ApiKeysTable>): ApiKeyRecord => ({
  id: r.id,
  name: r.name,
  keyHash: r.key_hash,
  hint: r.hint,
  createdAt: ms(r.created_at),
  revokedAt: msOrNull(r.revoked_at),
});
export const fromApiKey = (k: ApiKeyRecord): Insertable<ApiKeysTable> => ({
  id: k.id,
  name: k.name,
  key_hash: k.keyHash,
  hint: k.hint,
  created_at: k.createdAt,
  revoked_at: k.revokedAt,
});

export const toJwtTemplate = (r: Selectable<JwtTemplatesTable>): JwtTemplateRecord => ({
  id: r.id,
  name: r.name,
  claims: JSON.parse(r.claims) as Record<string, unknown>,
  lifetimeSeconds: Number(r.lifetime_seconds),
  allowedClockSkewSeconds: Number(r.allowed_clock_skew_seconds),
  audience: r.audience,
  signingAlgorithm: r.signing_algorithm as JwtTemplateRecord['signingAlgorithm'],
  signingKey: r.signing_key,
  createdAt: ms(r.created_at),
  updatedAt: ms(r.updated_at),
});
export const fromJwtTemplate = (t: JwtTemplateRecord): Insertable<JwtTemplatesTable> => ({
  id: t.id,
  name: t.name,
  claims: JSON.stringify(t.claims),
  lifetime_seconds: t.lifetimeSeconds,
  allowed_clock_skew_seconds: t.allowedClockSkewSeconds,
  audience: t.audience,
  signing_algorithm: t.signingAlgorithm,
  signing_key: t.signingKey,
  created_at: t.createdAt,
  updated_at: t.updatedAt,
});

export const toWebhookEndpoint = (r: Selectable<WebhookEndpointsTable>): WebhookEndpointRecord => ({
  id: r.id,
  url: r.url,
  secret: r.secret,
  description: r.description,
  events: r.events === null ? null : (JSON.parse(r.events) as string[]),
  disabledAt: msOrNull(r.disabled_at),
  createdAt: ms(r.created_at),
  updatedAt: ms(r.updated_at),
});
export const fromWebhookEndpoint = (e: WebhookEndpointRecord): Insertable<WebhookEndpointsTable> => ({
  id: e.id,
  url: e.url,
  secret: e.secret,
  description: e.description,
  events: e.events === null ? null : JSON.stringify(e.events),
  disabled_at: e.disabledAt,
  created_at: e.createdAt,
  updated_at: e.updatedAt,
});
