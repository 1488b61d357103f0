import type { ColumnType } from 'kysely';

/**
 * Unix milliseconds in a BIGINT (Postgres) or INTEGER (SQLite) column. node-postgres hands BIGINT
 * back as a string to avoid precision loss, so reads are typed as both and mapped with Number().
 */
export type Millis = ColumnType<number | string, number, number>;
/** Row counts from count(*) have the same BIGINT-as-string shape on Postgres. */
export type Count = number | string | bigint;

export interface SettingsTable {
  key: string;
  /** JSON text. */
  value: string;
}

export interface SigningKeysTable {
  kid: string;
  alg: string;
  private_jwk: string;
  public_jwk: string;
  created_at: Millis;
  retired_at: Millis | null;
}

export interface ClientsTable {
  id: string;
  token_hash: string;
  sign_in_id: string | null;
  sign_up_id: string | null;
  last_active_session_id: string | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface UsersTable {
  id: string;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  password_hash: string | null;
  image_url: string | null;
  primary_email_address_id: string | null;
  primary_phone_number_id: string | null;
  public_metadata: string;
  private_metadata: string;
  unsafe_metadata: string;
  failed_attempts: number;
  locked_until: Millis | null;
  banned_at: Millis | null;
  default_second_factor: string | null;
  last_sign_in_at: Millis | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface WebhookEndpointsTable {
  id: string;
  url: string;
  secret: string;
  description: string | null;
  /** JSON array text, or null for every event. */
  events: string | null;
  disabled_at: Millis | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface JwtTemplatesTable {
  id: string;
  name: string;
  claims: string;
  lifetime_seconds: number;
  allowed_clock_skew_seconds: number;
  audience: string | null;
  signing_algorithm: string;
  signing_key: string | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  key_hash: string;
  hint: string;
  created_at: Millis;
  revoked_at: Millis | null;
}

export interface EmailAddressesTable {
  id: string;
  user_id: string;
  email_address: string;
  verified_at: Millis | null;
  created_at: Millis;
}

export interface SessionsTable {
  id: string;
  client_id: string;
  user_id: string;
  status: string;
  first_factor_verified_at: Millis | null;
  second_factor_verified_at: Millis | null;
  /** JSON text (SessionDevice), or null. */
  device: string | null;
  last_active_at: Millis;
  expire_at: Millis;
  abandon_at: Millis;
  created_at: Millis;
  updated_at: Millis;
}

export interface SignInsTable {
  id: string;
  client_id: string;
  status: string;
  identifier: string | null;
  user_id: string | null;
  first_factor_strategy: string | null;
  first_factor_status: string | null;
  second_factor_strategy: string | null;
  second_factor_status: string | null;
  second_factor_phone_number_id: string | null;
  pending_password_hash: string | null;
  /** 0/1 on both databases (an integer column, so the mappers need no dialect). */
  pending_sign_out_others: number;
  redirect_url: string | null;
  created_session_id: string | null;
  abandon_at: Millis;
  created_at: Millis;
  updated_at: Millis;
}

export interface SignUpsTable {
  id: string;
  client_id: string;
  status: string;
  email_address: string | null;
  email_verified_at: Millis | null;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  password_hash: string | null;
  legal_accepted_at: Millis | null;
  redirect_url: string | null;
  created_user_id: string | null;
  created_session_id: string | null;
  abandon_at: Millis;
  created_at: Millis;
  updated_at: Millis;
}

export interface VerificationsTable {
  id: string;
  purpose: string;
  owner_id: string;
  strategy: string;
  code_hash: string;
  status: string;
  attempts: number;
  max_attempts: number;
  expire_at: Millis;
  verified_at: Millis | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface OutboxTable {
  id: string;
  kind: string;
  /** JSON text. */
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: Millis;
  locked_until: Millis | null;
  last_error: string | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface DevMessagesTable {
  id: string;
  channel: string;
  /** `to` is a reserved word in SQL. */
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: Millis;
}

export interface MigrationsTable {
  id: string;
  applied_at: Millis;
}

export interface PhoneNumbersTable {
  id: string;
  user_id: string;
  phone_number: string;
  verified_at: Millis | null;
  /** 0/1 on SQLite, boolean on PostgreSQL: read with Boolean(). */
  reserved_for_second_factor: number | boolean;
  created_at: Millis;
}

export interface UserImagesTable {
  id: string;
  user_id: string;
  content_type: string;
  /** Base64 text: the same column type on SQLite and PostgreSQL. */
  data: string;
  created_at: Millis;
}

export interface UserTotpTable {
  user_id: string;
  sealed_secret: string;
  verified_at: Millis | null;
  last_used_step: Millis | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface BackupCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: Millis | null;
  created_at: Millis;
}

export interface OAuthAttemptsTable {
  id: string;
  provider: string;
  purpose: string;
  owner_id: string;
  client_id: string;
  state_hash: string;
  sealed_code_verifier: string;
  nonce: string | null;
  redirect_url: string;
  action_complete_redirect_url: string | null;
  status: string;
  /** JSON text (ProviderIdentity), or null. */
  identity: string | null;
  expire_at: Millis;
  created_at: Millis;
  updated_at: Millis;
}

export interface ExternalAccountsTable {
  id: string;
  user_id: string;
  provider: string;
  subject: string;
  email_address: string | null;
  /** 0/1 on SQLite, boolean on PostgreSQL: read with Boolean(). */
  email_verified: number | boolean;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  image_url: string | null;
  created_at: Millis;
  updated_at: Millis;
}

/** The tables of the SQL store, for `new Kysely<Database>(...)`. */
export interface Database {
  usher_migrations: MigrationsTable;
  settings: SettingsTable;
  signing_keys: SigningKeysTable;
  clients: ClientsTable;
  users: UsersTable;
  api_keys: ApiKeysTable;
  jwt_templates: JwtTemplatesTable;
  webhook_endpoints: WebhookEndpointsTable;
  user_images: UserImagesTable;
  phone_numbers: PhoneNumbersTable;
  user_totp: UserTotpTable;
  backup_codes: BackupCodesTable;
  oauth_attempts: OAuthAttemptsTable;
  external_accounts: ExternalAccountsTable;
  email_addresses: EmailAddressesTable;
  sessions: SessionsTable;
  sign_ins: SignInsTable;
  sign_ups: SignUpsTable;
  verifications: VerificationsTable;
  outbox: OutboxTable;
  dev_messages: DevMessagesTable;
}
