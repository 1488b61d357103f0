/**
 * Wire shapes of the Backend API (`/backend/v1`, secret-key auth, for the app's own server).
 * snake_case; timestamps are Unix milliseconds. Lists answer `{ data, total_count }`.
 */
import type { SessionStatus } from './resources.ts';

export interface BackendPhoneNumberJSON {
  object: 'phone_number';
  id: string;
  phone_number: string;
  verified: boolean;
  reserved_for_second_factor: boolean;
}

export interface BackendEmailAddressJSON {
  object: 'email_address';
  id: string;
  email_address: string;
  verified: boolean;
}

/** A user as the app's server sees it: private metadata, ban and lock state included. */
export interface BackendUserJSON {
  object: 'user';
  id: string;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  image_url: string;
  has_image: boolean;
  primary_email_address_id: string | null;
  email_addresses: BackendEmailAddressJSON[];
  primary_phone_number_id: string | null;
  phone_numbers: BackendPhoneNumberJSON[];
  password_enabled: boolean;
  /** Sign-in asks for a second factor (an authenticator app or a reserved phone number). */
  two_factor_enabled: boolean;
  totp_enabled: boolean;
  backup_code_enabled: boolean;
  public_metadata: Record<string, unknown>;
  private_metadata: Record<string, unknown>;
  unsafe_metadata: Record<string, unknown>;
  banned: boolean;
  locked: boolean;
  /** Unix milliseconds when the lock ends, or null. */
  lockout_expires_at: number | null;
  last_sign_in_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface BackendSessionJSON {
  object: 'session';
  id: string;
  user_id: string;
  client_id: string;
  status: SessionStatus;
  last_active_at: number;
  expire_at: number;
  abandon_at: number;
  created_at: number;
  updated_at: number;
}

export interface DeletedObjectJSON {
  object: string;
  id: string;
  deleted: true;
}

export interface ListJSON<T> {
  data: T[];
  total_count: number;
}

/** A JWT template as the Backend API shows it; the HS256 secret is write-only. */
export interface BackendJwtTemplateJSON {
  object: 'jwt_template';
  id: string;
  name: string;
  claims: Record<string, unknown>;
  lifetime: number;
  allowed_clock_skew: number;
  audience: string | null;
  signing_algorithm: 'instance' | 'HS256';
  has_signing_key: boolean;
  created_at: number;
  updated_at: number;
}

/** The instance settings the Backend API and `usher config` edit. */
export interface BackendInstanceSettingsJSON {
  object: 'instance_settings';
  application_name: string;
  sign_up_mode: 'public' | 'restricted';
  enumeration_protection: boolean;
  single_session_mode: boolean;
  session_inactivity_timeout: number;
  session_max_lifetime: number;
  lockout_max_attempts: number;
  lockout_duration: number;
  password_min_length: number;
  /** Composition rules (all off by default), shown met/unmet as the user types. */
  password_require_uppercase: boolean;
  password_require_lowercase: boolean;
  password_require_numbers: boolean;
  password_require_special_char: boolean;
  /** The lowest zxcvbn score (0–4) a new password may have (default 2; 0 turns the floor off). */
  password_min_strength: 0 | 1 | 2 | 3 | 4;
  /** Refuse passwords known from data breaches (default true). */
  password_breach_check: boolean;
  /** Extra claims on every session token (`{{user.*}}` shortcodes), or null. */
  session_token_claims: Record<string, unknown> | null;
  /** Whether users may add phone numbers to their profile (verified by SMS). */
  phone_numbers_enabled: boolean;
  /** How an address signs in without a password (default `['email_code']`; `email_link` adds sign-in links). */
  email_first_factors: Array<'email_code' | 'email_link'>;
  /** How a new address is verified at sign-up and in UserProfile (default `['email_code']`; `email_link` adds verification links). */
  email_verifications: Array<'email_code' | 'email_link'>;
  /** Authenticator apps (TOTP) as a second factor (default true). */
  mfa_totp_enabled: boolean;
  /** Backup codes, created with a user's first second factor (default true). */
  mfa_backup_codes_enabled: boolean;
  /** SMS codes as a second factor, to a verified number the user reserves (default false; needs phone numbers on). */
  mfa_phone_code_enabled: boolean;
  /** Every user must set up a second factor right after signing in (default false). */
  mfa_required: boolean;
  /** Whether users may delete their own account (DELETE /v1/me, after a re-verification). */
  delete_self_enabled: boolean;
  /** 'app': Usher does not send emails; the app delivers them from `email.created` webhooks. */
  email_delivery: 'usher' | 'app';
  /** The same for text messages and `sms.created`. */
  sms_delivery: 'usher' | 'app';
}

/** Every event a webhook endpoint can receive. */
export const WEBHOOK_EVENT_TYPES = ['user.created', 'user.updated', 'user.deleted', 'session.created', 'session.ended', 'session.removed', 'session.revoked', 'email.created', 'sms.created'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What an endpoint receives, signed in the Standard Webhooks format. */
export interface WebhookEventJSON<T = unknown> {
  /** Also the `webhook-id` header: the same on every retry, so receivers can drop repeats. */
  id: string;
  type: WebhookEventType;
  /** Unix milliseconds when the change happened. */
  timestamp: number;
  data: T;
}

export interface BackendWebhookEndpointJSON {
  object: 'webhook_endpoint';
  id: string;
  url: string;
  description: string | null;
  /** null: every event. */
  events: WebhookEventType[] | null;
  disabled: boolean;
  created_at: number;
  updated_at: number;
  /** Only in the answer that creates the endpoint (and from GET …/secret). */
  secret?: string;
}

/** The data of `email.created`: everything an app needs to deliver the email itself. */
export interface BackendEmailJSON {
  object: 'email';
  id: string;
  /** The template: verification_code, reset_password_code, sign_up_attempted, password_changed. */
  slug: string;
  to_email_address: string;
  subject: string;
  /** HTML. */
  body: string;
  body_plain: string;
  /** The values the template was filled with (otp_code, ttl_minutes, …). */
  data: Record<string, string | number | boolean>;
  /** false when the instance's `email_delivery` is 'app': Usher did not send it. */
  delivered_by_usher: boolean;
  created_at: number;
}

/** The data of `sms.created`: everything an app needs to send the text message itself. */
export interface BackendSmsJSON {
  object: 'sms_message';
  id: string;
  slug: string;
  to_phone_number: string;
  message: string;
  data: Record<string, string | number | boolean>;
  /** false when the instance's `sms_delivery` is 'app': Usher did not send it. */
  delivered_by_usher: boolean;
  created_at: number;
}

/** The data of `user.deleted`. */
export interface BackendDeletedObjectJSON {
  object: 'user';
  id: string;
  deleted: true;
}

/** One delivery of one event to one endpoint, as the Backend API and `usher webhooks` list it. */
export interface BackendWebhookMessageJSON {
  object: 'webhook_message';
  /** The delivery's id (what replay takes). */
  id: string;
  /** The `webhook-id` the receiver saw: the same for every endpoint and every attempt. */
  event_id: string;
  event_type: WebhookEventType;
  endpoint_id: string;
  status: 'pending' | 'processing' | 'sent' | 'dead';
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}
