import { createTheme } from '@usher/themes';
import { describe, expect, it } from 'vitest';
import { resolveAppearance } from './cascade.ts';
import { DEFAULT_VARIABLES } from './defaults.ts';

describe('the appearance cascade', () => {
  it('orders levels base theme < provider < provider per-component key < component prop', () => {
    const theme = createTheme({ variables: { colorPrimary: '#111111', colorDanger: '#222222', colorSuccess: '#333333', colorWarning: '#444444' } });
    const resolved = resolveAppearance({
      provider: { baseTheme: theme, variables: { colorDanger: '#aa0000', colorSuccess: '#00aa00', colorWarning: '#aaaa00' }, signIn: { variables: { colorSuccess: '#00bb00', colorWarning: '#bbbb00' } } },
      component: 'signIn',
      prop: { variables: { colorWarning: '#cccc00' } },
    });
    expect(resolved.variables.colorPrimary).toBe('#111111'); // only the theme set it
    expect(resolved.variables.colorDanger).toBe('#aa0000'); // provider beats theme
    expect(resolved.variables.colorSuccess).toBe('#00bb00'); // provider.signIn beats provider
    expect(resolved.variables.colorWarning).toBe('#cccc00'); // the prop beats everything
    expect(resolved.variables.colorText).toBe(DEFAULT_VARIABLES.colorText); // nobody set it
  });

  it('applies a per-component key only to that component', () => {
    const provider = { signIn: { elements: { card: 'only-sign-in' } } };
    expect(resolveAppearance({ provider, component: 'signIn' }).elements.card).toBe('only-sign-in');
    expect(resolveAppearance({ provider, component: 'signUp' }).elements.card).toBeUndefined();
  });

  it('concatenates class strings of every level, lowest first', () => {
    const resolved = resolveAppearance({
      provider: { baseTheme: createTheme({ elements: { card: 'from-theme' } }), elements: { card: 'from-provider  extra' }, signIn: { elements: { card: 'from-sign-in' } } },
      component: 'signIn',
      prop: { elements: { card: 'from-prop' } },
    });
    expect(resolved.elements.card).toBe('from-theme from-provider extra from-sign-in from-prop');
  });

  it('merges style objects per key, later levels winning per property and per nested selector', () => {
    const resolved = resolveAppearance({
      provider: { elements: { card: { color: 'red', padding: 8, '&:hover': { color: 'blue', opacity: 0.5 } } } },
      component: 'signIn',
      prop: { elements: { card: { color: 'green', '&:hover': { color: 'purple' } } } },
    });
    const className = resolved.elements.card!;
    expect(className).toMatch(/^usher-c[0-9a-z]+$/);
    expect(resolved.css).toContain(`@layer usher.custom{.${className}{color:green;padding:8px;}.${className}:hover{color:purple;opacity:0.5;}}`);
  });

  it('puts theme style objects in the theme layer, below the app’s own style objects', () => {
    const resolved = resolveAppearance({ provider: { baseTheme: createTheme({ elements: { card: { color: 'red' } } }), elements: { card: { color: 'blue' } } } });
    const [themeClass, customClass] = resolved.elements.card!.split(' ');
    expect(resolved.css).toContain(`@layer usher.theme{.${themeClass}{color:red;}}`);
    expect(resolved.css).toContain(`@layer usher.custom{.${customClass}{color:blue;}}`);
    // The order statement comes first, so the layers rank base < theme < custom in any stylesheet order.
    expect(resolved.css.startsWith('@layer theme,base,usher.base,usher.theme,usher.custom,components,utilities;')).toBe(true);
  });

  it('stacks an array of base themes in order', () => {
    const dark = createTheme({ variables: { colorBackground: '#111111', colorPrimary: '#222222' } });
    const purple = createTheme({ variables: { colorPrimary: '#7c3aed' } });
    const resolved = resolveAppearance({ provider: { baseTheme: [dark, purple] } });
    expect(resolved.variables).toMatchObject({ colorBackground: '#111111', colorPrimary: '#7c3aed' });
  });

  it('lets the most specific base theme replace the others, still below every level’s own values', () => {
    const appTheme = createTheme({ variables: { colorBackground: '#000000' }, elements: { card: 'app-theme' } });
    const ownTheme = createTheme({ variables: { colorPrimary: '#0f766e' } });
    const resolved = resolveAppearance({ provider: { baseTheme: appTheme, variables: { colorText: '#333333' } }, component: 'signIn', prop: { baseTheme: ownTheme } });
    expect(resolved.variables.colorBackground).toBe(DEFAULT_VARIABLES.colorBackground);
    expect(resolved.variables).toMatchObject({ colorPrimary: '#0f766e', colorText: '#333333' });
    expect(resolved.elements.card).toBeUndefined();
  });

  it('merges layout and font weights key by key, and lets button fonts follow the body font', () => {
    const resolved = resolveAppearance({
      provider: { layout: { logoPlacement: 'outside', socialButtonsVariant: 'iconButton' }, variables: { fontFamily: 'Inter, sans-serif', fontWeight: { bold: 700 } } },
      component: 'signIn',
      prop: { layout: { socialButtonsVariant: 'blockButton', animations: false } },
    });
    expect(resolved.layout).toMatchObject({ logoPlacement: 'outside', socialButtonsVariant: 'blockButton', animations: false, shimmer: true });
    expect(resolved.variables.fontWeight).toEqual({ normal: 400, medium: 500, bold: 700 });
    expect(resolved.variables.fontFamilyButtons).toBe('Inter, sans-serif');
  });

  it('is deterministic: the same input gives the same classes, CSS and ids', () => {
    const input = { provider: { variables: { colorPrimary: 'hsl(160 84% 39%)' }, elements: { card: { borderRadius: 4 } } }, component: 'signIn' as const };
    const a = resolveAppearance(input);
    const b = resolveAppearance(structuredClone(input));
    expect(b.css).toBe(a.css);
    expect(b.cssId).toBe(a.cssId);
    expect(b.scopeClassName).toBe(a.scopeClassName);
    expect(resolveAppearance({ provider: { variables: { colorPrimary: '#000000' } } }).scopeClassName).not.toBe(a.scopeClassName);
  });

  it('keeps a stray brace in a value from breaking out of its rule', () => {
    const resolved = resolveAppearance({ prop: { elements: { card: { color: 'red}body{display:none' } }, variables: { fontFamily: 'x}</style><script>' } } });
    expect(resolved.css).not.toContain('}body{');
    expect(resolved.css).not.toContain('</style');
  });
});
