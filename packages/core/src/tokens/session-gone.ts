import type { ErrorCode } from '@usher/protocol';
import { UsherAPIError } from '../errors.ts';

/** Codes with which the API says, authoritatively, that the session cannot mint any more. */
const SESSION_GONE_CODES: readonly ErrorCode[] = ['session_not_found', 'session_not_active', 'client_not_found', 'authentication_invalid'];

/**
 * Whether a failed mint means the session is over. Only an Usher answer (a 4xx carrying one of
 * the session codes, 401 or 404 in practice) counts: a network error, a 5xx, a 429 or a proxy's
 * own 404 page never signs anybody out.
 */
export function isSessionGoneError(error: unknown): boolean {
  if (!(error instanceof UsherAPIError)) return false;
  if (error.status < 400 || error.status >= 500 || error.status === 429 || error.status === 408) return false;
  return error.errors.some((e) => SESSION_GONE_CODES.includes(e.code));
}

/** Whether it is worth trying again later (everything but an authoritative refusal). */
export function isRetryableError(error: unknown): boolean {
  if (!(error instanceof UsherAPIError)) return true;
  return error.status >= 500 || error.status === 429 || error.status === 408;
}
