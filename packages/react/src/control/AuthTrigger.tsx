import {
  Children,
  cloneElement,
  forwardRef,
  isValidElement,
  useCallback,
  type ButtonHTMLAttributes,
  type MouseEvent,
  type MouseEventHandler,
  type ReactElement,
  type ReactNode,
  type Ref,
  type RefCallback,
} from 'react';

/** Props shared by SignInButton, SignUpButton and SignOutButton. */
export interface AuthTriggerButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /**
   * Nothing or text: a `<button>` with that label. One element (`<a>`, your own `<Button>`): that
   * element becomes the trigger; it receives `onClick`, the ref and the other props (its own win).
   */
  children?: ReactNode;
}

interface AuthTriggerProps extends AuthTriggerButtonProps {
  defaultLabel: string;
  onActivate: () => void;
}

type ChildProps = { onClick?: MouseEventHandler<HTMLElement> } & Record<string, unknown>;

function onlyElement(children: ReactNode): ReactElement<ChildProps> | null {
  return Children.count(children) === 1 && isValidElement<ChildProps>(children) ? children : null;
}

/**
 * The child's own ref: `props.ref` in React 19, `element.ref` in React 18. Reading the other one
 * logs a deprecation warning, which the getter announces with `isReactWarning`.
 */
function elementRef(element: ReactElement<ChildProps>): Ref<HTMLElement> | undefined {
  const warns = (target: object, key: string) => {
    const getter = Object.getOwnPropertyDescriptor(target, key)?.get as { isReactWarning?: boolean } | undefined;
    return getter?.isReactWarning === true;
  };
  const legacy = element as unknown as { ref?: Ref<HTMLElement> };
  const props = element.props as { ref?: Ref<HTMLElement> };
  if (warns(element.props, 'ref')) return legacy.ref;
  if (warns(element, 'ref')) return props.ref;
  return props.ref ?? legacy.ref;
}

function assignRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

/** The button, or the cloned child, that runs `onActivate` unless a click handler prevented it. */
export const AuthTrigger = forwardRef<HTMLButtonElement, AuthTriggerProps>(function AuthTrigger(
  { children, defaultLabel, onActivate, onClick, ...rest },
  ref,
) {
  const child = onlyElement(children);
  const childRef = child ? elementRef(child) : undefined;
  const composedRef: RefCallback<HTMLButtonElement> = useCallback(
    (node) => {
      assignRef(ref, node);
      assignRef(childRef as Ref<HTMLButtonElement> | undefined, node);
    },
    [ref, childRef],
  );

  if (child) {
    const childOnClick = child.props.onClick;
    return cloneElement(child, {
      ...(rest as Record<string, unknown>),
      ...child.props,
      ref: composedRef,
      onClick: (event: MouseEvent<HTMLElement>) => {
        childOnClick?.(event);
        onClick?.(event as MouseEvent<HTMLButtonElement>);
        if (!event.defaultPrevented) onActivate();
      },
    } as ChildProps);
  }
  return (
    <button
      type="button"
      {...rest}
      ref={composedRef}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) onActivate();
      }}
    >
      {children ?? defaultLabel}
    </button>
  );
});
