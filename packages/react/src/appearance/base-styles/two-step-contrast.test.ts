import { describe, expect, it } from 'vitest';
import { compositeOver, contrastRatio } from '../color.ts';
import { colorOf, LOOKS, lookColors } from './contrast-test-support.ts';
import { frameCss } from './frame.ts';
import { twoStepCss } from './two-step.ts';

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
  const { color, background: card } = lookColors(themes);
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
