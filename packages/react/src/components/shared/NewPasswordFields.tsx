import { forwardRef, useId, type ReactNode } from 'react';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Field } from '../../primitives/Field.tsx';
import { PasswordRequirements } from './PasswordRequirements.tsx';

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
}

/**
 * A new password: the field (its rules from the instance shown live below it, and pointed at by
 * aria-describedby) and its confirmation. The ref is the password input's.
 */
export const NewPasswordFields = forwardRef<HTMLInputElement, NewPasswordFieldsProps>(function NewPasswordFields(
  { name, password, onPasswordChange, confirm, onConfirmChange, mismatch, error, autoFocus, confirmRef },
  ref,
) {
  const { t } = useLocalization();
  const { environment } = useUsherSnapshot();
  const uid = useId();
  const settings = environment?.userSettings.passwordSettings;
  const rulesId = `${uid}-rules`;
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
        aria-describedby={rulesId}
        required
        autoFocus={autoFocus}
      />
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
