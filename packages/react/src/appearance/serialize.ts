import type { StyleObject } from './types.ts';

/** The cascade layers of Usher, lowest first. An app's unlayered CSS beats all of them. */
export const LAYERS = { base: 'usher.base', theme: 'usher.theme', custom: 'usher.custom' } as const;

/**
 * Declares the layer order. Every stylesheet Usher emits starts with it: whichever sheet the
 * browser sees first fixes the order, and hoisted sheets can arrive in any order.
 *
 * It also names the layers of the common CSS frameworks (Tailwind v4: `theme, base, components,
 * utilities`) around Usher's: React 19 puts Usher's sheets first in <head>, so Usher's statement
 * usually decides the order, and without these names Usher's layer would come below the app's
 * resets (preflight's `button { background-color: transparent }` would undo every button).
 * Resets stay below Usher; an app's components, utilities and unlayered CSS stay above it.
 */
export const LAYER_ORDER = `@layer theme,base,${LAYERS.base},${LAYERS.theme},${LAYERS.custom},components,utilities;`;

// Properties that take a bare number; others get `px`, as in React's style prop.
const UNITLESS = new Set(['opacity', 'zIndex', 'fontWeight', 'lineHeight', 'flex', 'flexGrow', 'flexShrink', 'order', 'zoom', 'aspectRatio', 'scale', 'gridRow', 'gridColumn', 'orphans', 'widows', 'columns', 'columnCount', 'tabSize', 'fillOpacity', 'strokeOpacity', 'strokeWidth']);

function propertyName(key: string): string {
  if (key.startsWith('--')) return key;
  return key.replace(/^(Webkit|Moz|ms)(?=[A-Z])/, (prefix) => `-${prefix.toLowerCase()}`).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Values come from app code, not from users, but one stray brace would still break every rule after
 * it (and `</style>` would end the element in server HTML), so those characters never pass.
 */
export function safeValue(value: string): string {
  return value.replace(/[{};]/g, '').replace(/</g, '\\3c ');
}

function nestSelector(parent: string, key: string): string {
  const parents = parent.split(',').map((s) => s.trim());
  return key
    .split(',')
    .map((part) => part.trim())
    .flatMap((part) => {
      if (part.includes('&')) return parents.map((p) => part.replace(/&/g, p));
      // `:hover`, `::after`, `[data-x]` attach to the parent; anything else is a descendant.
      return parents.map((p) => (/^[:[]/.test(part) ? `${p}${part}` : `${p} ${part}`));
    })
    .join(',');
}

/**
 * Serializes a style object for one selector into CSS text (no layer). Declarations come first,
 * then nested rules in object order, so the output is deterministic.
 *
 * @example
 * styleToCss('.x', { color: 'red', '&:hover': { color: 'blue' } }) // '.x{color:red}.x:hover{color:blue}'
 */
export function styleToCss(selector: string, style: StyleObject): string {
  let declarations = '';
  let nested = '';
  for (const [key, value] of Object.entries(style)) {
    if (value === null || value === undefined || value === '') continue;
    if (typeof value === 'object') {
      if (key.startsWith('@')) nested += `${safeValue(key)}{${styleToCss(selector, value)}}`;
      else nested += styleToCss(nestSelector(selector, safeValue(key)), value);
      continue;
    }
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const text = typeof value === 'number' && value !== 0 && !UNITLESS.has(key) && !key.startsWith('--') ? `${value}px` : String(value);
    declarations += `${propertyName(key)}:${safeValue(text)};`;
  }
  return (declarations ? `${selector}{${declarations}}` : '') + nested;
}

/** Wraps CSS text in one of Usher's layers. @example inLayer('custom', '.x{color:red}') */
export function inLayer(layer: keyof typeof LAYERS, css: string): string {
  return css ? `@layer ${LAYERS[layer]}{${css}}` : '';
}

/** Whether a value is a style object (as opposed to a class string or junk from untyped JS). */
export function isStyleObject(value: unknown): value is StyleObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Merges style objects left to right; nested objects merge key by key, so a later
 * `'&:hover': { color }` keeps an earlier `'&:hover': { background }`.
 *
 * @example mergeStyles({ color: 'red' }, { color: 'blue', margin: 0 }) // { color: 'blue', margin: 0 }
 */
export function mergeStyles(...styles: StyleObject[]): StyleObject {
  const out: StyleObject = {};
  for (const style of styles) {
    for (const [key, value] of Object.entries(style)) {
      const previous = out[key];
      out[key] = isStyleObject(value) && isStyleObject(previous) ? mergeStyles(previous, value) : value;
    }
  }
  return out;
}
