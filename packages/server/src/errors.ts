import type { ApiErrorJSON, ErrorCode } from '@usher/protocol';

/** HTTP statuses the API answers errors with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 502;

interface ErrorDefault {
  status: ErrorStatus;
  message: string;
  longMessage: string;
}

/**
 * The default status and human text of every code. Typed as a full Record so that adding a code
 * to @usher/protocol without a default here fails the type check.
 */
const DEFAULTS: Record<ErrorCode, ErrorDefault> = {
  request_body_invalid: { status: 400, message: 'Invalid request body', longMessage: 'The request body must be a JSON object.' },
  request_body_too_large: { status: 413, message: 'Request body too large', longMessage: 'The request body is larger than this endpoint accepts.' },
  unsupported_media_type: { status: 415, message: 'Unsupported content type', longMessage: 'Send the request body as JSON with `Content-Type: application/json`.' },
  origin_invalid: { status: 403, message: 'Origin not allowed', longMessage: 'This request comes from an origin that is not allowed to change state on this instance.' },
  not_found: { status: 404, message: 'Not found', longMessage: 'There is nothing at this address.' },
  method_not_allowed: { status: 405, message: 'Method not allowed', longMessage: 'This endpoint does not accept this HTTP method.' },
  too_many_requests: { status: 429, message: 'Too many requests', longMessage: 'Too many requests. Wait a moment and try again.' },
  form_param_missing: { status: 422, message: 'Missing field', longMessage: 'A required field is missing.' },
  form_param_format_invalid: { status: 422, message: 'Invalid field', longMessage: 'A field has the wrong type or format.' },
  form_param_unknown: { status: 422, message: 'Unknown field', longMessage: 'The request contains a field this endpoint does not accept.' },
  form_param_value_invalid: { status: 422, message: 'Invalid value', longMessage: 'A field has a value that is not allowed here.' },
  form_password_length_too_short: { status: 422, message: 'Password too short', longMessage: 'Your password is too short.' },
  form_password_length_too_long: { status: 422, message: 'Password too long', longMessage: 'Your password is too long.' },
  form_password_validation_failed: { status: 422, message: 'Password rules not met', longMessage: 'Your password does not meet every rule this application requires.' },
  form_password_not_strong_enough: { status: 422, message: 'Password too weak', longMessage: 'Your password is too easy to guess. Add a few more words or make it longer.' },
  form_password_pwned: { status: 422, message: 'Password found in a breach', longMessage: 'This password has appeared in a data breach, so attackers try it first. Choose a different password.' },
  form_identifier_exists: { status: 422, message: 'Already taken', longMessage: 'This identifier is already taken. Try another one.' },
  form_identifier_not_found: { status: 422, message: 'Account not found', longMessage: 'No account was found with this identifier.' },
  form_password_incorrect: { status: 422, message: 'Incorrect password', longMessage: 'The password is incorrect. Try again, or use another method.' },
  form_code_incorrect: { status: 422, message: 'Incorrect code', longMessage: 'The code is incorrect. Check the latest email we sent and try again.' },
  form_username_invalid: { status: 422, message: 'Invalid username', longMessage: 'Usernames are 3 to 64 characters long and use only a-z, 0-9, `_`, `-` and `.`.' },
  form_email_address_invalid: { status: 422, message: 'Invalid email address', longMessage: 'Enter a valid email address, like name@example.com.' },
  redirect_url_invalid: { status: 422, message: 'Redirect URL not allowed', longMessage: 'The redirect URL must be a relative path or an address on an allowed origin.' },
  strategy_not_allowed: { status: 422, message: 'Strategy not allowed', longMessage: 'This verification strategy is not available here.' },
  verification_not_prepared: { status: 422, message: 'No code was sent', longMessage: 'Ask for a code first, then enter it.' },
  verification_expired: { status: 422, message: 'Code expired', longMessage: 'This code has expired. Ask for a new one.' },
  verification_failed: { status: 422, message: 'Too many attempts', longMessage: 'Too many incorrect codes. Start again to get a new code.' },
  verification_already_verified: { status: 422, message: 'Already verified', longMessage: 'This has already been verified.' },
  sign_in_not_found: { status: 404, message: 'Sign-in not found', longMessage: 'This sign-in attempt does not exist or has expired. Start again.' },
  sign_up_not_found: { status: 404, message: 'Sign-up not found', longMessage: 'This sign-up attempt does not exist or has expired. Start again.' },
  sign_in_status_invalid: { status: 422, message: 'Sign-in step not available', longMessage: 'This sign-in attempt is not at a step where this action is possible.' },
  sign_up_status_invalid: { status: 422, message: 'Sign-up step not available', longMessage: 'This sign-up attempt is not at a step where this action is possible.' },
  sign_up_not_allowed: { status: 403, message: 'Sign-up not allowed', longMessage: 'This application does not accept new sign-ups.' },
  user_locked: { status: 403, message: 'Account locked', longMessage: 'This account is locked after too many failed attempts. Try again later.' },
  user_banned: { status: 403, message: 'Account banned', longMessage: 'This account cannot sign in. Contact the application’s support if you think this is a mistake.' },
  identifier_already_signed_in: { status: 422, message: 'Already signed in', longMessage: 'You are already signed in with this account on this device.' },
  session_exists: { status: 409, message: 'Already signed in', longMessage: 'You are already signed in. Sign out before signing in or up again.' },
  oauth_access_denied: { status: 422, message: 'Sign-in cancelled', longMessage: 'The sign-in was cancelled at the provider. Try again, or use another method.' },
  oauth_callback_invalid: { status: 422, message: 'Sign-in link not valid', longMessage: 'This return from the provider is not valid, has expired or was already used. Start the sign-in again.' },
  oauth_state_mismatch: { status: 422, message: 'Sign-in started elsewhere', longMessage: 'This sign-in was started in another browser or with another provider. Start it again here.' },
  oauth_provider_error: { status: 422, message: 'Provider error', longMessage: 'The provider could not complete the sign-in. Try again, or use another method.' },
  oauth_token_exchange_failed: { status: 422, message: 'Sign-in could not be completed', longMessage: 'The provider did not accept the sign-in code. Start the sign-in again.' },
  oauth_id_token_invalid: { status: 422, message: 'Sign-in could not be verified', longMessage: 'The provider’s answer failed a security check, so nobody was signed in. Start the sign-in again.' },
  oauth_provider_unreachable: { status: 502, message: 'Provider unavailable', longMessage: 'The provider could not be reached. Try again in a moment, or use another method.' },
  external_account_exists: { status: 422, message: 'Account already connected', longMessage: 'This account is already connected to another user. Sign in with it instead, or disconnect it there first.' },
  external_account_not_found: { status: 404, message: 'Connected account not found', longMessage: 'This user has no such connected account.' },
  external_account_last_identification: { status: 422, message: 'Last way to sign in', longMessage: 'This is the only way to sign in to this account. Set a password or connect another account first.' },
  oauth_provider_not_found: { status: 404, message: 'Provider not found', longMessage: 'No social provider has this id.' },
  authentication_invalid: { status: 401, message: 'Not signed in', longMessage: 'This request needs an active session.' },
  client_not_found: { status: 401, message: 'Client not found', longMessage: 'This browser or device is not known. Reload and try again.' },
  session_not_found: { status: 404, message: 'Session not found', longMessage: 'This session does not exist on this device.' },
  session_not_active: { status: 401, message: 'Session ended', longMessage: 'This session has ended. Sign in again.' },
  resource_not_found: { status: 404, message: 'Not found', longMessage: 'The resource does not exist.' },
  dev_only: { status: 404, message: 'Development only', longMessage: 'This endpoint exists only on development instances.' },
  secret_key_invalid: { status: 401, message: 'Invalid secret key', longMessage: 'Send a valid, unrevoked secret key as `Authorization: Bearer sk_…`.' },
  user_not_found: { status: 404, message: 'User not found', longMessage: 'No user has this id.' },
  jwt_template_not_found: { status: 404, message: 'JWT template not found', longMessage: 'No JWT template has this name or id.' },
  account_deletion_not_allowed: { status: 403, message: 'Deletion not allowed', longMessage: 'This application does not let users delete their own account. Contact its administrator.' },
  email_address_not_found: { status: 404, message: 'Email address not found', longMessage: 'This account has no such email address.' },
  email_address_is_primary: { status: 422, message: 'Primary address', longMessage: 'This is your primary email address. Make another address primary first.' },
  email_address_limit_reached: { status: 422, message: 'Too many addresses', longMessage: 'An account can have at most 10 email addresses. Remove one first.' },
  phone_number_not_found: { status: 404, message: 'Phone number not found', longMessage: 'This account has no such phone number.' },
  phone_number_is_primary: { status: 422, message: 'Primary number', longMessage: 'This is your primary phone number. Make another number primary first.' },
  phone_number_limit_reached: { status: 422, message: 'Too many numbers', longMessage: 'An account can have at most 5 phone numbers. Remove one first.' },
  totp_already_enabled: { status: 409, message: 'Authenticator already set up', longMessage: 'An authenticator app is already set up for this account. Remove it before setting up another.' },
  totp_not_enabled: { status: 404, message: 'No authenticator', longMessage: 'No authenticator app is set up for this account.' },
  mfa_not_enabled: { status: 422, message: '2-step verification is off', longMessage: 'Set up an authenticator app or a phone number for 2-step verification first.' },
  mfa_required: { status: 422, message: '2-step verification is required', longMessage: 'This application requires 2-step verification. Add another method before removing this one.' },
  phone_number_not_verified: { status: 422, message: 'Number not verified', longMessage: 'Verify this phone number before using it for 2-step verification.' },
  session_reverification_required: { status: 403, message: 'Verification required', longMessage: 'Confirm it is you (your password or a code by email) to make this change.' },
  webhook_endpoint_not_found: { status: 404, message: 'Webhook endpoint not found', longMessage: 'No webhook endpoint has this id.' },
  webhook_message_not_found: { status: 404, message: 'Webhook message not found', longMessage: 'No webhook delivery has this id.' },
  webhook_message_not_replayable: { status: 409, message: 'Not replayable yet', longMessage: 'This delivery is still pending or in flight; only a sent or dead-lettered delivery can be replayed.' },
  token_claims_too_large: { status: 422, message: 'Token claims too large', longMessage: 'The claims of this token are larger than the limit. Shorten the template or the metadata it reads.' },
  internal_error: { status: 500, message: 'Internal error', longMessage: 'Something went wrong on our side. Try again.' },
};

export interface UsherErrorOptions {
  status?: ErrorStatus;
  /** Short human text; defaults per code. Never put secrets, codes or tokens in it. */
  message?: string;
  longMessage?: string;
  /** The request field the error is about (snake_case, as on the wire). */
  paramName?: string;
  meta?: Omit<NonNullable<ApiErrorJSON['meta']>, 'param_name'>;
  /** More errors answered in the same response (e.g. several invalid fields). */
  more?: UsherError[];
  cause?: unknown;
}

/**
 * The one error class of the server. Routes and services throw it; the app's error handler turns
 * it into `{ errors: [...] }` with its status. Anything else that escapes is a bug (500).
 *
 * @example
 * throw new UsherError('form_password_incorrect', { paramName: 'password' });
 */
export class UsherError extends Error {
  override readonly name = 'UsherError';
  readonly code: ErrorCode;
  readonly status: ErrorStatus;
  readonly longMessage: string;
  readonly paramName: string | undefined;
  readonly meta: UsherErrorOptions['meta'];
  readonly more: UsherError[];

  constructor(code: ErrorCode, options: UsherErrorOptions = {}) {
    const defaults = DEFAULTS[code];
    super(options.message ?? defaults.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status ?? defaults.status;
    this.longMessage = options.longMessage ?? defaults.longMessage;
    this.paramName = options.paramName;
    this.meta = options.meta;
    this.more = options.more ?? [];
  }

  /** The wire form of this error (and of `more`). */
  toJSON(): ApiErrorJSON[] {
    const meta: NonNullable<ApiErrorJSON['meta']> = { ...this.meta };
    if (this.paramName !== undefined) meta.param_name = this.paramName;
    const own: ApiErrorJSON = { code: this.code, message: this.message, long_message: this.longMessage, meta };
    return [own, ...this.more.flatMap((e) => e.toJSON())];
  }
}

export function isUsherError(value: unknown): value is UsherError {
  return value instanceof UsherError;
}
