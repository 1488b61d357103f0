import { forwardRef, type ButtonHTMLAttributes, type MouseEvent } from 'react';
import type { ElementKey } from '../appearance/element-keys.ts';
import { useElements } from '../appearance/use-elements.ts';
import { Spinner } from './Spinner.tsx';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'ghost' | 'link';
  /** Busy: shows a spinner, sets aria-busy, ignores clicks, but keeps focus (unlike `disabled`). */
  loading?: boolean;
  /** The semantic element key besides `button`, e.g. 'formButtonPrimary' or 'socialButtonsBlockButton'. */
  element?: ElementKey;
  /** A variant id: `usher-<element>__<elementId>` (e.g. the provider 'google'). */
  elementId?: string;
}

/**
 * A button in one of four variants. `type` defaults to "button" so that only an explicit
 * `type="submit"` submits a form.
 *
 * @example
 * <Button type="submit" variant="primary" element="formButtonPrimary" loading={submitting}>{t('formButtonPrimary')}</Button>
 */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button({ variant = 'primary', loading = false, element, elementId, disabled, type = 'button', className, onClick, children, ...rest }, ref) {
  const el = useElements();
  const state = loading ? 'loading' : disabled ? 'disabled' : undefined;
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    // Keeps the button focusable while busy, so focus is not lost to <body> mid-request.
    if (loading) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      ref={ref}
      type={type}
      {...rest}
      {...el(['button', element], { id: elementId, state, className })}
      disabled={disabled}
      aria-disabled={loading || undefined}
      aria-busy={loading || undefined}
      data-variant={variant}
      data-state={state ?? 'idle'}
      onClick={handleClick}
    >
      {loading ? <Spinner decorative element="buttonSpinner" /> : null}
      {children}
    </button>
  );
});
