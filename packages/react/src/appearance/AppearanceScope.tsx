import { forwardRef, useContext, useMemo, type HTMLAttributes, type ReactNode } from 'react';
import { AppearanceProviderContext, AppearanceScopeContext } from './AppearanceContext.ts';
import { BASE_SHEET, type UsherSheet } from './base-styles/index.ts';
import { resolveAppearance } from './cascade.ts';
import { StyleSheet } from './StyleSheet.tsx';
import type { Appearance, ComponentKey } from './types.ts';
import { elementsGetter } from './use-elements.ts';

export interface AppearanceScopeProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Which per-component key of the provider's appearance applies (`appearance.signIn`…). */
  component: ComponentKey;
  /** The component's own `appearance` prop: the most specific level of the cascade. */
  appearance?: Appearance | null;
  /** Lay the root out inline (UserButton) instead of as a centred column (SignIn). */
  inline?: boolean;
  /** Base sheets beyond the common one, e.g. `[MENUS_SHEET]` for UserButton and UserProfile. */
  sheets?: readonly UsherSheet[];
  children?: ReactNode;
}

/**
 * The root of every Usher component: resolves the appearance cascade, emits the base and the
 * appearance stylesheets (in the `usher` cascade layer), and renders the `usher-rootBox` element
 * carrying the CSS variables. Elements below style themselves with `useElements()`.
 *
 * @example
 * export function SignIn(props: SignInProps) {
 *   return <AppearanceScope component="signIn" appearance={props.appearance}><SignInCard /></AppearanceScope>;
 * }
 */
export const AppearanceScope = forwardRef<HTMLDivElement, AppearanceScopeProps>(function AppearanceScope({ component, appearance, inline, sheets, className, children, ...rest }, ref) {
  const { appearance: provider, nonce } = useContext(AppearanceProviderContext);
  const resolved = useMemo(() => resolveAppearance({ provider, component, prop: appearance }), [provider, component, appearance]);
  const root = elementsGetter(resolved)('rootBox', { className: className ? `${resolved.scopeClassName} ${className}` : resolved.scopeClassName });
  return (
    <AppearanceScopeContext.Provider value={resolved}>
      <StyleSheet id={BASE_SHEET.id} css={BASE_SHEET.css} nonce={nonce} />
      {sheets?.map((sheet) => <StyleSheet key={sheet.id} id={sheet.id} css={sheet.css} nonce={nonce} />)}
      <StyleSheet id={resolved.cssId} css={resolved.css} nonce={nonce} />
      <div
        ref={ref}
        {...rest}
        {...root}
        data-usher-component={component}
        data-usher-inline={inline ? '' : undefined}
        data-usher-shimmer={resolved.layout.shimmer ? '' : undefined}
        data-usher-animations={resolved.layout.animations ? undefined : 'off'}
      >
        {children}
      </div>
    </AppearanceScopeContext.Provider>
  );
});
