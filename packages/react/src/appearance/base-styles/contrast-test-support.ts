/**
 * What the base styles' contrast tests share: every shipped look, and reading which colour
 * variable a rule gives a property, so a test can resolve it in each look and measure the ratio.
 * Test-only.
 */
import { dark, neobrutalism, shadesOfPurple, type Theme } from '@usher/themes';
import { parseColor, type Rgba } from '../color.ts';
import { resolveAppearance } from '../cascade.ts';
import { variablesToProperties } from '../variables.ts';

/** Every shipped look, as the Storybook toolbar and the docs use them. */
export const LOOKS: Record<string, Theme[]> = { default: [], dark: [dark], shadesOfPurple: [shadesOfPurple], 'dark + shadesOfPurple': [dark, shadesOfPurple], neobrutalism: [neobrutalism] };

export function rgb(text: string): Rgba {
  const parsed = parseColor(text);
  if (!parsed) throw new Error(`unparsed ${text}`);
  return parsed;
}

/** The colour variable a base-style rule gives a property, e.g. `danger` for `background:var(--usher-color-danger)`. */
export function colorOf(css: string, selector: string, property: string): string {
  // Rules start on a line of their own.
  const start = css.indexOf(`\n${selector}{`);
  if (start < 0) throw new Error(`no rule for ${selector}`);
  const body = css.slice(start + selector.length + 2, css.indexOf('}', start));
  const match = new RegExp(`(?:^|;)${property}:var\\(--usher-color-([a-z0-9-]+)\\)`).exec(body);
  if (!match) throw new Error(`${selector} sets no ${property} colour`);
  return match[1]!;
}

/** A look's resolved colours: `color('danger')` is the RGBA of `--usher-color-danger`, `background` the card's. */
export function lookColors(themes: Theme[]): { color: (name: string) => Rgba; background: Rgba } {
  const resolved = resolveAppearance({ provider: themes.length ? { baseTheme: themes } : {} });
  const props = variablesToProperties(resolved.variables);
  return { color: (name) => rgb(props[`--usher-color-${name}`]!), background: rgb(resolved.variables.colorBackground) };
}
