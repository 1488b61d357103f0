import { dark, neobrutalism, shadesOfPurple, type Theme } from '@usher/themes';
import type { Variables } from '../appearance/types.ts';

/** The Storybook toolbar's themes: `default` is Usher's own look (no base theme). */
export const STORY_THEMES = { default: undefined, dark, shadesOfPurple, neobrutalism } as const satisfies Record<string, Theme | undefined>;

export type StoryThemeName = keyof typeof STORY_THEMES;

export const STORY_THEME_NAMES = Object.keys(STORY_THEMES) as StoryThemeName[];

/**
 * The toolbar's `variables` presets, applied over the theme: what an app typically changes first.
 * Colours keep WCAG AA against the default light and the dark backgrounds.
 */
export const STORY_VARIABLE_PRESETS = {
  none: undefined,
  teal: { colorPrimary: '#0f766e' },
  rounded: { borderRadius: '1rem', spacingUnit: '1.125rem' },
  compact: { fontSize: '0.8125rem', spacingUnit: '0.75rem', borderRadius: '0.25rem' },
  serif: { fontFamily: 'Georgia, "Times New Roman", serif', fontFamilyButtons: 'Georgia, "Times New Roman", serif' },
} as const satisfies Record<string, Variables | undefined>;

export type StoryVariablesPresetName = keyof typeof STORY_VARIABLE_PRESETS;

export const STORY_VARIABLE_PRESET_NAMES = Object.keys(STORY_VARIABLE_PRESETS) as StoryVariablesPresetName[];

export interface StoryAppearance {
  readonly baseTheme?: Theme;
  readonly variables?: Variables;
}

function known<T extends string>(names: readonly T[], value: unknown): T | null {
  return typeof value === 'string' && (names as readonly string[]).includes(value) ? (value as T) : null;
}

// One frozen object per combination, so the provider sees the same appearance on every render.
const cache = new Map<string, StoryAppearance | undefined>();

/**
 * The provider `appearance` for the toolbar's `theme` and `variables` globals (unknown names fall
 * back to default / none).
 * @example <UsherProvider appearance={storyAppearance(context.globals.theme, context.globals.variables)} />
 */
export function storyAppearance(theme: unknown, preset?: unknown): StoryAppearance | undefined {
  const themeName = known(STORY_THEME_NAMES, theme) ?? 'default';
  const presetName = known(STORY_VARIABLE_PRESET_NAMES, preset) ?? 'none';
  const key = `${themeName}|${presetName}`;
  if (!cache.has(key)) {
    const baseTheme = STORY_THEMES[themeName];
    const variables = STORY_VARIABLE_PRESETS[presetName];
    const appearance = baseTheme || variables ? Object.freeze({ ...(baseTheme ? { baseTheme } : {}), ...(variables ? { variables } : {}) }) : undefined;
    cache.set(key, appearance);
  }
  return cache.get(key);
}
