import { forwardRef, useId, useRef, useState, type ChangeEvent, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { ElementKey } from '../appearance/element-keys.ts';
import { useElements } from '../appearance/use-elements.ts';
import { useLocalization } from '../localization/use-localization.ts';
import { useComposedRefs } from './compose-refs.ts';

export interface OtpInputProps {
  /** Number of digits. Default 6. */
  length?: number;
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  /** Called once each time the code becomes complete: by typing, pasting or autofill. */
  onComplete?: (code: string) => void;
  /** The group's accessible label; default "Verification code". */
  label?: string;
  /** Keep the label for screen readers only (the card title usually says it). Default true. */
  hideLabel?: boolean;
  error?: ReactNode;
  disabled?: boolean;
  autoFocus?: boolean;
  /** Submits the code with a surrounding form under this name. */
  name?: string;
  element?: ElementKey;
  className?: string;
}

const digitsOf = (text: string) => text.replace(/\D/g, '');

/**
 * A one-time-code input drawn as one box per digit. The code is one string; boxes show its
 * characters. Typing moves on, Backspace goes back, arrows/Home/End move, and pasting or autofilling
 * a whole code into any box fills them all and calls `onComplete`. No `maxLength`: browsers
 * autofill the whole code into the `one-time-code` box. The ref is the first box's.
 *
 * @example <OtpInput onComplete={(code) => signIn.attemptFirstFactor({ strategy: 'email_code', code })} error={codeError} autoFocus />
 */
export const OtpInput = forwardRef<HTMLInputElement, OtpInputProps>(function OtpInput(
  { length = 6, value, defaultValue = '', onValueChange, onComplete, label, hideLabel = true, error, disabled, autoFocus, name, element, className },
  ref,
) {
  const el = useElements();
  const { t } = useLocalization();
  const uid = useId();
  const [inner, setInner] = useState(() => digitsOf(defaultValue).slice(0, length));
  const code = value !== undefined ? digitsOf(value).slice(0, length) : inner;
  const inputs = useRef<Array<HTMLInputElement | null>>([]);
  // Focus moves inside change handlers, before React re-renders: focus handlers must see the new code.
  const latest = useRef(code);
  latest.current = code;
  const firstRef = useComposedRefs(ref, (node: HTMLInputElement | null) => {
    inputs.current[0] = node;
  });
  const invalid = !!error;
  const state = invalid ? ('error' as const) : disabled ? ('disabled' as const) : undefined;
  const ids = { label: `${uid}-label`, error: `${uid}-error` };

  const focusBox = (index: number) => {
    const box = inputs.current[Math.max(0, Math.min(length - 1, index))];
    box?.focus();
    box?.select();
  };

  const commit = (next: string, focusAt: number) => {
    const clean = next.slice(0, length);
    if (clean !== code) {
      latest.current = clean;
      if (value === undefined) setInner(clean);
      onValueChange?.(clean);
      if (clean.length === length) onComplete?.(clean);
    }
    focusBox(focusAt);
  };

  const insertAt = (index: number, digits: string) => {
    // A whole code replaces everything wherever it lands (paste, SMS/email autofill).
    if (digits.length >= length) return commit(digits.slice(0, length), length - 1);
    const start = Math.min(index, code.length);
    const next = (code.slice(0, start) + digits + code.slice(start + digits.length)).slice(0, length);
    commit(next, start + digits.length);
  };

  const handleChange = (index: number) => (event: ChangeEvent<HTMLInputElement>) => {
    const typed = digitsOf(event.target.value);
    const previous = code[index] ?? '';
    if (typed === '') return commit(code.slice(0, index) + code.slice(index + 1), index);
    // Typing into a filled box whose text was not selected: keep the new character only.
    if (typed.length === 2 && previous && typed.includes(previous)) {
      const added = typed[0] === previous ? typed[1]! : typed[0]!;
      return insertAt(index, added);
    }
    insertAt(index, typed);
  };

  const handleKeyDown = (index: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    const keys: Record<string, () => void> = {
      ArrowLeft: () => focusBox(index - 1),
      ArrowRight: () => focusBox(Math.min(index + 1, code.length)),
      Home: () => focusBox(0),
      End: () => focusBox(code.length),
      Backspace: () => {
        if (code[index]) return commit(code.slice(0, index) + code.slice(index + 1), index);
        if (index > 0) commit(code.slice(0, index - 1) + code.slice(index), index - 1);
      },
      Delete: () => commit(code.slice(0, index) + code.slice(index + 1), index),
    };
    const action = keys[event.key];
    if (!action || event.metaKey || event.ctrlKey || event.altKey) return;
    event.preventDefault();
    action();
  };

  const handlePaste = (index: number) => (event: ClipboardEvent<HTMLInputElement>) => {
    event.preventDefault();
    const digits = digitsOf(event.clipboardData.getData('text'));
    if (digits) insertAt(index, digits);
  };

  return (
    <div {...el(['otpCodeField', element], { state, className })} role="group" aria-labelledby={ids.label} data-state={invalid ? 'error' : code.length === length ? 'complete' : 'idle'}>
      <span {...el('otpCodeFieldLabel', { className: hideLabel ? 'usher-srOnly' : undefined })} id={ids.label}>
        {label ?? t('otpCodeField.label')}
      </span>
      <div {...el('otpCodeFieldInputs', { state })}>
        {Array.from({ length }, (_, index) => (
          <input
            key={index}
            ref={index === 0 ? firstRef : (node) => void (inputs.current[index] = node)}
            {...el('otpCodeFieldInput', { state })}
            value={code[index] ?? ''}
            type="text"
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete={index === 0 ? 'one-time-code' : 'off'}
            autoFocus={autoFocus && index === 0}
            disabled={disabled}
            aria-label={t('otpCodeField.digitLabel', { index: index + 1, length })}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? ids.error : undefined}
            data-filled={code[index] ? '' : undefined}
            onChange={handleChange(index)}
            onKeyDown={handleKeyDown(index)}
            onPaste={handlePaste(index)}
            onFocus={(event) => {
              // Boxes fill left to right: focusing past the end goes to the first empty box.
              if (index > latest.current.length) focusBox(latest.current.length);
              else event.target.select();
            }}
          />
        ))}
      </div>
      {name ? <input type="hidden" name={name} value={code} /> : null}
      {error ? (
        <p {...el('otpCodeFieldErrorText')} id={ids.error} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
});
