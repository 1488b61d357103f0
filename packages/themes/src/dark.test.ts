import { describe, expect, it } from 'vitest';
import { compositeOver, contrastRatio } from './contrast.ts';
import { dark } from './dark.ts';
import { defaultVariables } from './default-variables.ts';

// What the engine resolves when dark is the only base theme.
const v = { ...defaultVariables, ...dark.variables };
const style = (key: string) => dark.elements?.[key] as Record<string, string | Record<string, string>>;

describe('dark', () => {
  it('is a prebuilt theme with a near-black card and light text', () => {
    expect(dark.__type).toBe('prebuilt_appearance');
    expect(v.colorBackground).toBe('#17171c');
    expect(v.colorText).toBe('#f4f4f5');
  });

  it('body text on the card background has at least 4.5:1 contrast', () => {
    expect(contrastRatio(v.colorText, v.colorBackground)).toBeGreaterThanOrEqual(4.5);
  });

  it('secondary text on the card background has at least 4.5:1 contrast', () => {
    expect(contrastRatio(v.colorTextSecondary, v.colorBackground)).toBeGreaterThanOrEqual(4.5);
  });

  it('typed text in an input has at least 4.5:1 contrast with the input background', () => {
    expect(contrastRatio(v.colorInputText, v.colorInputBackground)).toBeGreaterThanOrEqual(4.5);
  });

  it('text on a primary button has at least 4.5:1 contrast', () => {
    expect(contrastRatio(v.colorTextOnPrimaryBackground, v.colorPrimary)).toBeGreaterThanOrEqual(4.5);
  });

  it('error text on the card background has at least 4.5:1 contrast', () => {
    expect(contrastRatio(v.colorDanger, v.colorBackground)).toBeGreaterThanOrEqual(4.5);
  });

  it('success and warning text on the card background have at least 4.5:1 contrast', () => {
    expect(contrastRatio(v.colorSuccess, v.colorBackground)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(v.colorWarning, v.colorBackground)).toBeGreaterThanOrEqual(4.5);
  });

  it('the primary colour stands out from the card by at least 3:1, so focus rings and controls are visible', () => {
    expect(contrastRatio(v.colorPrimary, v.colorBackground)).toBeGreaterThanOrEqual(3);
  });

  it('links drawn in the primary colour read as text: at least 4.5:1 on the card', () => {
    expect(contrastRatio(v.colorPrimary, v.colorBackground)).toBeGreaterThanOrEqual(4.5);
  });

  it('the inputs are a step lighter than the card, so fields read as wells', () => {
    expect(contrastRatio(v.colorInputBackground, v.colorBackground)).toBeGreaterThan(1);
  });

  it('input outlines stand out from the card by at least 3:1 (WCAG 1.4.11)', () => {
    const outline = (style('formFieldInput').border as string).replace(/^1px solid /, '');
    expect(contrastRatio(outline, v.colorBackground)).toBeGreaterThanOrEqual(3);
    const otpOutline = (style('otpCodeFieldInput').border as string).replace(/^1px solid /, '');
    expect(contrastRatio(otpOutline, v.colorBackground)).toBeGreaterThanOrEqual(3);
  });

  it('footer text and links on the darkened footer keep at least 4.5:1 contrast', () => {
    const footer = compositeOver(style('footer').backgroundColor as string, v.colorBackground);
    expect(contrastRatio(v.colorTextSecondary, footer)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(v.colorPrimary, footer)).toBeGreaterThanOrEqual(4.5);
  });

  it('a hovered social button keeps its label at least 4.5:1 against the hover fill', () => {
    const hover = style('socialButtonsBlockButton')['&:hover'] as Record<string, string>;
    const fill = compositeOver(hover.backgroundColor as string, v.colorBackground);
    expect(contrastRatio(v.colorText, fill)).toBeGreaterThanOrEqual(4.5);
  });

  it('draws borders in translucent white, so they still work when a theme stacked on top changes the background', () => {
    for (const key of ['card', 'formFieldInput', 'otpCodeFieldInput', 'socialButtonsBlockButton', 'socialButtonsIconButton', 'identityPreview', 'userButtonPopoverCard']) {
      expect(style(key).border, key).toMatch(/rgba\(255, 255, 255, 0\.\d+\)$/);
    }
  });
});
