import type { Variables } from './theme.ts';

/** Every variable set: what the appearance engine falls back to when no theme or prop names a value. */
export type ResolvedVariables = Required<Omit<Variables, 'fontWeight'>> & {
  fontWeight: Required<NonNullable<Variables['fontWeight']>>;
};

const systemFontStack =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"';

/**
 * The light look every component starts from; themes and the `variables` prop override it key by key.
 * Every text/background pair meets WCAG 2.2 AA (see default-variables.test.ts). Frozen, so it cannot drift at runtime.
 *
 * @example
 * import { defaultVariables } from '@usher/themes';
 * const resolved = { ...defaultVariables, ...dark.variables, ...appearance.variables };
 */
export const defaultVariables: Readonly<ResolvedVariables> = Object.freeze({
  colorPrimary: '#4338ca',
  colorDanger: '#dc2626',
  colorSuccess: '#15803d',
  colorWarning: '#b45309',
  colorNeutral: '#000000',
  colorText: '#111827',
  colorTextSecondary: '#4b5563',
  colorTextOnPrimaryBackground: '#ffffff',
  colorBackground: '#ffffff',
  colorInputText: '#111827',
  colorInputBackground: '#ffffff',
  colorShimmer: 'rgba(255, 255, 255, 0.36)',
  fontFamily: systemFontStack,
  fontFamilyButtons: systemFontStack,
  fontSize: '0.875rem',
  fontWeight: Object.freeze({ normal: 400, medium: 500, bold: 600 }),
  borderRadius: '0.5rem',
  spacingUnit: '1rem',
});
