import type { ApiErrorJSON, ErrorCode } from '@usher/protocol';

/** What went wrong, as a closed union the UI can switch over. */
export type UsherErrorCode = 'api_error' | 'offline' | 'response_invalid' | 'destroyed';

/**
 * Base class of every error the SDK throws for runtime failures (network, API answers).
 * Misuse of the SDK (calling a method in the wrong status, bad arguments) throws
 * {@link UsherMisuseError}, a `TypeError`, instead.
 *
 * @example
 * try { await usher.getToken(); } catch (e) { if (e instanceof UsherError) console.warn(e.code); }
 */
export class UsherError extends Error {
  override name = 'UsherError';
  readonly code: UsherErrorCode;
  constructor(code: UsherErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** One error of an API answer, camelCased. */
export interface UsherAPIErrorItem {
  readonly code: ErrorCode;
  readonly message: string;
  readonly longMessage: string;
  readonly meta: {
    readonly paramName?: string;
    readonly retryAfterSeconds?: number;
    readonly lockExpiresAt?: number;
    readonly remainingAttempts?: number;
  };
}

/**
 * The API answered with an error status. `errors` lists what the server said (the first one is
 * usually what to show); `retryAfter` is the `Retry-After` header in seconds, when present.
 *
 * @example
 * try { await signIn.attemptFirstFactor({ strategy: 'password', password }); }
 * catch (e) { if (isUsherAPIError(e) && e.errors[0]?.code === 'form_password_incorrect') showWrongPassword(); }
 */
export class UsherAPIError extends UsherError {
  override name = 'UsherAPIError';
  readonly status: number;
  readonly errors: readonly UsherAPIErrorItem[];
  readonly retryAfter: number | null;
  constructor(input: { status: number; errors: readonly UsherAPIErrorItem[]; retryAfter: number | null }) {
    super('api_error', input.errors[0]?.message ?? `Request failed with status ${input.status}`);
    this.status = input.status;
    this.errors = Object.freeze([...input.errors]);
    this.retryAfter = input.retryAfter;
  }

  /** Whether any error of the answer has this code. */
  hasCode(code: ErrorCode): boolean {
    return this.errors.some((e) => e.code === code);
  }
}

/**
 * The request never got an answer (no network, DNS, CORS, connection reset). The SDK keeps the
 * session: being offline never signs anybody out.
 *
 * @example
 * catch (e) { if (isUsherOfflineError(e)) showBanner('You are offline'); }
 */
export class UsherOfflineError extends UsherError {
  override name = 'UsherOfflineError';
  constructor(options?: { cause?: unknown }) {
    super('offline', 'The Usher API could not be reached', options);
  }
}

/** Why a call was refused before reaching the API. */
export type UsherMisuseCode = 'status_invalid' | 'argument_invalid' | 'not_loaded';

/**
 * The SDK was used in a way that cannot work, e.g. `attemptFirstFactor` on a sign-in that still
 * needs an identifier. A `TypeError`, thrown synchronously-in-promise before any request is made.
 *
 * @example
 * signIn.prepareFirstFactor({ strategy: 'email_code' }).catch((e) => e instanceof UsherMisuseError);
 */
export class UsherMisuseError extends TypeError {
  override name = 'UsherMisuseError';
  readonly code: UsherMisuseCode;
  constructor(code: UsherMisuseCode, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * Narrows an unknown error to {@link UsherAPIError}.
 * @example if (isUsherAPIError(e) && e.status === 422) ...
 */
export function isUsherAPIError(error: unknown): error is UsherAPIError {
  return error instanceof UsherAPIError;
}

/**
 * Narrows an unknown error to {@link UsherOfflineError}.
 * @example if (isUsherOfflineError(e)) retryLater();
 */
export function isUsherOfflineError(error: unknown): error is UsherOfflineError {
  return error instanceof UsherOfflineError;
}

/**
 * Narrows an unknown error to {@link UsherMisuseError}.
 * @example if (isUsherMisuseError(e)) console.error(e.message);
 */
export function isUsherMisuseError(error: unknown): error is UsherMisuseError {
  return error instanceof UsherMisuseError;
}

/** Builds the camelCased error list from the wire's snake_case one. */
export function toAPIErrorItems(errors: readonly ApiErrorJSON[]): UsherAPIErrorItem[] {
  return errors.map((e) =>
    Object.freeze({
      code: e.code,
      message: e.message,
      longMessage: e.long_message ?? e.message,
      meta: Object.freeze({
        ...(e.meta?.param_name !== undefined ? { paramName: e.meta.param_name } : {}),
        ...(e.meta?.retry_after_seconds !== undefined ? { retryAfterSeconds: e.meta.retry_after_seconds } : {}),
        ...(e.meta?.lock_expires_at !== undefined ? { lockExpiresAt: e.meta.lock_expires_at } : {}),
        ...(e.meta?.remaining_attempts !== undefined ? { remainingAttempts: e.meta.remaining_attempts } : {}),
      }),
    }),
  );
}
