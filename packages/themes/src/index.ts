/** @usher/themes — theme types, createTheme, the shipped themes, default variables and a WCAG contrast helper. */
export { createTheme, isTheme, type Theme, type ThemeInput, type Variables, type ElementStyle } from './theme.ts';
export { defaultVariables, type ResolvedVariables } from './default-variables.ts';
export { dark } from './dark.ts';
export { shadesOfPurple } from './shades-of-purple.ts';
export { neobrutalism } from './neobrutalism.ts';
export { parseColor, compositeOver, relativeLuminance, contrastRatio, type Rgba } from './contrast.ts';
