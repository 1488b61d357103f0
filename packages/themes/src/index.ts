/** @usher/themes — theme types and createTheme. The shipped themes arrive with the components issue. */
export { createTheme, isTheme, type Theme, type ThemeInput, type Variables, type ElementStyle } from './theme.ts';
