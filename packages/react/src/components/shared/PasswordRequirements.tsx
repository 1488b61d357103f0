import { useElements } from '../../appearance/use-elements.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { CheckCircleIcon } from '../../primitives/icons.tsx';

export interface PasswordRequirementsProps {
  id: string;
  password: string;
  minLength: number;
}

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
export function PasswordRequirements({ id, password, minLength }: PasswordRequirementsProps) {
  const el = useElements();
  const { t } = useLocalization();
  // Code points, like the server counts them (an emoji is one character, not two).
  const rules = [{ id: 'minLength', met: [...password].length >= minLength, text: t('passwordStrength.requirementMinLength', { minLength }) }];
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
