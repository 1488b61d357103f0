import { describe, expect, it } from 'vitest';
import { compositeOver, contrastRatio, parseColor, type Rgba } from './color.ts';
import { resolveAppearance } from './cascade.ts';
import { DEFAULT_VARIABLES } from './defaults.ts';
import { alphaScale, shadeScale, variablesToProperties } from './variables.ts';

const rgb = (text: string): Rgba => {
  const parsed = parseColor(text);
  if (!parsed) throw new Error(`unparsed ${text}`);
  return parsed;
};

describe('colour parsing', () => {
  it('reads hex, rgb() and hsl() in comma and space syntax', () => {
    expect(parseColor('#4f46e5')).toEqual({ r: 79, g: 70, b: 229, a: 1 });
    expect(parseColor('#fff8')).toEqual({ r: 255, g: 255, b: 255, a: 0x88 / 255 });
    expect(parseColor('rgba(10, 20, 30, 0.5)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseColor('rgb(10 20 30 / 50%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    const hsl = parseColor('hsl(120 100% 25%)')!;
    expect([Math.round(hsl.r), Math.round(hsl.g), Math.round(hsl.b)]).toEqual([0, 128, 0]);
    expect(parseColor('var(--brand)')).toBeNull();
  });
});

describe('variables as CSS custom properties', () => {
  it('expands every colour into a 50–950 shade scale around the colour itself', () => {
    const props = variablesToProperties(resolveAppearance({ prop: { variables: { colorPrimary: '#4f46e5' } } }).variables);
    expect(props['--usher-color-primary']).toBe('#4f46e5');
    expect(props['--usher-color-primary-500']).toBe('#4f46e5');
    for (const name of ['primary', 'danger', 'success', 'warning', 'neutral', 'text', 'text-secondary', 'text-on-primary', 'background', 'input-text', 'input-background', 'shimmer']) {
      for (const step of [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950]) expect(props[`--usher-color-${name}-${step}`], `${name}-${step}`).toBeTruthy();
    }
    // Lighter steps get lighter, darker ones darker.
    const lightness = (step: number) => {
      const { r, g, b } = rgb(props[`--usher-color-primary-${step}`]!);
      return r + g + b;
    };
    expect(lightness(50)).toBeGreaterThan(lightness(300));
    expect(lightness(300)).toBeGreaterThan(lightness(500));
    expect(lightness(500)).toBeGreaterThan(lightness(700));
    expect(lightness(700)).toBeGreaterThan(lightness(950));
  });

  it('gives palette colours an alpha scale (neutral borders and tints work on dark backgrounds too)', () => {
    expect(alphaScale('#000000', 'neutral')[500]).toBe('rgb(0 0 0 / 0.45)');
    expect(alphaScale('rgb(255 255 255)', 'neutral')[100]).toBe('rgb(255 255 255 / 0.06)');
    const props = variablesToProperties(resolveAppearance({}).variables);
    expect(props['--usher-color-neutral-a200']).toBe('rgb(0 0 0 / 0.1)');
    expect(props['--usher-color-primary-a200']).toMatch(/^rgb\(79 70 229 \/ 0\.1\)$/);
  });

  it('falls back to color-mix() for colours it cannot compute (CSS variables, oklch)', () => {
    expect(shadeScale('var(--brand)', 'primary')[500]).toBe('var(--brand)');
    expect(shadeScale('var(--brand)', 'primary')[100]).toBe('color-mix(in srgb, var(--usher-color-primary) 16%, white)');
    expect(alphaScale('oklch(60% 0.2 250)', 'primary')[200]).toBe('color-mix(in srgb, var(--usher-color-primary) 10%, transparent)');
  });

  it('writes spacing, radius and font variables, and the colour scheme of the background', () => {
    const resolved = resolveAppearance({ prop: { variables: { colorBackground: '#18181b', spacingUnit: '0.75rem', borderRadius: '0' } } });
    expect(resolved.css).toContain('--usher-spacing:0.75rem;');
    expect(resolved.css).toContain('--usher-radius:0;');
    expect(resolved.css).toContain('--usher-font-weight-medium:500;');
    expect(resolved.css).toContain('color-scheme:dark');
    expect(resolved.css).toContain(`@layer usher.theme{.${resolved.scopeClassName}{--usher-color-primary:`);
  });
});

describe('default variables meet WCAG 2.2 AA', () => {
  const v = DEFAULT_VARIABLES;
  const background = rgb(v.colorBackground);
  const props = variablesToProperties(resolveAppearance({}).variables);
  const over = (name: string, base: Rgba = background) => compositeOver(rgb(props[name]!), base);

  it('text on the background, inputs and the footer band: 4.5:1', () => {
    expect(contrastRatio(rgb(v.colorText), background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(rgb(v.colorTextSecondary), background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(rgb(v.colorInputText), rgb(v.colorInputBackground))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(rgb(v.colorTextSecondary), over('--usher-color-neutral-a50'))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(rgb(v.colorTextSecondary), over('--usher-color-neutral-a100'))).toBeGreaterThanOrEqual(4.5); // badges
  });

  it('primary buttons, links, errors, success and warning text: 4.5:1', () => {
    expect(contrastRatio(rgb(v.colorTextOnPrimaryBackground), rgb(v.colorPrimary))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(rgb(v.colorTextOnPrimaryBackground), rgb(props['--usher-color-primary-600']!))).toBeGreaterThanOrEqual(4.5); // hover
    expect(contrastRatio(rgb(v.colorPrimary), background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(rgb(v.colorDanger), background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(rgb(v.colorSuccess), background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(rgb(v.colorWarning), background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(rgb(v.colorText), over('--usher-color-danger-a50'))).toBeGreaterThanOrEqual(4.5); // alert
  });

  it('input borders and focus rings: 3:1', () => {
    expect(contrastRatio(rgb(props['--usher-color-neutral-a500']!), rgb(v.colorInputBackground))).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(rgb(v.colorPrimary), background)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(rgb(v.colorDanger), rgb(v.colorInputBackground))).toBeGreaterThanOrEqual(3);
  });
});
