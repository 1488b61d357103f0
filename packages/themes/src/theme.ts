/** Design tokens an appearance can set; each colour expands into a shade scale in @usher/react. */
export interface Variables {
  colorPrimary?: string;
  colorDanger?: string;
  colorSuccess?: string;
  colorWarning?: string;
  colorNeutral?: string;
  colorText?: string;
  colorTextSecondary?: string;
  colorTextOnPrimaryBackground?: string;
  colorBackground?: string;
  colorInputText?: string;
  colorInputBackground?: string;
  colorShimmer?: string;
  fontFamily?: string;
  fontFamilyButtons?: string;
  fontSize?: string;
  fontWeight?: { normal?: number; medium?: number; bold?: number };
  borderRadius?: string;
  spacingUnit?: string;
}

/** A class name (e.g. Tailwind) or a style object for one element key. */
export type ElementStyle = string | Record<string, unknown>;

/** Appearance data without behaviour; a theme is the same data, tagged as prebuilt. */
export interface ThemeInput {
  variables?: Variables;
  elements?: Record<string, ElementStyle>;
}

export interface Theme extends ThemeInput {
  readonly __type: 'prebuilt_appearance';
}

/**
 * Tags appearance data as a theme, so it can be passed as `baseTheme` (alone or stacked in an array).
 *
 * @example
 * export const ocean = createTheme({ variables: { colorPrimary: '#0369a1' } });
 * <UsherProvider appearance={{ baseTheme: ocean }} />
 */
export function createTheme(input: ThemeInput): Theme {
  return Object.freeze({ ...structuredClone(input), __type: 'prebuilt_appearance' as const });
}

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'object' && value !== null && (value as { __type?: unknown }).__type === 'prebuilt_appearance';
}
