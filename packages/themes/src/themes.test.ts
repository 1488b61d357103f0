import { describe, expect, it } from 'vitest';
import { dark, neobrutalism, shadesOfPurple, isTheme } from './index.ts';

// What every shipped theme promises the appearance engine, whatever it looks like.
const shipped = { dark, shadesOfPurple, neobrutalism };

function* declarations(style: Record<string, unknown>, path: string): Generator<[string, unknown]> {
  for (const [property, value] of Object.entries(style)) {
    if (typeof value === 'object' && value !== null) yield* declarations(value as Record<string, unknown>, `${path} ${property}`);
    else yield [`${path} ${property}`, value];
  }
}

describe.each(Object.entries(shipped))('shipped theme %s', (_name, theme) => {
  it('is tagged as a prebuilt theme and frozen', () => {
    expect(isTheme(theme)).toBe(true);
    expect(Object.isFrozen(theme)).toBe(true);
  });

  it('styles elements with style objects whose values are plain strings or numbers, never !important', () => {
    for (const [key, style] of Object.entries(theme.elements ?? {})) {
      expect(typeof style, key).toBe('object');
      for (const [where, value] of declarations(style as Record<string, unknown>, key)) {
        expect(['string', 'number'], where).toContain(typeof value);
        expect(String(value), where).not.toMatch(/!\s*important/i);
      }
    }
  });

  it('nests only pseudo-class selectors such as &:hover, &:focus-visible and &:active', () => {
    for (const [key, style] of Object.entries(theme.elements ?? {})) {
      for (const [selector, value] of Object.entries(style as Record<string, unknown>)) {
        if (typeof value === 'object') expect(selector, key).toMatch(/^&:(hover|focus-visible|active)$/);
      }
    }
  });

  it('uses camelCase CSS property names, as React style objects do', () => {
    for (const [key, style] of Object.entries(theme.elements ?? {})) {
      for (const [where] of declarations(style as Record<string, unknown>, key)) {
        expect(where.split(' ').at(-1), where).toMatch(/^[a-z][a-zA-Z]*$/);
      }
    }
  });
});
