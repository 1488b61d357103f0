import { describe, expect, it } from 'vitest';
import { compositeOver, contrastRatio } from '../color.ts';
import { colorOf as colorIn, LOOKS, lookColors } from './contrast-test-support.ts';
import { formsCss } from './forms.ts';

const colorOf = (selector: string, property: string) => colorIn(formsCss(), selector, property);


const BAR = '.usher-passwordStrengthMeterBar';
// Good and strong share one rule.
const FILLED: Record<string, string> = {
  weak: `${BAR}[data-filled][data-strength=weak]`,
  fair: `${BAR}[data-filled][data-strength=fair]`,
  good: `${BAR}[data-filled][data-strength=good],${BAR}[data-filled][data-strength=strong]`,
  strong: `${BAR}[data-filled][data-strength=good],${BAR}[data-filled][data-strength=strong]`,
};

describe.each(Object.entries(LOOKS))('the password strength meter in the %s look meets WCAG 2.2 AA', (_name, themes) => {
  const { color, background } = lookColors(themes);
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
