import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import { useElements } from '../appearance/use-elements.ts';
import { useLocalization } from '../localization/use-localization.ts';

/**
 * The "or" between social buttons and the form. The lines are decoration; the word is read.
 * @example <Divider />
 */
export const Divider = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement> & { children?: ReactNode }>(function Divider({ className, children, ...rest }, ref) {
  const el = useElements();
  const { t } = useLocalization();
  return (
    <div ref={ref} {...rest} {...el('dividerRow', { className })}>
      <span {...el('dividerLine')} aria-hidden="true" />
      <p {...el('dividerText')}>{children ?? t('dividerText')}</p>
      <span {...el('dividerLine')} aria-hidden="true" />
    </div>
  );
});
