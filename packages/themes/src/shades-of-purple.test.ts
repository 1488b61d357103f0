import { describe, expect, it } from 'vitest';
import { compositeOver, contrastRatio } from './contrast.ts';
import { dark } from './dark.ts';
import { defaultVariables } from './default-variables.ts';
import { shadesOfPurple } from './shades-of-purple.ts';

// What the engine resolves for `baseTheme: [dark, shadesOfPurple]`: later themes win key by key.
const v = { ...defaultVariables, ...dark.variables, ...shadesOfPurple.variables };
const darkStyle = (key: string) => dark.elements?.[key] as Record<string, string>;
const purpleStyle = (key: string) => shadesOfPurple.elements?.[key] as Record<string, string>;

describe('shadesOfPurple stacked on dark', () => {
  it('is purple and gold', () => {
    expect(v.colorBackground).toBe('#2d2b55');
    expect(v.colorInputBackground).toBe('#1e1e3f');
    expect(v.colorPrimary).toBe('#fad000');
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

  it('text on a gold primary button has at least 4.5:1 contrast', () => {
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

  it('the gold header title has at least 4.5:1 contrast on the card', () => {
    expect(contrastRatio(purpleStyle('headerTitle').color as string, v.colorBackground)).toBeGreaterThanOrEqual(4.5);
  });

  it("dark's input outlines still stand out from the purple card by at least 3:1", () => {
    const outline = darkStyle('formFieldInput').border!.replace(/^1px solid /, '');
    expect(contrastRatio(outline, v.colorBackground)).toBeGreaterThanOrEqual(3);
  });

  it("footer text and links on dark's darkened footer keep at least 4.5:1 contrast", () => {
    const footer = compositeOver(darkStyle('footer').backgroundColor!, v.colorBackground);
    expect(contrastRatio(v.colorTextSecondary, footer)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(v.colorPrimary, footer)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('shadesOfPurple as a layer', () => {
  it('only overrides variables whose value differs from dark', () => {
    for (const [key, value] of Object.entries(shadesOfPurple.variables ?? {})) {
      expect(value, key).not.toEqual(dark.variables?.[key as keyof typeof dark.variables]);
    }
    expect(shadesOfPurple.variables?.colorNeutral).toBeUndefined();
    expect(shadesOfPurple.variables?.colorShimmer).toBeUndefined();
  });

  it('restates every property dark sets on an element it also styles, so merging and replacing per element look the same', () => {
    for (const [key, purple] of Object.entries(shadesOfPurple.elements ?? {})) {
      const base = dark.elements?.[key];
      if (base === undefined) continue;
      expect(Object.keys(purple as object).sort(), key).toEqual(Object.keys(base as object).sort());
    }
  });

  it('on its own still keeps every text colour it sets at AA, because it sets them in pairs', () => {
    const alone = { ...defaultVariables, ...shadesOfPurple.variables };
    expect(contrastRatio(alone.colorText, alone.colorBackground)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(alone.colorTextSecondary, alone.colorBackground)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(alone.colorInputText, alone.colorInputBackground)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(alone.colorTextOnPrimaryBackground, alone.colorPrimary)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(alone.colorDanger, alone.colorBackground)).toBeGreaterThanOrEqual(4.5);
  });
});
