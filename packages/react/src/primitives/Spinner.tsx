import { forwardRef, type HTMLAttributes } from 'react';
import type { ElementKey } from '../appearance/element-keys.ts';
import { useElements } from '../appearance/use-elements.ts';
import { useLocalization } from '../localization/use-localization.ts';

export interface SpinnerProps extends HTMLAttributes<HTMLSpanElement> {
  /** What is loading, for screen readers; default "Loading". Ignored when decorative. */
  label?: string;
  /** Inside a control that already says it is busy (aria-busy): hidden from assistive tech. */
  decorative?: boolean;
  size?: 'sm' | 'lg';
  /** An extra element key (e.g. 'buttonSpinner'). */
  element?: ElementKey;
}

/**
 * A loading indicator. Standalone it is a polite status ("Loading"); decorative inside buttons.
 * @example <Spinner size="lg" label="Loading your account" />
 */
export const Spinner = forwardRef<HTMLSpanElement, SpinnerProps>(function Spinner({ label, decorative, size = 'sm', element, className, ...rest }, ref) {
  const el = useElements();
  const { t } = useLocalization();
  return (
    <span ref={ref} {...rest} {...el(['spinner', element], { className })} data-size={size} role={decorative ? undefined : 'status'} aria-hidden={decorative || undefined}>
      {decorative ? null : <span className="usher-srOnly">{label ?? t('loading')}</span>}
    </span>
  );
});
