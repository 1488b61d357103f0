import { dark, neobrutalism, shadesOfPurple } from '@usher/themes';
import { describe, expect, it } from 'vitest';
import { STORY_THEME_NAMES, STORY_VARIABLE_PRESET_NAMES, storyAppearance } from './story-themes.ts';

describe('storyAppearance', () => {
  it('maps each toolbar theme to the shipped base theme; default means none', () => {
    expect(STORY_THEME_NAMES).toEqual(['default', 'dark', 'shadesOfPurple', 'neobrutalism']);
    expect(storyAppearance('default')).toBeUndefined();
    expect(storyAppearance('dark')).toEqual({ baseTheme: dark });
    expect(storyAppearance('shadesOfPurple')).toEqual({ baseTheme: shadesOfPurple });
    expect(storyAppearance('neobrutalism')).toEqual({ baseTheme: neobrutalism });
  });

  it('puts a variables preset over the theme', () => {
    expect(STORY_VARIABLE_PRESET_NAMES).toEqual(['none', 'teal', 'rounded', 'compact', 'serif']);
    expect(storyAppearance('default', 'teal')).toEqual({ variables: { colorPrimary: '#0f766e' } });
    expect(storyAppearance('dark', 'rounded')).toEqual({ baseTheme: dark, variables: { borderRadius: '1rem', spacingUnit: '1.125rem' } });
    expect(storyAppearance('dark', 'none')).toEqual({ baseTheme: dark });
  });

  it('answers the same object on every call (the provider memoizes on it), and falls back for unknown names', () => {
    expect(storyAppearance('dark')).toBe(storyAppearance('dark'));
    expect(storyAppearance('dark', 'teal')).toBe(storyAppearance('dark', 'teal'));
    expect(storyAppearance('toString')).toBeUndefined();
    expect(storyAppearance(undefined, 'constructor')).toBeUndefined();
  });
});
