import type { PasswordComplexityJSON, PasswordRule } from '@usher/protocol/password-rules';
import { passwordRuleResults } from '@usher/protocol/password-rules';
import { estimatorWords, loadPasswordStrength } from '@usher/protocol/password-strength';
import type { InstanceConfig } from '../config/instance.ts';
import type { UserRecord } from '../store/types.ts';
import { UsherError } from '../errors.ts';
import { acceptNewPassword } from './passwords.ts';
import type { Runtime } from './runtime.ts';

type CompositionRule = Exclude<PasswordRule, 'min_length' | 'max_length'>;

/** The instance's password settings in the wire form the components read (environment.user_settings). */
export function passwordComplexity(config: InstanceConfig): PasswordComplexityJSON {
  const p = config.password;
  return {
    min_length: p.minLength,
    max_length: p.maxLength,
    require_uppercase: p.requireUppercase,
    require_lowercase: p.requireLowercase,
    require_numbers: p.requireNumbers,
    require_special_char: p.requireSpecialChar,
  };
}

/** Words a user's password should not lean on: their own name and username. */
export function personalWords(user: Pick<UserRecord, 'firstName' | 'lastName' | 'username'>): string[] {
  return [user.firstName, user.lastName, user.username].filter((w): w is string => typeof w === 'string' && w.length > 0);
}

const RULE_TEXT: Record<CompositionRule, string> = {
  uppercase: 'an upper-case letter',
  lowercase: 'a lower-case letter',
  number: 'a number',
  special_char: 'a special character (like ! or #)',
};

/**
 * Every check a new password passes before it is hashed, cheapest first, and its NFKC form:
 * length (before anything else, so a 10 KB password costs nothing), the instance's composition
 * rules, the zxcvbn strength floor (with the user's own name and email as words it may not lean
 * on), then the breached-password check. Each refusal is a 422 with its own code and a message
 * that says what to change.
 *
 * @example
 * const normalized = await checkNewPassword(rt, body.password, config, { userInputs: [email] });
 */
export async function checkNewPassword(rt: Runtime, password: string, config: InstanceConfig, opts: { paramName?: string; userInputs?: readonly string[] } = {}): Promise<string> {
  const paramName = opts.paramName ?? 'password';
  const normalized = acceptNewPassword(password, config, paramName);

  const unmet = passwordRuleResults(normalized, passwordComplexity(config))
    .filter((r): r is { rule: CompositionRule; met: false } => !r.met && r.rule !== 'min_length' && r.rule !== 'max_length')
    .map((r) => r.rule);
  if (unmet.length > 0) {
    throw new UsherError('form_password_validation_failed', {
      paramName,
      longMessage: `Your password needs ${unmet.map((rule) => RULE_TEXT[rule]).join(', ')}.`,
      meta: { unmet_rules: unmet },
    });
  }

  const minScore = config.password.minStrength;
  if (minScore > 0) {
    const estimate = await loadPasswordStrength();
    const strength = estimate(normalized, estimatorWords([...(opts.userInputs ?? []), config.applicationName]));
    if (strength.score < minScore) {
      const advice = [strength.warning, ...strength.suggestions].filter(Boolean).join(' ');
      throw new UsherError('form_password_not_strong_enough', {
        paramName,
        longMessage: `Your password is too easy to guess.${advice ? ` ${advice}` : ' Add a few more uncommon words or make it longer.'}`,
        meta: { zxcvbn: { score: strength.score, min_score: minScore, warning: strength.warning, suggestions: strength.suggestions } },
      });
    }
  }

  if (config.password.breachCheck && (await rt.breachChecker.isBreached(normalized)) === true) {
    throw new UsherError('form_password_pwned', { paramName });
  }
  return normalized;
}
