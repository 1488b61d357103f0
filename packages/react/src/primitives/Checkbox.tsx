import { forwardRef, useId, type ChangeEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import type { ElementKey } from '../appearance/element-keys.ts';
import { useElements } from '../appearance/use-elements.ts';
import { AlertIcon } from './icons.tsx';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'children'> {
  /** The label; may contain links (legal consent). */
  label: ReactNode;
  name: string;
  error?: ReactNode;
  /** Called with the new checked state on each change. */
  onCheckedChange?: (checked: boolean) => void;
  element?: ElementKey;
}

/**
 * A native checkbox with its label and an optional error (aria-invalid + aria-describedby).
 * @example <Checkbox name="legalAccepted" label={<>I agree to the <a href="/terms">Terms</a></>} onCheckedChange={setAccepted} />
 */
export const Checkbox = forwardRef<HTMLInputElement, CheckboxProps>(function Checkbox({ label, name, error, onCheckedChange, onChange, element, className, id, ...input }, ref) {
  const el = useElements();
  const uid = useId();
  const inputId = id ?? `${uid}-input`;
  const errorId = `${uid}-error`;
  const parts = { id: name, state: error ? ('error' as const) : input.disabled ? ('disabled' as const) : undefined };
  return (
    <div {...el(['formField', element], { ...parts, className })} data-state={error ? 'error' : 'idle'}>
      <label {...el('formFieldCheckboxLabel', parts)} htmlFor={inputId}>
        <input
          ref={ref}
          {...input}
          {...el('formFieldCheckbox', parts)}
          id={inputId}
          name={name}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? errorId : null, input['aria-describedby']].filter(Boolean).join(' ') || undefined}
          onChange={(event: ChangeEvent<HTMLInputElement>) => {
            onChange?.(event);
            onCheckedChange?.(event.target.checked);
          }}
        />
        <span>{label}</span>
      </label>
      {error ? (
        <p {...el('formFieldErrorText', parts)} id={errorId}>
          <AlertIcon />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
});
