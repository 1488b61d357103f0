/**
 * The instance's password rules, evaluated the same way by the server (which enforces them) and
 * by the components (which show each rule met or unmet as the user types). Pure: no dictionaries.
 */

/** What `environment.user_settings.password_settings` says about composition. */
export interface PasswordComplexityJSON {
  min_length: number;
  max_length: number;
  require_uppercase: boolean;
  require_lowercase: boolean;
  require_numbers: boolean;
  require_special_char: boolean;
}

export type PasswordRule = 'min_length' | 'max_length' | 'uppercase' | 'lowercase' | 'number' | 'special_char';

export interface PasswordRuleResult {
  rule: PasswordRule;
  met: boolean;
}

/** Length in code points (what a person counts), not UTF-16 units. */
export function passwordLength(password: string): number {
  let n = 0;
  for (const _ of password) n++;
  return n;
}

// Letters in any script count: "É" is upper case, "ß" lower case; digits in any script are numbers.
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const NUMBER = /\p{Nd}/u;
/** Anything that is not a letter, a digit or a space: punctuation, symbols, emoji. */
const SPECIAL = /[^\p{L}\p{Nd}\s]/u;

/**
 * Every rule the instance asks for, in the order they are shown, each with whether `password`
 * (already NFKC-normalized) meets it. Length rules are always present; composition rules only
 * when the instance requires them.
 *
 * @example
 * passwordRuleResults('hunter2', settings).filter((r) => !r.met); // [{ rule: 'min_length', met: false }, …]
 */
export function passwordRuleResults(password: string, settings: PasswordComplexityJSON): PasswordRuleResult[] {
  const length = passwordLength(password);
  const results: PasswordRuleResult[] = [{ rule: 'min_length', met: length >= settings.min_length }];
  if (settings.require_uppercase) results.push({ rule: 'uppercase', met: UPPER.test(password) });
  if (settings.require_lowercase) results.push({ rule: 'lowercase', met: LOWER.test(password) });
  if (settings.require_numbers) results.push({ rule: 'number', met: NUMBER.test(password) });
  if (settings.require_special_char) results.push({ rule: 'special_char', met: SPECIAL.test(password) });
  if (length > settings.max_length) results.push({ rule: 'max_length', met: false });
  return results;
}
