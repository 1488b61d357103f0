import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast.ts';
import { defaultVariables } from './default-variables.ts';
import { neobrutalism } from './neobrutalism.ts';

const v = { ...defaultVariables, ...neobrutalism.variables };
type Style = Record<string, string | number | Record<string, string>>;
const style = (key: string) => neobrutalism.elements?.[key] as Style;
const state = (key: string, selector: string) => style(key)[selector] as Record<string, string>;

describe('neobrutalism: variables', () => {
  it('is light, with black ink on a cream card and a saturated blue primary', () => {
    expect(v.colorBackground).toBe('#fffdf5');
    expect(v.colorText).toBe('#000000');
    expect(v.colorPrimary).toBe('#2547f4');
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
});

describe('neobrutalism: element colours', () => {
  it('the alert label has at least 4.5:1 contrast on its yellow fill', () => {
    expect(contrastRatio(style('alert').color as string, style('alert').backgroundColor as string)).toBeGreaterThanOrEqual(4.5);
  });

  it('the badge label has at least 4.5:1 contrast on its lime fill', () => {
    expect(contrastRatio(style('badge').color as string, style('badge').backgroundColor as string)).toBeGreaterThanOrEqual(4.5);
  });

  it('social and alternative-method button labels have at least 4.5:1 contrast on their white fill', () => {
    for (const key of ['socialButtonsBlockButton', 'socialButtonsIconButton', 'alternativeMethodsBlockButton']) {
      expect(contrastRatio(style(key).color as string, style(key).backgroundColor as string), key).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('the identity preview (email being signed in) has at least 4.5:1 contrast, and so does secondary text in it', () => {
    const preview = style('identityPreview');
    expect(contrastRatio(preview.color as string, preview.backgroundColor as string)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(v.colorTextSecondary, preview.backgroundColor as string)).toBeGreaterThanOrEqual(4.5);
  });

  it('a hovered popover action keeps its label at least 4.5:1 against the highlighter fill', () => {
    const hover = state('userButtonPopoverActionButton', '&:hover');
    expect(contrastRatio(hover.color as string, hover.backgroundColor as string)).toBeGreaterThanOrEqual(4.5);
  });

  it('input focus outlines stand out by at least 3:1 from both the card and the input', () => {
    for (const key of ['formFieldInput', 'otpCodeFieldInput']) {
      const outline = state(key, '&:focus-visible').outline!.replace(/^3px solid /, '');
      expect(contrastRatio(outline, v.colorBackground), key).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(outline, v.colorInputBackground), key).toBeGreaterThanOrEqual(3);
    }
  });

  it('button focus outlines are black, at least 3:1 against the card', () => {
    for (const key of ['formButtonPrimary', 'socialButtonsBlockButton', 'alternativeMethodsBlockButton']) {
      const outline = state(key, '&:focus-visible').outline!.replace(/^3px solid /, '');
      expect(contrastRatio(outline, v.colorBackground), key).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('neobrutalism: shape', () => {
  it('outlines the card, inputs, buttons, alerts, badges and popover in solid black at least 2px thick', () => {
    for (const key of [
      'card',
      'formButtonPrimary',
      'formFieldInput',
      'otpCodeFieldInput',
      'socialButtonsBlockButton',
      'socialButtonsIconButton',
      'identityPreview',
      'alert',
      'badge',
      'userButtonPopoverCard',
    ]) {
      expect(style(key).border, key).toMatch(/^[23]px solid #000000$/);
    }
  });

  it('casts hard offset shadows with no blur', () => {
    for (const key of ['card', 'formButtonPrimary', 'formFieldInput', 'socialButtonsBlockButton', 'alert', 'badge', 'userButtonPopoverCard']) {
      expect(style(key).boxShadow, key).toMatch(/^\d+px \d+px 0 #000000$/);
    }
  });

  it('sets the primary button in bold uppercase', () => {
    expect(style('formButtonPrimary').textTransform).toBe('uppercase');
    expect(style('formButtonPrimary').fontWeight).toBeGreaterThanOrEqual(700);
  });

  it('presses buttons onto their shadow when active and lifts them on hover', () => {
    expect(state('formButtonPrimary', '&:active')).toEqual({ transform: 'translate(3px, 3px)', boxShadow: 'none' });
    expect(state('formButtonPrimary', '&:hover').transform).toBe('translate(-1px, -1px)');
  });
});
