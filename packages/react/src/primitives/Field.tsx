import { forwardRef, useId, useState, type ChangeEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import type { ElementKey } from '../appearance/element-keys.ts';
import { useElements } from '../appearance/use-elements.ts';
import { useLocalization } from '../localization/use-localization.ts';
import { AlertIcon, CheckCircleIcon, EyeIcon, EyeOffIcon } from './icons.tsx';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> {
  label: ReactNode;
  /** The form field name; also the `__id` variant of every part (`usher-formField__password`). */
  name: string;
  /** Shows "Optional" next to the label. */
  optional?: boolean;
  hint?: ReactNode;
  /** An error message: sets aria-invalid and is announced with the field (aria-describedby). */
  error?: ReactNode;
  success?: ReactNode;
  warning?: ReactNode;
  /** A control in the label row, e.g. a "Forgot password?" link. */
  action?: ReactNode;
  /** Called with the new value on each change (alongside `onChange`). */
  onValueChange?: (value: string) => void;
  /** Password fields get a show/hide toggle unless this is false. */
  passwordToggle?: boolean;
  /** An extra element key on the field root. */
  element?: ElementKey;
  /** Classes for the input itself (`className` goes to the field root). */
  inputClassName?: string;
}

/**
 * A labelled input with optional marker, hint, error (aria-invalid + aria-describedby), success
 * text, a label-row action and, for passwords, a show/hide toggle whose name says what it will do.
 * The ref is the input's.
 *
 * @example
 * <Field name="password" type="password" autoComplete="current-password" label={t('formFieldLabel__password')}
 *   error={fields.password} action={<button type="button" className="usher-formFieldAction">…</button>} />
 */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field(
  { label, name, optional, hint, error, success, warning, action, onValueChange, passwordToggle = true, element, className, inputClassName, id, type = 'text', onChange, ...input },
  ref,
) {
  const el = useElements();
  const { t } = useLocalization();
  const uid = useId();
  const inputId = id ?? `${uid}-input`;
  const [revealed, setRevealed] = useState(false);
  const isPassword = type === 'password';
  const hasToggle = isPassword && passwordToggle;
  const ids = { hint: `${uid}-hint`, error: `${uid}-error`, success: `${uid}-success`, warning: `${uid}-warning` };
  const describedBy = [error ? ids.error : null, warning ? ids.warning : null, success ? ids.success : null, hint ? ids.hint : null, input['aria-describedby']].filter(Boolean).join(' ') || undefined;
  const invalid = !!error;
  const parts = { id: name, state: invalid ? ('error' as const) : input.disabled ? ('disabled' as const) : undefined };

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    onChange?.(event);
    onValueChange?.(event.target.value);
  };

  return (
    <div {...el(['formField', element], { ...parts, className })} data-state={invalid ? 'error' : success ? 'success' : 'idle'}>
      <div {...el('formFieldLabelRow', parts)}>
        <label {...el('formFieldLabel', parts)} htmlFor={inputId}>
          {label}
          {optional ? <span {...el('formFieldOptionalText', parts)}>{t('optional')}</span> : null}
        </label>
        {action}
      </div>
      <div {...el('formFieldInputGroup', parts)} data-has-action={hasToggle ? '' : undefined}>
        <input
          ref={ref}
          {...input}
          {...el('formFieldInput', { ...parts, className: inputClassName })}
          id={inputId}
          name={name}
          type={hasToggle && revealed ? 'text' : type}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={handleChange}
        />
        {hasToggle ? (
          <button
            type="button"
            {...el('formFieldInputShowPasswordButton', parts)}
            aria-label={revealed ? t('formFieldInput__hidePassword') : t('formFieldInput__showPassword')}
            aria-controls={inputId}
            data-state={revealed ? 'on' : 'off'}
            disabled={input.disabled}
            onClick={() => setRevealed((v) => !v)}
          >
            {revealed ? <EyeOffIcon {...el('formFieldInputShowPasswordIcon', parts)} /> : <EyeIcon {...el('formFieldInputShowPasswordIcon', parts)} />}
          </button>
        ) : null}
      </div>
      {error ? (
        <p {...el('formFieldErrorText', parts)} id={ids.error}>
          <AlertIcon />
          <span>{error}</span>
        </p>
      ) : null}
      {warning ? (
        <p {...el('formFieldWarningText', parts)} id={ids.warning}>
          {warning}
        </p>
      ) : null}
      {success ? (
        <p {...el('formFieldSuccessText', parts)} id={ids.success}>
          <CheckCircleIcon />
          <span>{success}</span>
        </p>
      ) : null}
      {hint ? (
        <p {...el('formFieldHintText', parts)} id={ids.hint}>
          {hint}
        </p>
      ) : null}
    </div>
  );
});
