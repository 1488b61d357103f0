import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast.ts';
import { defaultVariables } from './default-variables.ts';

describe('defaultVariables', () => {
  it('names every variable, so the engine never has to invent a fallback', () => {
    expect(Object.keys(defaultVariables).sort()).toEqual(
      [
        'colorPrimary',
        'colorDanger',
        'colorSuccess',
        'colorWarning',
        'colorNeutral',
        'colorText',
        'colorTextSecondary',
        'colorTextOnPrimaryBackground',
        'colorBackground',
        'colorInputText',
        'colorInputBackground',
        'colorShimmer',
        'fontFamily',
        'fontFamilyButtons',
        'fontSize',
        'fontWeight',
        'borderRadius',
        'spacingUnit',
      ].sort(),
    );
    expect(defaultVariables.fontWeight).toEqual({ normal: 400, medium: 500, bold: 600 });
    expect(defaultVariables.fontSize).toBe('0.875rem');
    expect(defaultVariables.borderRadius).toBe('0.5rem');
    expect(defaultVariables.spacingUnit).toBe('1rem');
    expect(defaultVariables.fontFamily).toMatch(/system-ui.*sans-serif/);
  });

  it('cannot be changed at runtime, not even its font weights', () => {
    expect(Object.isFrozen(defaultVariables)).toBe(true);
    expect(Object.isFrozen(defaultVariables.fontWeight)).toBe(true);
  });

  it('body text on the card background has at least 4.5:1 contrast', () => {
    expect(contrastRatio(defaultVariables.colorText, defaultVariables.colorBackground)).toBeGreaterThanOrEqual(4.5);
  });

  it('secondary text on the card background has at least 4.5:1 contrast', () => {
    expect(contrastRatio(defaultVariables.colorTextSecondary, defaultVariables.colorBackground)).toBeGreaterThanOrEqual(4.5);
  });

  it('typed text in an input has at least 4.5:1 contrast with the input background', () => {
    expect(contrastRatio(defaultVariables.colorInputText, defaultVariables.colorInputBackground)).toBeGreaterThanOrEqual(4.5);
  });

  it('text on a primary button has at least 4.5:1 contrast', () => {
    expect(contrastRatio(defaultVariables.colorTextOnPrimaryBackground, defaultVariables.colorPrimary)).toBeGreaterThanOrEqual(4.5);
  });

  it('error text on the card background has at least 4.5:1 contrast', () => {
    expect(contrastRatio(defaultVariables.colorDanger, defaultVariables.colorBackground)).toBeGreaterThanOrEqual(4.5);
  });

  it('success and warning text on the card background have at least 4.5:1 contrast', () => {
    expect(contrastRatio(defaultVariables.colorSuccess, defaultVariables.colorBackground)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(defaultVariables.colorWarning, defaultVariables.colorBackground)).toBeGreaterThanOrEqual(4.5);
  });

  it('the primary colour stands out from the card by at least 3:1, so focus rings and controls are visible', () => {
    expect(contrastRatio(defaultVariables.colorPrimary, defaultVariables.colorBackground)).toBeGreaterThanOrEqual(3);
  });

  it('links drawn in the primary colour read as text: at least 4.5:1 on the card', () => {
    expect(contrastRatio(defaultVariables.colorPrimary, defaultVariables.colorBackground)).toBeGreaterThanOrEqual(4.5);
  });
});
