/**
 * Every error code the Usher APIs can answer with. The list is closed: the SDK and the
 * components switch over it, and localization keys are derived from it.
 */
export const ERROR_CODES = [
  // request shape
  'request_body_invalid',
  'request_body_too_large',
  'unsupported_media_type',
  'origin_invalid',
  'not_found',
  'method_not_allowed',
  'too_many_requests',
  // form fields
  'form_param_missing',
  'form_param_format_invalid',
  'form_param_unknown',
  'form_param_value_invalid',
  'form_password_length_too_short',
  'form_password_length_too_long',
  /** The instance's composition rules (upper/lower case, number, special character) are not all met; `meta.unmet_rules` names them. */
  'form_password_validation_failed',
  /** Below the instance's minimum zxcvbn score; `meta.zxcvbn` carries the warning and suggestions. */
  'form_password_not_strong_enough',
  /** Known from data breaches: attackers try it first. */
  'form_password_pwned',
  'form_identifier_exists',
  'form_identifier_not_found',
  'form_password_incorrect',
  'form_code_incorrect',
  'form_username_invalid',
  'form_email_address_invalid',
  'redirect_url_invalid',
  // flows
  'strategy_not_allowed',
  'verification_not_prepared',
  'verification_expired',
  'verification_failed',
  'verification_already_verified',
  'sign_in_not_found',
  'sign_up_not_found',
  'sign_in_status_invalid',
  'sign_up_status_invalid',
  'sign_up_not_allowed',
  'user_locked',
  /** The account was banned through the Backend API: it cannot sign in. */
  'user_banned',
  'identifier_already_signed_in',
  /** Single-session mode: the client already has an active session; sign out first. */
  'session_exists',
  // social / OpenID Connect sign-in
  /** The person declined at the provider (or closed its page). */
  'oauth_access_denied',
  /** The return from the provider is malformed, unknown, expired or already used. */
  'oauth_callback_invalid',
  /** The return from the provider belongs to another browser or another provider (login CSRF, mix-up). */
  'oauth_state_mismatch',
  /** The provider answered with an error of its own. */
  'oauth_provider_error',
  /** The provider refused to exchange the code (wrong PKCE verifier, used or expired code, bad client credentials). */
  'oauth_token_exchange_failed',
  /** The ID token failed a check: signature, issuer, audience, expiry or nonce. */
  'oauth_id_token_invalid',
  /** The provider could not be reached, or answered something unusable. */
  'oauth_provider_unreachable',
  /** This provider account is linked to another user. */
  'external_account_exists',
  'external_account_not_found',
  /** Removing it would leave the account without a way to sign in. */
  'external_account_last_identification',
  'oauth_provider_not_found',
  // client & sessions
  'authentication_invalid',
  'client_not_found',
  'session_not_found',
  'session_not_active',
  'resource_not_found',
  'dev_only',
  // Backend API
  /** No secret key, or one that is unknown or revoked. */
  'secret_key_invalid',
  'user_not_found',
  'jwt_template_not_found',
  'session_reverification_required',
  'email_address_not_found',
  'email_address_is_primary',
  'email_address_limit_reached',
  'phone_number_not_found',
  'phone_number_is_primary',
  'phone_number_limit_reached',
  'account_deletion_not_allowed',
  // second factors
  /** An authenticator app is already set up: remove it first to set up another. */
  'totp_already_enabled',
  /** No authenticator app is set up (or its setup was not started). */
  'totp_not_enabled',
  /** The account has no second factor yet (backup codes need one). */
  'mfa_not_enabled',
  /** The instance requires 2-step verification: the last second factor cannot be removed. */
  'mfa_required',
  /** Only a verified phone number can be used for 2-step verification. */
  'phone_number_not_verified',
  'webhook_endpoint_not_found',
  'webhook_message_not_found',
  'webhook_message_not_replayable',
  /** The claims resolved for this user exceed the size limit of the token. */
  'token_claims_too_large',
  // backend
  'internal_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One error of an API answer, as the wire carries it. */
export interface ApiErrorJSON {
  code: ErrorCode;
  message: string;
  long_message: string;
  meta?: {
    param_name?: string;
    /** Seconds until a lock or a rate limit is lifted. */
    retry_after_seconds?: number;
    /** Unix milliseconds when the account lock ends. */
    lock_expires_at?: number;
    remaining_attempts?: number;
    /** form_password_validation_failed: the composition rules the password does not meet. */
    unmet_rules?: Array<'uppercase' | 'lowercase' | 'number' | 'special_char'>;
    /** form_password_not_strong_enough: what zxcvbn says, and the score it needed. */
    zxcvbn?: { score: number; min_score: number; warning: string | null; suggestions: string[] };
    /** oauth_id_token_invalid / oauth_state_mismatch: the check that failed (`signature`, `nonce`, `iss`, `aud`, `exp`, `state`, `client`). */
    check?: string;
    /** oauth_provider_error / oauth_token_exchange_failed: the provider's own error code. */
    provider_error?: string;
  };
}

/** The body of every 4xx/5xx answer. */
export interface ApiErrorResponseJSON {
  errors: ApiErrorJSON[];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
