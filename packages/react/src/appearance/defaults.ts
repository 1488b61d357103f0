import type { ResolvedLayout, ResolvedVariables } from './types.ts';

const SYSTEM_FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji"';

/**
 * Default variables. Every text/background pair here meets WCAG 2.2 AA (4.5:1 for text, 3:1 for
 * input borders and focus rings); `variables.test.ts` measures them so a tweak cannot regress it.
 * `fontFamilyButtons` is absent on purpose: it follows `fontFamily` unless set.
 */
export const DEFAULT_VARIABLES: Omit<ResolvedVariables, 'fontFamilyButtons'> = {
  colorPrimary: '#4f46e5',
  colorDanger: '#dc2626',
  colorSuccess: '#15803d',
  colorWarning: '#b45309',
  colorNeutral: '#000000',
  colorText: '#18181b',
  colorTextSecondary: '#52525b',
  colorTextOnPrimaryBackground: '#ffffff',
  colorBackground: '#ffffff',
  colorInputText: '#18181b',
  colorInputBackground: '#ffffff',
  colorShimmer: 'rgb(255 255 255 / 0.36)',
  fontFamily: SYSTEM_FONTS,
  fontSize: '0.875rem',
  fontWeight: { normal: 400, medium: 500, bold: 600 },
  borderRadius: '0.5rem',
  spacingUnit: '1rem',
};

/** Default layout options. */
export const DEFAULT_LAYOUT: ResolvedLayout = {
  socialButtonsPlacement: 'top',
  socialButtonsVariant: 'auto',
  showOptionalFields: true,
  logoPlacement: 'inside',
  shimmer: true,
  animations: true,
};
