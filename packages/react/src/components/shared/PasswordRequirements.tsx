import { passwordRuleResults, type PasswordRule } from '@usher/protocol/password-rules';
import type { Environment } from '@usher/core';
import { useElements } from '../../appearance/use-elements.ts';
import type { LocalizationKey } from '../../localization/types.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { CheckCircleIcon } from '../../primitives/icons.tsx';

export interface PasswordRequirementsProps {
  id: string;
  password: string;
  /** The instance's password settings (environment.userSettings.passwordSettings). */
  settings: Environment['userSettings']['passwordSettings'] | undefined;
}

/** Localization keys and element ids by rule (element ids stay camelCase, like the appearance keys). */
const RULE_KEY: Record<PasswordRule, { id: string; key: LocalizationKey }> = {
  min_length: { id: 'minLength', key: 'passwordStrength.requirementMinLength' },
  max_length: { id: 'maxLength', key: 'passwordStrength.requirementMaxLength' },
  uppercase: { id: 'uppercase', key: 'passwordStrength.requirementUppercase' },
  lowercase: { id: 'lowercase', key: 'passwordStrength.requirementLowercase' },
  number: { id: 'number', key: 'passwordStrength.requirementNumber' },
  special_char: { id: 'specialChar', key: 'passwordStrength.requirementSpecialChar' },
};

function UnmetIcon(props: { className?: string }) {
  return (
    <svg viewBox="0 0 16 16" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true" focusable="false" {...props}>
      <circle cx="8" cy="8" r="6.25" />
    </svg>
  );
}

/**
 * The instance's password rules as a live checklist. Each rule says met/unmet with an icon and
 * words (never colour alone); the list is a polite live region, so crossing a rule is announced
 * once rather than on every keystroke. The password input points at it with aria-describedby.
 */
export function PasswordRequirements({ id, password, settings }: PasswordRequirementsProps) {
  const el = useElements();
  const { t } = useLocalization();
  const minLength = settings?.minLength ?? 8;
  const maxLength = settings?.maxLength ?? 256;
  // The server's own evaluation (code points, NFKC, letters and digits of every script).
  const results = passwordRuleResults(password.normalize('NFKC'), {
    min_length: minLength,
    max_length: maxLength,
    require_uppercase: settings?.requireUppercase ?? false,
    require_lowercase: settings?.requireLowercase ?? false,
    require_numbers: settings?.requireNumbers ?? false,
    require_special_char: settings?.requireSpecialChar ?? false,
  });
  const rules = results.map((r) => ({ id: RULE_KEY[r.rule].id, met: r.met, text: t(RULE_KEY[r.rule].key, { minLength, maxLength }) }));
  return (
    <div id={id}>
      <p {...el('passwordRequirementsTitle', { className: 'usher-srOnly' })}>{t('signUp.passwordRequirements.title')}</p>
      <ul {...el('passwordRequirements')} aria-live="polite">
        {rules.map((rule) => (
          <li key={rule.id} {...el('passwordRequirement', { id: rule.id })} data-met={String(rule.met)}>
            {rule.met ? <CheckCircleIcon {...el('passwordRequirementIcon', { id: rule.id })} aria-hidden="true" /> : <UnmetIcon {...el('passwordRequirementIcon', { id: rule.id })} />}
            <span {...el('passwordRequirementText', { id: rule.id })}>{rule.text}</span>
            <span className="usher-srOnly">{`: ${rule.met ? t('signUp.passwordRequirements.met') : t('signUp.passwordRequirements.unmet')}`}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
