/** Wire shapes of the Frontend API. snake_case; timestamps are Unix milliseconds. */
import type { PasswordComplexityJSON } from './password-rules.ts';
import type { ExternalAccountJSON, SocialProviderJSON } from './oauth.ts';

export type VerificationStatus = 'unverified' | 'verified' | 'failed' | 'expired';
export type VerificationStrategy = `oauth_${string}` | 'email_code' | 'email_link' | 'phone_code' | 'password' | 'reset_password_email_code' | 'reset_password_phone_code' | 'totp' | 'backup_code';

export interface VerificationJSON {
  object: 'verification';
  status: VerificationStatus;
  strategy: VerificationStrategy | null;
  attempts: number;
  expire_at: number | null;
  /** OAuth: the provider's authorization page to open (only in the answer that started the flow). */
  external_verification_redirect_url?: string | null;
}

export interface EmailAddressJSON {
  object: 'email_address';
  id: string;
  email_address: string;
  verification: VerificationJSON | null;
}

export interface PhoneNumberJSON {
  object: 'phone_number';
  id: string;
  /** E.164, e.g. `+15555550100`. */
  phone_number: string;
  /** Chosen by the user for 2-step verification (codes by SMS at sign-in). */
  reserved_for_second_factor: boolean;
  /** The second factor sign-in offers first. */
  default_second_factor: boolean;
  verification: VerificationJSON | null;
  /** Only in the answer that made this number the account's first second factor: the new backup codes, shown once. */
  backup_codes?: string[];
}

export interface UserJSON {
  object: 'user';
  id: string;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  image_url: string;
  has_image: boolean;
  primary_email_address_id: string | null;
  email_addresses: EmailAddressJSON[];
  primary_phone_number_id: string | null;
  phone_numbers: PhoneNumberJSON[];
  password_enabled: boolean;
  /** Provider accounts linked to the user (oldest first). */
  external_accounts: ExternalAccountJSON[];
  /** Sign-in asks for a second factor: an authenticator app or a reserved phone number. */
  two_factor_enabled: boolean;
  totp_enabled: boolean;
  /** Unused backup codes remain. */
  backup_code_enabled: boolean;
  public_metadata: Record<string, unknown>;
  unsafe_metadata: Record<string, unknown>;
  last_sign_in_at: number | null;
  created_at: number;
  updated_at: number;
}

export type SessionStatus = 'active' | 'ended' | 'expired' | 'removed' | 'replaced' | 'revoked' | 'abandoned';

export interface TokenJSON {
  object: 'token';
  jwt: string;
}

export interface SessionJSON {
  object: 'session';
  id: string;
  status: SessionStatus;
  user: UserJSON;
  /** Minutes since the first and second factor were verified; -1 where none was. */
  factor_verification_age: [number, number];
  last_active_at: number;
  /** When the session ends by inactivity, unless it is used before. */
  expire_at: number;
  /** When the session ends whatever happens (maximum lifetime). */
  abandon_at: number;
  created_at: number;
  updated_at: number;
}

export type SignInStatus = 'needs_identifier' | 'needs_first_factor' | 'needs_second_factor' | 'needs_new_password' | 'complete';
/**
 * `reset_password_email_code` is "forgot password": a code by email, then a new password;
 * `reset_password_phone_code` the same with a code texted to the account's phone number (instances
 * with phone numbers on).
 */
export type FirstFactorStrategy = 'password' | 'email_code' | 'email_link' | 'reset_password_email_code' | 'reset_password_phone_code';

/** Second factors: an authenticator app, a code by SMS to a reserved number, or a backup code. */
export type SecondFactorStrategy = 'totp' | 'phone_code' | 'backup_code';

export interface SignInFactorJSON {
  strategy: FirstFactorStrategy | SecondFactorStrategy;
  /** A masked form of the identifier the factor is tied to (e.g. `j***@example.com`). */
  safe_identifier?: string;
  email_address_id?: string;
  phone_number_id?: string;
  primary?: boolean;
  /** The user's default second factor: the one the second-factor step opens with. */
  default?: boolean;
}

/**
 * An authenticator app (POST /v1/me/totp): the secret and `otpauth://` URI only while it is being
 * set up; `backup_codes` only in the answer that enabled it as the account's first second factor.
 */
export interface TotpJSON {
  object: 'totp';
  secret: string | null;
  uri: string | null;
  verified: boolean;
  backup_codes: string[] | null;
  created_at: number;
  updated_at: number;
}

/**
 * An emailed link was confirmed (POST /v1/client/email_links/confirm): a sign-in link, a sign-up's
 * verification link, or the verification link of an address added in UserProfile. On the device
 * that started the sign-in or sign-up (`same_client`) it completed there (`sign_in`, `sign_up`);
 * elsewhere the starting tab completes it by itself and this one says "return to your original tab".
 * An address link verifies its address wherever it is opened (`email_address`); `same_client` then
 * says whether this device is signed in as the address's owner.
 */
export interface EmailLinkConfirmationJSON {
  object: 'email_link_confirmation';
  status: 'verified';
  same_client: boolean;
  sign_in: SignInJSON | null;
  /** A sign-up link confirmed on the device that started the sign-up: complete, unless the instance still needs a field. */
  sign_up: SignUpJSON | null;
  /** An address link: the address, now verified. */
  email_address: EmailAddressJSON | null;
}

/** A new set of backup codes (POST /v1/me/backup_codes), shown once; the earlier ones no longer work. */
export interface BackupCodesJSON {
  object: 'backup_code';
  codes: string[];
  created_at: number;
}

/** The device a session was created on, as "Active devices" shows it. */
export interface SessionActivityJSON {
  object: 'session_activity';
  browser_name: string | null;
  browser_version: string | null;
  os_name: string | null;
  device_type: 'desktop' | 'mobile' | 'tablet' | null;
  is_mobile: boolean;
  ip_address: string | null;
  /** Only when a trusted proxy gave the location. */
  city: string | null;
  country: string | null;
}

/** One signed-in device of the user (GET /v1/me/sessions/active). */
export interface ActiveSessionJSON {
  object: 'session';
  id: string;
  status: SessionStatus;
  latest_activity: SessionActivityJSON;
  /** A session of the device making the request. */
  is_this_device: boolean;
  /** The session the request acts for. */
  is_current: boolean;
  last_active_at: number;
  expire_at: number;
  abandon_at: number;
  created_at: number;
  updated_at: number;
}

/** A re-verification round of the signed-in user: a fresh first factor unlocks sensitive changes for 10 minutes. */
export interface SessionVerificationJSON {
  object: 'session_verification';
  status: 'needs_first_factor' | 'complete';
  level: 'first_factor';
  supported_first_factors: SignInFactorJSON[];
  first_factor_verification: VerificationJSON | null;
  session: SessionJSON;
}

export interface SignInUserDataJSON {
  first_name: string | null;
  last_name: string | null;
  image_url: string;
  has_image: boolean;
}

export interface SignInJSON {
  object: 'sign_in';
  id: string;
  status: SignInStatus;
  identifier: string | null;
  supported_identifiers: IdentifierKind[];
  supported_first_factors: SignInFactorJSON[];
  supported_second_factors: SignInFactorJSON[] | null;
  first_factor_verification: VerificationJSON | null;
  second_factor_verification: VerificationJSON | null;
  user_data: SignInUserDataJSON | null;
  created_session_id: string | null;
  abandon_at: number;
}

export type SignUpStatus = 'missing_requirements' | 'complete' | 'abandoned';
export type SignUpField = 'email_address' | 'password' | 'username' | 'first_name' | 'last_name' | 'legal_accepted';

export interface SignUpJSON {
  object: 'sign_up';
  id: string;
  status: SignUpStatus;
  required_fields: SignUpField[];
  optional_fields: SignUpField[];
  missing_fields: SignUpField[];
  unverified_fields: Array<'email_address'>;
  verifications: { email_address: VerificationJSON | null; external_account: VerificationJSON | null };
  email_address: string | null;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  password_enabled: boolean;
  legal_accepted_at: number | null;
  created_session_id: string | null;
  created_user_id: string | null;
  abandon_at: number;
}

export interface ClientJSON {
  object: 'client';
  id: string;
  sessions: SessionJSON[];
  sign_in: SignInJSON | null;
  sign_up: SignUpJSON | null;
  last_active_session_id: string | null;
  created_at: number;
  updated_at: number;
}

export type IdentifierKind = 'email_address' | 'username';
/** `phone_number`: users may add phone numbers in their profile (verified by SMS); not a sign-up field yet. */
export type AttributeName = 'email_address' | 'phone_number' | 'username' | 'first_name' | 'last_name' | 'password';

export interface AttributeSettingJSON {
  enabled: boolean;
  required: boolean;
  /** Whether it can be typed into sign-in's identifier field. */
  used_for_first_factor: boolean;
  first_factors: FirstFactorStrategy[];
  /** How a new address is verified (sign-up and UserProfile): a 6-digit code, a link (confirmed with a click), or both (the user chooses). */
  verifications: Array<'email_code' | 'email_link' | 'phone_code'>;
}

/** The composition part is what `passwordRuleResults` (@usher/protocol/password-rules) evaluates. */
export interface PasswordSettingsJSON extends PasswordComplexityJSON {
  /** The lowest zxcvbn score (0–4) the server accepts; 0: no strength floor (the meter still shows). */
  min_zxcvbn_strength: number;
  /** Whether passwords known from data breaches are refused. */
  breach_check: boolean;
}

export interface EnvironmentJSON {
  object: 'environment';
  id: string;
  instance_environment_type: 'development' | 'production';
  display_config: {
    application_name: string;
    logo_image_url: string | null;
    home_url: string;
    sign_in_url: string;
    sign_up_url: string;
    after_sign_in_url: string;
    after_sign_up_url: string;
    after_sign_out_url: string;
    default_avatar: 'marble' | 'initials';
    privacy_policy_url: string | null;
    terms_url: string | null;
  };
  user_settings: {
    attributes: Record<AttributeName, AttributeSettingJSON>;
    password_settings: PasswordSettingsJSON;
    sign_up: { mode: 'public' | 'restricted'; legal_consent_enabled: boolean };
    sign_in: { enumeration_protection: boolean };
    /** Second factors users may set up; `required`: every user must have one (set up right after signing in). */
    mfa: { totp: boolean; phone_code: boolean; backup_code: boolean; required: boolean };
    /** What users may do to their own account (UserProfile shows the delete section only when allowed). */
    actions: { delete_self: boolean };
    /** Social / OpenID Connect providers, in the order the instance lists them (buttons in SignIn and SignUp). */
    social: SocialProviderJSON[];
  };
  auth_config: {
    single_session_mode: boolean;
    session_token_lifetime_seconds: number;
  };
}

/** Every mutation answers the affected resource and the whole client, so the SDK can replace its snapshot. */
export interface ClientResponseJSON<T> {
  response: T;
  client: ClientJSON | null;
}

export interface ListResponseJSON<T> {
  data: T[];
  total_count: number;
}

export interface DevMessageJSON {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  created_at: number;
}
