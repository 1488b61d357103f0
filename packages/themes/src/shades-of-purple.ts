import { createTheme } from './theme.ts';

// Restated in full (border and shadow) wherever dark styles the same element, so stacking looks
// the same whether the engine merges style objects per property or replaces them per element.
const lavenderHairline = '1px solid rgba(165, 153, 233, 0.24)';
const indigoShadow = '0 16px 40px rgba(20, 19, 45, 0.7)';

/**
 * Purple and gold, after the Shades of Purple editor theme. It only overrides what differs from
 * `dark`, so stack it on top: dark supplies the borders and neutral shades. Meets WCAG 2.2 AA when stacked.
 *
 * @example
 * import { dark, shadesOfPurple } from '@usher/themes';
 * <UsherProvider appearance={{ baseTheme: [dark, shadesOfPurple] }} />
 */
export const shadesOfPurple = createTheme({
  variables: {
    colorPrimary: '#fad000',
    colorDanger: '#ff628c',
    colorSuccess: '#3ad900',
    colorWarning: '#ff9d00',
    colorText: '#ffffff',
    colorTextSecondary: '#a599e9',
    colorTextOnPrimaryBackground: '#2d2b55',
    colorBackground: '#2d2b55',
    colorInputText: '#ffffff',
    colorInputBackground: '#1e1e3f',
  },
  elements: {
    card: { border: lavenderHairline, boxShadow: indigoShadow },
    userButtonPopoverCard: { border: lavenderHairline, boxShadow: indigoShadow },
    headerTitle: { color: '#fad000' },
  },
});
