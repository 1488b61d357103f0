import { dark, neobrutalism, shadesOfPurple, type Theme } from '@usher/themes';
import { describe, expect, it } from 'vitest';
import { compositeOver, contrastRatio, parseColor, type Rgba } from '../color.ts';
import { resolveAppearance } from '../cascade.ts';
import { variablesToProperties } from '../variables.ts';
import { formsCss } from './forms.ts';

const rgb = (text: string): Rgba => {
  const parsed = parseColor(text);
  if (!parsed) throw new Error(`unparsed ${text}`);
  return parsed;
};

/** The colour variable a base-style rule gives a property, e.g. `danger` for `background:var(--usher-color-danger)`. */
function colorOf(selector: string, property: string): string {
  const css = formsCss();
  // Rules start on a line of their own.
  const start = css.indexOf(`\n${selector}{`);
  if (start < 0) throw new Error(`no rule for ${selector}`);
  const body = css.slice(start + selector.length + 2, css.indexOf('}', start));
  const match = new RegExp(`(?:^|;)${property}:var\\(--usher-color-([a-z0-9-]+)\\)`).exec(body);
  if (!match) throw new Error(`${selector} sets no ${property} colour`);
  return match[1]!;
}

// Every shipped look, as the Storybook toolbar and the docs use them.
const LOOKS: Record<string, Theme[]> = { default: [], dark: [dark], shadesOfPurple: [shadesOfPurple], 'dark + shadesOfPurple': [dark, shadesOfPurple], neobrutalism: [neobrutalism] };

const BAR = '.usher-passwordStrengthMeterBar';
// Good and strong share one rule.
const FILLED: Record<string, string> = {
  weak: `${BAR}[data-filled][data-strength=weak]`,
  fair: `${BAR}[data-filled][data-strength=fair]`,
  good: `${BAR}[data-filled][data-strength=good],${BAR}[data-filled][data-strength=strong]`,
  strong: `${BAR}[data-filled][data-strength=good],${BAR}[data-filled][data-strength=strong]`,
};

describe.each(Object.entries(LOOKS))('the password strength meter in the %s look meets WCAG 2.2 AA', (_name, themes) => {
  const resolved = resolveAppearance({ provider: themes.length ? { baseTheme: themes } : {} });
  const props = variablesToProperties(resolved.variables);
  const color = (name: string) => rgb(props[`--usher-color-${name}`]!);
  const background = rgb(resolved.variables.colorBackground);
  const track = compositeOver(color(colorOf(BAR, 'background')), background);

  it.each(['weak', 'fair', 'good', 'strong'])('a filled %s bar stands out 3:1 from its track and from the card (WCAG 1.4.11)', (strength) => {
    const fill = color(colorOf(FILLED[strength]!, 'background'));
    expect(contrastRatio(fill, track)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(fill, background)).toBeGreaterThanOrEqual(3);
  });

  it('its words are 4.5:1 on the card: the level, the verdict either way, and the advice', () => {
    expect(contrastRatio(color(colorOf('.usher-passwordStrengthText', 'color')), background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(color(colorOf('.usher-passwordStrengthMeter', 'color')), background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(color(colorOf('.usher-passwordStrengthMeter[data-meets-minimum=true] .usher-passwordStrengthVerdict', 'color')), background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(color(colorOf('.usher-passwordStrengthMeter[data-meets-minimum=false] .usher-passwordStrengthVerdict', 'color')), background)).toBeGreaterThanOrEqual(4.5);
  });
});
