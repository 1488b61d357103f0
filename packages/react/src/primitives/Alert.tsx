import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import type { ElementKey } from '../appearance/element-keys.ts';
import { useElements } from '../appearance/use-elements.ts';
import { AlertIcon, CheckCircleIcon, InfoIcon } from './icons.tsx';

export interface AlertProps extends HTMLAttributes<HTMLDivElement> {
  /** danger and warning interrupt (role=alert); success and info wait their turn (role=status). */
  variant?: 'danger' | 'warning' | 'success' | 'info';
  children?: ReactNode;
  element?: ElementKey;
}

/**
 * A message about the whole form or step (field errors belong on the field).
 * @example {global[0] ? <Alert>{global[0]}</Alert> : null}
 */
export const Alert = forwardRef<HTMLDivElement, AlertProps>(function Alert({ variant = 'danger', element, className, children, ...rest }, ref) {
  const el = useElements();
  const Icon = variant === 'success' ? CheckCircleIcon : variant === 'info' ? InfoIcon : AlertIcon;
  const urgent = variant === 'danger' || variant === 'warning';
  return (
    <div ref={ref} role={urgent ? 'alert' : 'status'} {...rest} {...el(['alert', element], { id: variant, state: variant === 'danger' ? 'error' : undefined, className })} data-variant={variant}>
      <Icon {...el('alertIcon', { id: variant })} />
      <p {...el('alertText', { id: variant })}>{children}</p>
    </div>
  );
});
