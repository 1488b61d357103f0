import { dark, neobrutalism, shadesOfPurple, type Theme } from '@usher/themes';
import { describe, expect, it } from 'vitest';
import { compositeOver, contrastRatio, parseColor, type Rgba } from '../color.ts';
import { resolveAppearance } from '../cascade.ts';
import { variablesToProperties } from '../variables.ts';
import { frameCss } from './frame.ts';
import { twoStepCss } from './two-step.ts';

const rgb = (text: string): Rgba => {
  const parsed = parseColor(text);
  if (!parsed) throw new Error(`unparsed ${text}`);
  return parsed;
};

/** The colour variable a base-style rule gives a property, e.g. `text-secondary` for `color:var(--usher-color-text-secondary)`. */
function colorOf(css: string, selector: string, property: string): string {
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

// Text of the two-step parts, each on the surface it sits on (a card, or a box of its own).
const TEXT_ON_SURFACE: Array<[selector: string, surface: string | null]> = [
  ['.usher-twoStepMethodText>:first-child', null],
  ['.usher-twoStepMethodDescription', null],
  ['.usher-totpSetupSteps', null],
  ['.usher-totpSetupManual', null],
  ['.usher-totpSetupSecret', '.usher-totpSetupSecret'],
  ['.usher-copyStatus', null],
  ['.usher-backupCodesList', '.usher-backupCodesList'],
];

// The badges the section shows (Enabled, In use: success; Default: primary).
const BADGES = ['.usher-badge[data-variant=success]', '.usher-badge[data-variant=primary]'];

describe.each(Object.entries(LOOKS))('two-step verification in the %s look meets WCAG 2.2 AA', (_name, themes) => {
  const resolved = resolveAppearance({ provider: themes.length ? { baseTheme: themes } : {} });
  const props = variablesToProperties(resolved.variables);
  const color = (name: string) => rgb(props[`--usher-color-${name}`]!);
  const card = rgb(resolved.variables.colorBackground);
  const css = twoStepCss();

  it.each(TEXT_ON_SURFACE)('%s: its text is 4.5:1 on its surface', (selector, surface) => {
    const under = surface ? compositeOver(color(colorOf(css, surface, 'background')), card) : card;
    expect(contrastRatio(compositeOver(color(colorOf(css, selector, 'color')), under), under)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(BADGES)('%s: its words are 4.5:1 on its tint', (selector) => {
    const frame = frameCss();
    const tint = compositeOver(color(colorOf(frame, selector, 'background')), card);
    expect(contrastRatio(color(colorOf(frame, selector, 'color')), tint)).toBeGreaterThanOrEqual(4.5);
  });

  it('the QR code is black on white whatever the theme, and its placeholder is a neutral tint', () => {
    expect(css).toMatch(/\n\.usher-qrCode\{[^}]*background:#fff/);
    expect(colorOf(css, '.usher-qrCode__loading', 'background')).toBe('neutral-a100');
  });
});
