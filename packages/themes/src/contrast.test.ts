import { describe, expect, it } from 'vitest';
import { compositeOver, contrastRatio, parseColor, relativeLuminance } from './contrast.ts';

describe('parseColor', () => {
  it('reads 3-, 4-, 6- and 8-digit hex', () => {
    expect(parseColor('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor('#0008')).toEqual({ r: 0, g: 0, b: 0, a: 0x88 / 255 });
    expect(parseColor('#4338CA')).toEqual({ r: 67, g: 56, b: 202, a: 1 });
    expect(parseColor('#ff000080')).toEqual({ r: 255, g: 0, b: 0, a: 128 / 255 });
  });

  it('reads rgb() and rgba() in comma and space syntax, with numbers or percentages', () => {
    expect(parseColor('rgb(67, 56, 202)')).toEqual({ r: 67, g: 56, b: 202, a: 1 });
    expect(parseColor('rgba(255, 255, 255, 0.36)')).toEqual({ r: 255, g: 255, b: 255, a: 0.36 });
    expect(parseColor('rgb(255 0 0 / 50%)')).toEqual({ r: 255, g: 0, b: 0, a: 0.5 });
    expect(parseColor('rgb(100%, 0%, 0%)')).toEqual({ r: 255, g: 0, b: 0, a: 1 });
  });

  it('reads hsl() and hsla(), converting to the same sRGB as the browser', () => {
    expect(parseColor('hsl(0, 100%, 50%)')).toEqual({ r: 255, g: 0, b: 0, a: 1 });
    expect(parseColor('hsl(120deg 100% 25%)')).toEqual({ r: 0, g: 127.5, b: 0, a: 1 });
    expect(parseColor('hsla(240, 100%, 50%, 0.5)')).toEqual({ r: 0, g: 0, b: 255, a: 0.5 });
    expect(parseColor('hsl(0.5turn 0% 100% / 1)')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    const steelBlue = parseColor('hsl(210, 50%, 40%)'); // #336699
    expect([steelBlue.r, steelBlue.g, steelBlue.b].map(Math.round)).toEqual([0x33, 0x66, 0x99]);
  });

  it('reads black, white and transparent', () => {
    expect(parseColor('black')).toEqual({ r: 0, g: 0, b: 0, a: 1 });
    expect(parseColor(' White ')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor('transparent').a).toBe(0);
  });

  it('rejects what it cannot read with a TypeError rather than guessing', () => {
    for (const bad of ['', '#ff', '#gggggg', 'rebeccapurple', 'rgb(1, 2)', 'rgb(1 2 3 / 4 / 5)', 'hsl(10%, 50%, 50%)', 'var(--x)']) {
      expect(() => parseColor(bad), bad).toThrow(TypeError);
    }
  });
});

describe('relativeLuminance', () => {
  it('is 0 for black, 1 for white, and follows the WCAG channel weights', () => {
    expect(relativeLuminance('#000')).toBe(0);
    expect(relativeLuminance('#fff')).toBeCloseTo(1, 10);
    expect(relativeLuminance('#f00')).toBeCloseTo(0.2126, 10);
    expect(relativeLuminance('#0f0')).toBeCloseTo(0.7152, 10);
    expect(relativeLuminance('#00f')).toBeCloseTo(0.0722, 10);
  });
});

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#4338ca', '#4338ca')).toBe(1);
  });

  it('does not depend on which colour is the foreground', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBe(contrastRatio('#ffffff', '#767676'));
  });

  it('matches published reference values: #767676 on white is the lightest grey that passes 4.5:1', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('composites a translucent foreground over the background first', () => {
    expect(contrastRatio('rgba(0, 0, 0, 0)', '#ffffff')).toBe(1);
    expect(contrastRatio('rgba(0, 0, 0, 0.5)', '#ffffff')).toBeCloseTo(contrastRatio('rgb(127.5, 127.5, 127.5)', '#ffffff'), 10);
  });

  it('refuses a translucent background, whose look depends on what lies behind it', () => {
    expect(() => contrastRatio('#000', 'rgba(255, 255, 255, 0.5)')).toThrow(TypeError);
  });
});

describe('compositeOver', () => {
  it('mixes a translucent colour into an opaque one by its alpha', () => {
    expect(compositeOver('rgba(0, 0, 0, 0.24)', '#ffffff')).toEqual({ r: 255 * 0.76, g: 255 * 0.76, b: 255 * 0.76, a: 1 });
    expect(compositeOver('#123456', '#ffffff')).toEqual({ r: 0x12, g: 0x34, b: 0x56, a: 1 });
  });
});
