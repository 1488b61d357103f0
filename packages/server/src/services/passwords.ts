import type { InstanceConfig } from '../config/instance.ts';
import { UsherError } from '../errors.ts';

/**
 * Passwords are compared after Unicode NFKC normalization, the same way when set and when
 * checked, so "ﬁ" (one ligature character) and "fi" are the same password, and so are composed
 * and decomposed accents.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Length in code points (what a person counts), not UTF-16 units. */
export function passwordLength(password: string): number {
  let n = 0;
  for (const _ of password) n++;
  return n;
}

/**
 * Checks a new password against the policy and answers its normalized form. Never truncates.
 * The length check runs before any hashing, so an overlong password is refused quickly.
 */
export function acceptNewPassword(password: string, config: InstanceConfig, paramName = 'password'): string {
  const normalized = normalizePassword(password);
  const length = passwordLength(normalized);
  if (length > config.password.maxLength) {
    throw new UsherError('form_password_length_too_long', {
      paramName,
      longMessage: `Passwords can be at most ${config.password.maxLength} characters long.`,
    });
  }
  if (length < config.password.minLength) {
    throw new UsherError('form_password_length_too_short', {
      paramName,
      longMessage: `Passwords must be at least ${config.password.minLength} characters long.`,
    });
  }
  return normalized;
}

/**
 * A password typed at sign-in. Longer than any accepted password means it cannot be right; it is
 * refused without hashing (the length is not a secret).
 */
export function acceptTypedPassword(password: string, config: InstanceConfig, paramName = 'password'): string {
  const normalized = normalizePassword(password);
  if (passwordLength(normalized) > config.password.maxLength) {
    throw new UsherError('form_password_length_too_long', {
      paramName,
      longMessage: `Passwords can be at most ${config.password.maxLength} characters long.`,
    });
  }
  return normalized;
}
