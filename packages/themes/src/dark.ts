import { createTheme } from './theme.ts';

// Translucent white rather than fixed greys, so these borders keep working when a theme
// stacked on top (shadesOfPurple) swaps the background colours.
const hairline = '1px solid rgba(255, 255, 255, 0.12)';
// Input outlines identify the control, so they meet the 3:1 non-text contrast of WCAG 1.4.11.
const inputOutline = '1px solid rgba(255, 255, 255, 0.4)';

/**
 * A dark theme: near-black card, light text, a lightened indigo primary with dark text on it, and
 * inputs a step lighter than the card. Meets WCAG 2.2 AA for every text/background pair.
 * Element styles only add borders and shadows that variables cannot express.
 *
 * @example
 * import { dark } from '@usher/themes';
 * <UsherProvider appearance={{ baseTheme: dark }} />
 */
export const dark = createTheme({
  variables: {
    colorPrimary: '#818cf8',
    colorDanger: '#f87171',
    colorSuccess: '#4ade80',
    colorWarning: '#fbbf24',
    colorNeutral: '#ffffff',
    colorText: '#f4f4f5',
    colorTextSecondary: '#a1a1aa',
    colorTextOnPrimaryBackground: '#0f0f14',
    colorBackground: '#17171c',
    colorInputText: '#f4f4f5',
    colorInputBackground: '#212128',
    colorShimmer: 'rgba(255, 255, 255, 0.08)',
  },
  elements: {
    card: {
      border: hairline,
      boxShadow: '0 16px 40px rgba(0, 0, 0, 0.55)',
    },
    // Darker than the card, like the page behind it (#0f0f14-ish), to set the footer apart.
    footer: { backgroundColor: 'rgba(0, 0, 0, 0.24)' },
    dividerLine: { backgroundColor: 'rgba(255, 255, 255, 0.12)' },
    formFieldInput: {
      border: inputOutline,
      '&:hover': { borderColor: 'rgba(255, 255, 255, 0.56)' },
    },
    otpCodeFieldInput: {
      border: inputOutline,
      '&:hover': { borderColor: 'rgba(255, 255, 255, 0.56)' },
    },
    socialButtonsBlockButton: {
      border: hairline,
      '&:hover': { backgroundColor: 'rgba(255, 255, 255, 0.06)' },
    },
    socialButtonsIconButton: {
      border: hairline,
      '&:hover': { backgroundColor: 'rgba(255, 255, 255, 0.06)' },
    },
    identityPreview: { border: hairline },
    userButtonPopoverCard: {
      border: hairline,
      boxShadow: '0 16px 40px rgba(0, 0, 0, 0.55)',
    },
    modalBackdrop: { backgroundColor: 'rgba(0, 0, 0, 0.64)' },
  },
});
