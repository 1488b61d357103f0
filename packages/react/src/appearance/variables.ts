import { formatColor, mix, parseColor, relativeLuminance, type Rgba } from './color.ts';
import type { ResolvedVariables } from './types.ts';

/** The steps of every shade scale; 500 is the colour itself. */
export const SHADES = [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950] as const;

// How far each shade moves towards white (negative: towards black). Linear sRGB mixing keeps the
// hue and is predictable enough for borders, tints and hover states.
const SHADE_MIX: Record<(typeof SHADES)[number], number> = { 50: 0.92, 100: 0.84, 200: 0.68, 300: 0.48, 400: 0.24, 500: 0, 600: -0.16, 700: -0.32, 800: -0.48, 900: -0.62, 950: -0.76 };

// Opacity of each step of an alpha scale. a500 (0.45 of black over white) is the lightest
// neutral that still gives an input border 3:1 against its background.
const ALPHA: Record<(typeof SHADES)[number], number> = { 50: 0.03, 100: 0.06, 200: 0.1, 300: 0.16, 400: 0.26, 500: 0.45, 600: 0.55, 700: 0.65, 800: 0.75, 900: 0.85, 950: 0.92 };

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 };

/** The colour variables, by the CSS name they get (`colorTextSecondary` → `--usher-color-text-secondary`). */
const COLOR_NAMES = {
  colorPrimary: 'primary',
  colorDanger: 'danger',
  colorSuccess: 'success',
  colorWarning: 'warning',
  colorNeutral: 'neutral',
  colorText: 'text',
  colorTextSecondary: 'text-secondary',
  colorTextOnPrimaryBackground: 'text-on-primary',
  colorBackground: 'background',
  colorInputText: 'input-text',
  colorInputBackground: 'input-background',
  colorShimmer: 'shimmer',
} as const;

/** Palette colours also get an alpha scale (`-a50` … `-a950`), for tints that work on light and dark backgrounds. */
const ALPHA_SCALED = new Set(['primary', 'danger', 'success', 'warning', 'neutral']);

/**
 * The shade scale of one colour: `{ 50: '#…', …, 950: '#…' }`, computed in JS when the colour
 * parses, else `color-mix()` expressions over the variable itself (for `var(--brand)`, `oklch()`…).
 *
 * @example shadeScale('#4f46e5', 'primary')[600] // '#4238c0'
 */
export function shadeScale(value: string, name: string): Record<(typeof SHADES)[number], string> {
  const parsed = parseColor(value);
  const scale = {} as Record<(typeof SHADES)[number], string>;
  for (const step of SHADES) {
    const amount = SHADE_MIX[step];
    if (amount === 0) scale[step] = parsed ? formatColor(parsed) : value;
    else if (parsed) scale[step] = formatColor(mix(parsed, { ...(amount > 0 ? WHITE : BLACK), a: parsed.a }, Math.abs(amount)));
    else scale[step] = `color-mix(in srgb, var(--usher-color-${name}) ${Math.round((1 - Math.abs(amount)) * 100)}%, ${amount > 0 ? 'white' : 'black'})`;
  }
  return scale;
}

/** The alpha scale of one colour. @example alphaScale('#000', 'neutral')[500] // 'rgb(0 0 0 / 0.45)' */
export function alphaScale(value: string, name: string): Record<(typeof SHADES)[number], string> {
  const parsed = parseColor(value);
  const scale = {} as Record<(typeof SHADES)[number], string>;
  for (const step of SHADES) {
    scale[step] = parsed ? formatColor({ ...parsed, a: parsed.a * ALPHA[step] }) : `color-mix(in srgb, var(--usher-color-${name}) ${ALPHA[step] * 100}%, transparent)`;
  }
  return scale;
}

/**
 * Turns resolved variables into CSS custom properties, in a stable order (the class name is a
 * hash of them, and server and client must agree).
 *
 * @example variablesToProperties(vars)['--usher-color-primary-600']
 */
export function variablesToProperties(vars: ResolvedVariables): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, name] of Object.entries(COLOR_NAMES) as Array<[keyof typeof COLOR_NAMES, string]>) {
    const value = vars[key];
    out[`--usher-color-${name}`] = value;
    for (const [step, shade] of Object.entries(shadeScale(value, name))) out[`--usher-color-${name}-${step}`] = shade;
    if (ALPHA_SCALED.has(name)) for (const [step, shade] of Object.entries(alphaScale(value, name))) out[`--usher-color-${name}-a${step}`] = shade;
  }
  out['--usher-font-family'] = vars.fontFamily;
  out['--usher-font-family-buttons'] = vars.fontFamilyButtons;
  out['--usher-font-size'] = vars.fontSize;
  out['--usher-font-weight-normal'] = String(vars.fontWeight.normal);
  out['--usher-font-weight-medium'] = String(vars.fontWeight.medium);
  out['--usher-font-weight-bold'] = String(vars.fontWeight.bold);
  out['--usher-radius'] = vars.borderRadius;
  out['--usher-spacing'] = vars.spacingUnit;
  return out;
}

/** `dark` when the background is dark, so native controls (checkboxes, scrollbars) match. */
export function colorSchemeOf(vars: ResolvedVariables): 'light' | 'dark' {
  const background = parseColor(vars.colorBackground);
  return background && relativeLuminance(background) < 0.4 ? 'dark' : 'light';
}
