import { describe, expect, it } from 'vitest';
import { createTheme, isTheme } from './theme.ts';

describe('createTheme', () => {
  it('tags appearance data as a prebuilt theme', () => {
    const theme = createTheme({ variables: { colorPrimary: '#0369a1' }, elements: { card: 'shadow-none' } });
    expect(theme.__type).toBe('prebuilt_appearance');
    expect(theme.variables?.colorPrimary).toBe('#0369a1');
    expect(isTheme(theme)).toBe(true);
    expect(isTheme({ variables: {} })).toBe(false);
  });

  it('copies its input so later edits to the source do not leak into the theme', () => {
    const input = { variables: { colorPrimary: 'red' } };
    const theme = createTheme(input);
    input.variables.colorPrimary = 'blue';
    expect(theme.variables?.colorPrimary).toBe('red');
    expect(Object.isFrozen(theme)).toBe(true);
  });
});
