import { dark, neobrutalism, shadesOfPurple } from '@usher/themes';
import { describe, expect, it } from 'vitest';
import { STORY_THEME_NAMES, storyAppearance } from './story-themes.ts';

describe('storyAppearance', () => {
  it('maps each toolbar theme to the shipped base theme; default means none', () => {
    expect(STORY_THEME_NAMES).toEqual(['default', 'dark', 'shadesOfPurple', 'neobrutalism']);
    expect(storyAppearance('default')).toBeUndefined();
    expect(storyAppearance('dark')).toEqual({ baseTheme: dark });
    expect(storyAppearance('shadesOfPurple')).toEqual({ baseTheme: shadesOfPurple });
    expect(storyAppearance('neobrutalism')).toEqual({ baseTheme: neobrutalism });
  });

  it('answers the same object on every call (the provider memoizes on it), and nothing for unknown names', () => {
    expect(storyAppearance('dark')).toBe(storyAppearance('dark'));
    expect(storyAppearance('toString')).toBeUndefined();
    expect(storyAppearance(undefined)).toBeUndefined();
  });
});
