import { forwardRef, type FormEvent, type FormHTMLAttributes } from 'react';
import type { ElementKey } from '../appearance/element-keys.ts';
import { useElements } from '../appearance/use-elements.ts';

export interface FormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> {
  /** Called on submit (default prevented). Ignored while `loading`, so Enter cannot double-submit. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void | Promise<void>;
  loading?: boolean;
  element?: ElementKey;
}

/**
 * A form that validates with Usher's own messages (`noValidate`) and never submits twice.
 * @example <Form onSubmit={submit} loading={busy}><Field … /><Button type="submit">Continue</Button></Form>
 */
export const Form = forwardRef<HTMLFormElement, FormProps>(function Form({ onSubmit, loading = false, element, className, children, ...rest }, ref) {
  const el = useElements();
  return (
    <form
      ref={ref}
      noValidate
      {...rest}
      {...el(['form', element], { state: loading && 'loading', className })}
      aria-busy={loading || undefined}
      data-state={loading ? 'loading' : 'idle'}
      onSubmit={(event) => {
        event.preventDefault();
        if (loading) return;
        void onSubmit?.(event);
      }}
    >
      {children}
    </form>
  );
});
