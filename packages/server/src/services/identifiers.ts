import { UsherError } from '../errors.ts';

/** Email addresses are stored and compared trimmed and lower-cased. */
export function normalizeEmailAddress(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * A pragmatic shape check (not RFC 5322): one `@`, a non-empty local part, a dotted domain, no
 * whitespace or control characters. Deliverability is proven by the code, not by a regex.
 */
export function isEmailAddressLike(value: string): boolean {
  if (value.length > 320) return false;
  return /^[^\s@\p{Cc}]{1,64}@[^\s@\p{Cc}.]+(\.[^\s@\p{Cc}.]+)+$/u.test(value);
}

/** Normalizes an email address, or throws form_email_address_invalid for `paramName`. */
export function parseEmailAddress(value: string, paramName: string): string {
  const email = normalizeEmailAddress(value);
  if (!isEmailAddressLike(email)) throw new UsherError('form_email_address_invalid', { paramName });
  return email;
}

/** Usernames are case-insensitive and stored lower-cased. */
export function normalizeUsername(value: string): string {
  return value.trim().toLowerCase();
}

export function isValidUsername(value: string): boolean {
  return /^[a-z0-9_.-]{3,64}$/.test(value);
}

export function parseUsername(value: string, paramName: string): string {
  const username = normalizeUsername(value);
  if (!isValidUsername(username)) throw new UsherError('form_username_invalid', { paramName });
  return username;
}

/** Trimmed name, or null when nothing is left. */
export function normalizeName(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * A masked form for display, e.g. `jane.doe@example.com` → `j***@example.com`, `janedoe` → `j***e`.
 * It depends only on the string, so known and unknown identifiers mask alike.
 */
export function maskIdentifier(value: string): string {
  const at = value.lastIndexOf('@');
  if (at > 0) return `${value[0]}***${value.slice(at)}`;
  if (value.length <= 2) return `${value[0] ?? ''}***`;
  return `${value[0]}***${value[value.length - 1]}`;
}

/** A phone number showing its last two digits only, e.g. `+15555550142` → `+1 ••• ••• ••42`. */
export function maskPhoneNumber(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  return `+${digits.slice(0, digits.length > 10 ? digits.length - 10 : 1)} ••• ••• ••${digits.slice(-2)}`;
}
