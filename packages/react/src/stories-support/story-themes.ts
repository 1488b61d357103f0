import { dark, neobrutalism, shadesOfPurple, type Theme } from '@usher/themes';

/** The Storybook toolbar's themes: `default` is Usher's own look (no base theme). */
export const STORY_THEMES = { default: undefined, dark, shadesOfPurple, neobrutalism } as const satisfies Record<string, Theme | undefined>;

export type StoryThemeName = keyof typeof STORY_THEMES;

export const STORY_THEME_NAMES = Object.keys(STORY_THEMES) as StoryThemeName[];

/**
 * The provider `appearance` for the toolbar's `theme` global (unknown names fall back to default).
 * @example <UsherProvider appearance={storyAppearance(context.globals.theme)} />
 */
export function storyAppearance(theme: unknown): { readonly baseTheme: Theme } | undefined {
  return typeof theme === 'string' && Object.hasOwn(APPEARANCES, theme) ? APPEARANCES[theme as StoryThemeName] : undefined;
}

// One object per theme, so the provider sees the same appearance on every render.
const APPEARANCES = Object.fromEntries(
  STORY_THEME_NAMES.map((name) => {
    const baseTheme = STORY_THEMES[name];
    return [name, baseTheme ? Object.freeze({ baseTheme }) : undefined];
  }),
) as Record<StoryThemeName, { readonly baseTheme: Theme } | undefined>;
