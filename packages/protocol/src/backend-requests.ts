import { z } from 'zod';
import { MAX_JWT_TEMPLATE_LIFETIME_SECONDS } from './claims.ts';
import { WEBHOOK_EVENT_TYPES } from './backend.ts';

/** Request bodies and queries of the Backend API. Strict, like the Frontend API's. */
const metadata = z.record(z.string(), z.unknown());
const name = z.string().max(128).nullable().optional();

export const backendCreateUserBody = z.strictObject({
  email_address: z.array(z.string().max(320)).max(10).optional(),
  username: z.string().max(64).optional(),
  password: z.string().max(1024).optional(),
  /** Skips the composition, strength and breach checks (length still applies): for migrating existing users. */
  skip_password_checks: z.boolean().optional(),
  first_name: name,
  last_name: name,
  public_metadata: metadata.optional(),
  private_metadata: metadata.optional(),
  unsafe_metadata: metadata.optional(),
});
export type BackendCreateUserBody = z.infer<typeof backendCreateUserBody>;

export const backendUpdateUserBody = z.strictObject({
  username: z.string().max(64).nullable().optional(),
  password: z.string().max(1024).optional(),
  skip_password_checks: z.boolean().optional(),
  first_name: name,
  last_name: name,
  public_metadata: metadata.optional(),
  private_metadata: metadata.optional(),
  unsafe_metadata: metadata.optional(),
});
export type BackendUpdateUserBody = z.infer<typeof backendUpdateUserBody>;

/** Deep-merged into the stored metadata; a key set to null is removed. */
export const backendMergeMetadataBody = z.strictObject({
  public_metadata: metadata.optional(),
  private_metadata: metadata.optional(),
  unsafe_metadata: metadata.optional(),
});
export type BackendMergeMetadataBody = z.infer<typeof backendMergeMetadataBody>;

const limit = z.coerce.number().int().min(1).max(500).default(10);
const offset = z.coerce.number().int().min(0).max(1_000_000).default(0);

export const backendListUsersQuery = z.strictObject({
  limit,
  offset,
  /** Matches email addresses, usernames, first and last names (case-insensitive, substring). */
  query: z.string().max(320).optional(),
  order_by: z.enum(['created_at', '-created_at']).default('-created_at'),
});
export type BackendListUsersQuery = z.infer<typeof backendListUsersQuery>;

export const backendListSessionsQuery = z.strictObject({
  limit,
  offset,
  user_id: z.string().max(64).optional(),
  status: z.enum(['active', 'ended', 'expired', 'removed', 'replaced', 'revoked', 'abandoned']).optional(),
});
export type BackendListSessionsQuery = z.infer<typeof backendListSessionsQuery>;

/**
 * A JWT template. `claims` may use `{{user.*}}` shortcodes; `signing_algorithm: 'HS256'` needs a
 * `signing_key` of at least 32 characters (the consumer's shared secret, e.g. Supabase's).
 */
export const backendJwtTemplateBody = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  claims: z.record(z.string(), z.unknown()),
  lifetime: z.number().int().min(30).max(MAX_JWT_TEMPLATE_LIFETIME_SECONDS).default(60),
  allowed_clock_skew: z.number().int().min(0).max(300).default(5),
  audience: z.string().min(1).max(256).nullable().optional(),
  signing_algorithm: z.enum(['instance', 'HS256']).default('instance'),
  signing_key: z.string().min(32).max(1024).optional(),
});
export type BackendJwtTemplateBody = z.infer<typeof backendJwtTemplateBody>;

/** Every field optional; durations in seconds. */
export const backendInstanceSettingsBody = z.strictObject({
  application_name: z.string().trim().min(1).max(128).optional(),
  sign_up_mode: z.enum(['public', 'restricted']).optional(),
  enumeration_protection: z.boolean().optional(),
  single_session_mode: z.boolean().optional(),
  session_inactivity_timeout: z.number().int().min(300).max(365 * 86_400).optional(),
  session_max_lifetime: z.number().int().min(300).max(10 * 365 * 86_400).optional(),
  lockout_max_attempts: z.number().int().min(1).max(100).optional(),
  lockout_duration: z.number().int().min(60).max(30 * 86_400).optional(),
  password_min_length: z.number().int().min(8).max(128).optional(),
  password_require_uppercase: z.boolean().optional(),
  password_require_lowercase: z.boolean().optional(),
  password_require_numbers: z.boolean().optional(),
  password_require_special_char: z.boolean().optional(),
  /** The lowest zxcvbn score (0–4) a new password may have; 0 turns the floor off. */
  password_min_strength: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
  password_breach_check: z.boolean().optional(),
  session_token_claims: z.record(z.string(), z.unknown()).nullable().optional(),
  delete_self_enabled: z.boolean().optional(),
  phone_numbers_enabled: z.boolean().optional(),
  /** How an address signs in without a password: codes, links, or both (the user chooses); empty for neither. */
  email_first_factors: z.array(z.enum(['email_code', 'email_link'])).max(2).optional(),
  /** How a new address is verified (sign-up, UserProfile): codes, links, or both (the user chooses); never empty. */
  email_verifications: z.array(z.enum(['email_code', 'email_link'])).min(1).max(2).optional(),
  mfa_totp_enabled: z.boolean().optional(),
  mfa_backup_codes_enabled: z.boolean().optional(),
  mfa_phone_code_enabled: z.boolean().optional(),
  mfa_required: z.boolean().optional(),
  email_delivery: z.enum(['usher', 'app']).optional(),
  sms_delivery: z.enum(['usher', 'app']).optional(),
});
export type BackendInstanceSettingsBody = z.infer<typeof backendInstanceSettingsBody>;

const webhookEvents = z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length);

export const backendCreateWebhookEndpointBody = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2048),
  description: z.string().max(256).nullable().optional(),
  events: webhookEvents.nullable().optional(),
  disabled: z.boolean().optional(),
});
export type BackendCreateWebhookEndpointBody = z.infer<typeof backendCreateWebhookEndpointBody>;

export const backendUpdateWebhookEndpointBody = backendCreateWebhookEndpointBody.partial();
export type BackendUpdateWebhookEndpointBody = z.infer<typeof backendUpdateWebhookEndpointBody>;

export const backendListWebhookMessagesQuery = z.strictObject({
  status: z.enum(['pending', 'processing', 'sent', 'dead']).optional(),
  endpoint_id: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type BackendListWebhookMessagesQuery = z.infer<typeof backendListWebhookMessagesQuery>;
