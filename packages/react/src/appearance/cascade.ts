import { DEFAULT_LAYOUT, DEFAULT_VARIABLES } from './defaults.ts';
import { hash } from './hash.ts';
import { inLayer, isStyleObject, LAYER_ORDER, mergeStyles, safeValue, styleToCss } from './serialize.ts';
import type { Appearance, ComponentKey, Layout, ProviderAppearance, ResolvedLayout, ResolvedVariables, StyleObject, Theme, Variables } from './types.ts';
import { colorSchemeOf, variablesToProperties } from './variables.ts';

/** The cascade's result for one component root; `elements` maps a key or `key__variant` to its extra classes. */
export interface ResolvedAppearance {
  readonly component: ComponentKey | null;
  readonly variables: ResolvedVariables;
  readonly layout: ResolvedLayout;
  /** Classes per element key or key variant: the app's class strings plus generated style classes. */
  readonly elements: Readonly<Record<string, string>>;
  /** The class that carries the CSS variables; the root gets it, and so must any portal (modals). */
  readonly scopeClassName: string;
  /** Everything this appearance adds to the base sheet: variables and style objects, in layers. */
  readonly css: string;
  /** Stable id of `css` (a hash), for de-duplication across roots and for hydration. */
  readonly cssId: string;
}

// Stands for the generated class while its name (a hash of the rule) is being computed.
const SELF = '__usher_self__';

/** Theme data may carry a layout even though @usher/themes does not type one yet; untagged objects are accepted too. */
type ThemeData = Theme & { layout?: Layout };

function themesOf(levels: Appearance[]): ThemeData[] {
  // The most specific level that names a base theme wins; arrays stack in order.
  for (let i = levels.length - 1; i >= 0; i--) {
    const base = levels[i]?.baseTheme;
    if (base) return (Array.isArray(base) ? base : [base]).filter((t): t is ThemeData => typeof t === 'object' && t !== null);
  }
  return [];
}

function mergeVariables(sources: Array<Variables | undefined>): ResolvedVariables {
  let merged: Variables = { ...DEFAULT_VARIABLES };
  for (const source of sources) {
    if (!source) continue;
    const defined = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Variables;
    merged = { ...merged, ...defined, fontWeight: { ...merged.fontWeight, ...source.fontWeight } };
  }
  // Buttons follow the body font unless a level set their own.
  return { ...merged, fontFamilyButtons: merged.fontFamilyButtons ?? merged.fontFamily } as ResolvedVariables;
}

function mergeLayout(sources: Array<Layout | undefined>): ResolvedLayout {
  let merged: ResolvedLayout = { ...DEFAULT_LAYOUT };
  for (const source of sources) {
    if (source) merged = { ...merged, ...Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined)) };
  }
  return merged;
}

function classList(value: string): string {
  return value.trim().split(/\s+/).filter(Boolean).join(' ');
}

/**
 * Applies the cascade: base theme(s) < provider appearance < provider per-component key <
 * component prop. Per element key, class strings concatenate in that order; style objects merge
 * in that order (themes' into the `usher.theme` layer, the rest into `usher.custom`).
 * Pure and deterministic: the same input gives the same classes and CSS on server and client.
 *
 * @example
 * const resolved = resolveAppearance({ provider: { elements: { card: 'a' }, signIn: { elements: { card: 'b' } } }, component: 'signIn', prop: { elements: { card: 'c' } } });
 * resolved.elements.card // 'a b c'
 */
export function resolveAppearance(input: { provider?: ProviderAppearance | null; component?: ComponentKey | null; prop?: Appearance | null }): ResolvedAppearance {
  const component = input.component ?? null;
  const levels = [input.provider, component ? input.provider?.[component] : undefined, input.prop].filter((l): l is Appearance => !!l);
  const themes = themesOf(levels);

  const variables = mergeVariables([...themes.map((t) => t.variables), ...levels.map((l) => l.variables)]);
  const layout = mergeLayout([...themes.map((t) => t.layout), ...levels.map((l) => l.layout)]);

  const classes: Record<string, string[]> = {};
  const styles: Record<'theme' | 'custom', Record<string, StyleObject[]>> = { theme: {}, custom: {} };
  const collect = (elements: Record<string, unknown> | undefined, layer: 'theme' | 'custom') => {
    for (const [key, value] of Object.entries(elements ?? {})) {
      if (typeof value === 'string') (classes[key] ??= []).push(classList(value));
      else if (isStyleObject(value)) (styles[layer][key] ??= []).push(value);
    }
  };
  for (const theme of themes) collect(theme.elements, 'theme');
  for (const level of levels) collect(level.elements as Record<string, unknown> | undefined, 'custom');

  let css = '';
  const generated: Record<string, string[]> = {};
  for (const layer of ['theme', 'custom'] as const) {
    let layerCss = '';
    for (const [key, list] of Object.entries(styles[layer])) {
      // The class name is a hash of the rule itself, so equal styles share one class everywhere.
      const placeholder = styleToCss(`.${SELF}`, mergeStyles(...list));
      if (!placeholder) continue;
      const className = `usher-${layer === 'theme' ? 't' : 'c'}${hash(placeholder)}`;
      layerCss += placeholder.replaceAll(SELF, className);
      (generated[key] ??= []).push(className);
    }
    css += inLayer(layer, layerCss);
  }

  const elements: Record<string, string> = {};
  for (const key of new Set([...Object.keys(classes), ...Object.keys(generated)])) {
    elements[key] = [...(generated[key] ?? []), ...(classes[key] ?? [])].filter(Boolean).join(' ');
  }

  const properties = variablesToProperties(variables);
  const declarations = Object.entries(properties)
    .map(([name, value]) => `${name}:${safeValue(value)};`)
    .join('');
  const varsRule = `{${declarations}color-scheme:${colorSchemeOf(variables)}}`;
  const scopeClassName = `usher-v${hash(varsRule)}`;
  css = LAYER_ORDER + inLayer('theme', `.${scopeClassName}${varsRule}`) + css;

  return { component, variables, layout, elements, scopeClassName, css, cssId: `usher-${hash(css)}` };
}
