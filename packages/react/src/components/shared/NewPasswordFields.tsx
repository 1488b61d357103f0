import { forwardRef, useId, type ReactNode } from 'react';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Field } from '../../primitives/Field.tsx';
import { PasswordRequirements } from './PasswordRequirements.tsx';
import { PasswordStrengthMeter } from './PasswordStrengthMeter.tsx';

export interface NewPasswordFieldsProps {
  /** The form field name of the new password (`password` at a reset, `new_password` in the profile). */
  name: string;
  password: string;
  onPasswordChange: (value: string) => void;
  confirm: string;
  onConfirmChange: (value: string) => void;
  /** The confirmation differs (checked before anything is sent). */
  mismatch: boolean;
  /** The server's message for the new password, if any. */
  error?: ReactNode;
  autoFocus?: boolean;
  /** The confirmation input (to move focus there on a mismatch). */
  confirmRef?: React.Ref<HTMLInputElement>;
  /** The user's own words (email, username, names), which the strength meter counts against the password. */
  userInputs?: ReadonlyArray<string | null | undefined>;
}

/**
 * A new password: the field (its strength and the instance's rules shown live below it, both
 * pointed at by aria-describedby) and its confirmation. The ref is the password input's.
 */
export const NewPasswordFields = forwardRef<HTMLInputElement, NewPasswordFieldsProps>(function NewPasswordFields(
  { name, password, onPasswordChange, confirm, onConfirmChange, mismatch, error, autoFocus, confirmRef, userInputs },
  ref,
) {
  const { t } = useLocalization();
  const { environment } = useUsherSnapshot();
  const uid = useId();
  const settings = environment?.userSettings.passwordSettings;
  const rulesId = `${uid}-rules`;
  const strengthId = `${uid}-strength`;
  return (
    <>
      <Field
        ref={ref}
        name={name}
        type="password"
        autoComplete="new-password"
        label={t('formFieldLabel__newPassword')}
        value={password}
        onValueChange={onPasswordChange}
        error={error}
        maxLength={settings?.maxLength}
        aria-describedby={`${strengthId} ${rulesId}`}
        required
        autoFocus={autoFocus}
      />
      {/* The server's own default floor (2) until the environment is known. */}
      <PasswordStrengthMeter id={strengthId} password={password} userInputs={userInputs} minScore={settings?.minZxcvbnStrength ?? 2} />
      <PasswordRequirements id={rulesId} password={password} settings={settings} />
      <Field
        ref={confirmRef}
        name="confirm_password"
        type="password"
        autoComplete="new-password"
        label={t('formFieldLabel__confirmPassword')}
        value={confirm}
        onValueChange={onConfirmChange}
        error={mismatch ? t('formFieldError__passwordsDoNotMatch') : undefined}
        required
      />
    </>
  );
});
