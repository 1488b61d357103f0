import { createTheme } from './theme.ts';

const ink = '#000000';
const paper = '#ffffff';
const highlighter = '#ffde59';
const lime = '#a3e635';
const thickBorder = `3px solid ${ink}`;
const border = `2px solid ${ink}`;

// Pressing a raised control slides it onto its shadow; hovering lifts it a little.
const pressable = (shadow: number) => ({
  boxShadow: `${shadow}px ${shadow}px 0 ${ink}`,
  transition: 'transform 80ms ease-out, box-shadow 80ms ease-out',
  '&:hover': { transform: 'translate(-1px, -1px)', boxShadow: `${shadow + 1}px ${shadow + 1}px 0 ${ink}` },
  '&:active': { transform: `translate(${shadow}px, ${shadow}px)`, boxShadow: 'none' },
  '&:focus-visible': { outline: `3px solid ${ink}`, outlineOffset: '2px' },
});

/**
 * Neobrutalism: a cream card with thick black borders, hard offset shadows, a saturated blue primary
 * and bold uppercase buttons. Light, so use it on its own rather than stacked on `dark`.
 * Every text/background pair, including the fills its element styles add, meets WCAG 2.2 AA.
 *
 * @example
 * import { neobrutalism } from '@usher/themes';
 * <UsherProvider appearance={{ baseTheme: neobrutalism }} />
 */
export const neobrutalism = createTheme({
  variables: {
    colorPrimary: '#2547f4',
    colorDanger: '#c81e1e',
    colorSuccess: '#15803d',
    colorWarning: '#b45309',
    colorNeutral: ink,
    colorText: ink,
    colorTextSecondary: '#3f3f46',
    colorTextOnPrimaryBackground: paper,
    colorBackground: '#fffdf5',
    colorInputText: ink,
    colorInputBackground: paper,
    fontWeight: { normal: 500, medium: 700, bold: 800 },
    borderRadius: '0.375rem',
  },
  elements: {
    card: { border: thickBorder, boxShadow: `6px 6px 0 ${ink}` },
    headerTitle: { fontWeight: 800, letterSpacing: '-0.02em' },
    formButtonPrimary: {
      border,
      textTransform: 'uppercase',
      fontWeight: 800,
      letterSpacing: '0.04em',
      ...pressable(3),
    },
    socialButtonsBlockButton: {
      border,
      backgroundColor: paper,
      color: ink,
      fontWeight: 700,
      ...pressable(3),
    },
    socialButtonsIconButton: {
      border,
      backgroundColor: paper,
      color: ink,
      ...pressable(3),
    },
    alternativeMethodsBlockButton: {
      border,
      backgroundColor: paper,
      color: ink,
      fontWeight: 700,
      ...pressable(3),
    },
    formFieldInput: {
      border,
      boxShadow: `2px 2px 0 ${ink}`,
      '&:focus-visible': { outline: '3px solid #2547f4', outlineOffset: '2px' },
    },
    otpCodeFieldInput: {
      border,
      boxShadow: `2px 2px 0 ${ink}`,
      fontWeight: 800,
      '&:focus-visible': { outline: '3px solid #2547f4', outlineOffset: '2px' },
    },
    footerActionLink: { fontWeight: 800, textDecoration: 'underline', textDecorationThickness: '2px' },
    identityPreview: {
      border,
      boxShadow: `2px 2px 0 ${ink}`,
      backgroundColor: paper,
      color: ink,
    },
    alert: {
      border,
      boxShadow: `3px 3px 0 ${ink}`,
      backgroundColor: highlighter,
      color: ink,
      fontWeight: 700,
    },
    badge: {
      border,
      boxShadow: `2px 2px 0 ${ink}`,
      backgroundColor: lime,
      color: ink,
      textTransform: 'uppercase',
      fontWeight: 800,
    },
    userButtonPopoverCard: { border: thickBorder, boxShadow: `4px 4px 0 ${ink}` },
    userButtonPopoverActionButton: {
      fontWeight: 700,
      '&:hover': { backgroundColor: highlighter, color: ink },
    },
    dividerLine: { height: '2px', backgroundColor: ink },
  },
});
