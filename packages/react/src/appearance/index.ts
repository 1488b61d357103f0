/**
 * Appearance: element keys, the cascade, variables → CSS custom properties, and the styling engine.
 *
 * How a component uses it:
 *
 *   1. Wrap the component in <AppearanceScope component="signIn" appearance={props.appearance}>.
 *      It resolves base theme < provider appearance < provider.signIn < the prop, emits the
 *      stylesheets (all inside `@layer usher.base < usher.theme < usher.custom`, so the app's
 *      unlayered CSS always wins), and renders the `usher-rootBox` element with the variables.
 *   2. Below it, `const el = useElements()` and spread `el(key, { id, state, className })` on each
 *      element: it answers `{ className }` with `usher-<key>`, `usher-<key>__<id>`,
 *      `usher-<key>__<state>` and whatever `appearance.elements[key | key__id | key__state]` added
 *      (class strings as is, style objects as generated classes). Several keys: `el(['button', 'formButtonPrimary'])`.
 *   3. `useAppearance().layout` gives layout options (logo placement, social buttons…).
 *   4. UserButton/UserProfile (menus, popovers, modals): <AppearanceScope sheets={[MENUS_SHEET]}> so that
 *      the sign-in page never downloads those styles.
 *   5. New element? Add its key to ELEMENT_KEYS (element-keys.ts) and its base style to base-styles/.
 *      Base styles use only `var(--usher-…)` so every theme restyles them.
 *
 * @example
 * export function SignIn({ appearance }: { appearance?: Appearance }) {
 *   return (
 *     <AppearanceScope component="signIn" appearance={appearance}>
 *       <SignInCard />
 *     </AppearanceScope>
 *   );
 * }
 * function SignInCard() {
 *   const el = useElements();
 *   return <div {...el('socialButtons')}><button {...el('socialButtonsIconButton', { id: 'google', state: busy && 'loading' })} /></div>;
 * }
 */
export { ELEMENT_KEYS, ELEMENT_STATES, isElementKey, type ElementKey, type ElementState } from './element-keys.ts';
export type { Appearance, ComponentKey, Elements, ElementStyle, Layout, ProviderAppearance, ResolvedLayout, ResolvedVariables, StyleObject, Theme, Variables } from './types.ts';
export { AppearanceScope, type AppearanceScopeProps } from './AppearanceScope.tsx';
export { AppearanceProviderContext, AppearanceScopeContext, type AppearanceProviderValue } from './AppearanceContext.ts';
export { useElements, useAppearance, elementsGetter, type ElementOptions, type ElementPropsGetter } from './use-elements.ts';
export { resolveAppearance, type ResolvedAppearance } from './cascade.ts';
export { DEFAULT_LAYOUT, DEFAULT_VARIABLES } from './defaults.ts';
export { variablesToProperties, shadeScale, alphaScale, SHADES } from './variables.ts';
export { parseColor, contrastRatio, compositeOver, formatColor, type Rgba } from './color.ts';
export { LAYERS, LAYER_ORDER, styleToCss } from './serialize.ts';
export { BASE_SHEET, MENUS_SHEET, type UsherSheet } from './base-styles/index.ts';
export { StyleSheet } from './StyleSheet.tsx';
