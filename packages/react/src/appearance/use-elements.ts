import { useContext, useMemo } from 'react';
import { AppearanceScopeContext } from './AppearanceContext.ts';
import type { ResolvedAppearance } from './cascade.ts';
import { DEFAULT_LAYOUT, DEFAULT_VARIABLES } from './defaults.ts';
import type { ElementKey, ElementState } from './element-keys.ts';

/** Options of one element: its `__id` variant, its states, and classes of its own. */
export interface ElementOptions {
  /** A stable variant id, e.g. the provider of a social button: adds `usher-<key>__<id>`. */
  id?: string | null;
  /** States: each adds `usher-<key>__<state>` and applies `elements['<key>__<state>']`. */
  state?: ElementState | null | false | ReadonlyArray<ElementState | null | false | undefined>;
  /** More classes (a primitive's `className` prop). Appended last. */
  className?: string;
}

/** `el(key, options)` → props to spread on the element. */
export type ElementPropsGetter = (key: ElementKey | ReadonlyArray<ElementKey | null | undefined | false>, options?: ElementOptions) => { className: string };

// Outside any scope (a primitive rendered on its own) elements still get their stable classes;
// no stylesheet is emitted there, so this needs no CSS and costs nothing at import.
const UNSCOPED: ResolvedAppearance = {
  component: null,
  variables: { ...DEFAULT_VARIABLES, fontFamilyButtons: DEFAULT_VARIABLES.fontFamily },
  layout: DEFAULT_LAYOUT,
  elements: {},
  scopeClassName: '',
  css: '',
  cssId: '',
};

function variantId(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]+/g, '-');
}

/** Builds the getter for one resolved appearance (exported for tests and non-hook callers). */
export function elementsGetter(resolved: ResolvedAppearance): ElementPropsGetter {
  return (key, options = {}) => {
    const keys = (typeof key === 'string' ? [key] : key).filter((k): k is ElementKey => !!k);
    const state = options.state;
    const states = (Array.isArray(state) ? state : [state]).filter((s): s is ElementState => !!s);
    const variants = [...(options.id ? [variantId(options.id)] : []), ...states];
    const stable: string[] = [];
    const custom: string[] = [];
    for (const k of keys) {
      stable.push(`usher-${k}`, ...variants.map((v) => `usher-${k}__${v}`));
      for (const name of [k, ...variants.map((v) => `${k}__${v}`)]) {
        const extra = resolved.elements[name];
        if (extra) custom.push(extra);
      }
    }
    if (options.className) custom.push(options.className);
    return { className: [...stable, ...custom].join(' ') };
  };
}

/**
 * The element props getter of the nearest <AppearanceScope>: stable `usher-<key>` classes,
 * `__id`/`__state` variants, and the app's `appearance.elements` (classes and generated style classes).
 *
 * @example
 * const el = useElements();
 * <button {...el('socialButtonsIconButton', { id: 'google', state: loading && 'loading' })} />
 */
export function useElements(): ElementPropsGetter {
  const resolved = useContext(AppearanceScopeContext) ?? UNSCOPED;
  return useMemo(() => elementsGetter(resolved), [resolved]);
}

/**
 * The resolved appearance of the nearest scope: layout options (logo, social buttons…), variables,
 * and the scope class that portals must carry.
 *
 * @example const { layout } = useAppearance(); if (layout.logoPlacement === 'inside') …
 */
export function useAppearance(): ResolvedAppearance {
  return useContext(AppearanceScopeContext) ?? UNSCOPED;
}
