/**
 * Localization: the English resource, typed keys, `{{token}}` interpolation and error messages.
 *
 * Components call `const { t, resolveError, errorsByField } = useLocalization()`:
 *   t('signIn.start.title')                      → "Sign in to Acme" (applicationName filled in)
 *   t('signIn.emailCode.formSubtitle', { identifier })
 *   resolveError(caught)                         → errors.<code>__<param> → errors.<code> → long_message → message
 *   errorsByField(caught, ['identifier', 'password']) → { fields: { password: '…' }, global: ['…'] }
 * A key that does not exist is a type error. New strings: add them to en-US.ts (and en-errors.ts).
 *
 * @example
 * const { t } = useLocalization();
 * <Button type="submit" element="formButtonPrimary">{t('formButtonPrimary')}</Button>
 */
export { enUS } from './en-US.ts';
export { enErrors } from './en-errors.ts';
export type { LocalizationKey, LocalizationResource, LocalizationResourceFull, LocalizationTokens } from './types.ts';
export { LocalizationProvider } from './LocalizationProvider.tsx';
export { LocalizationContext } from './LocalizationContext.ts';
export { useLocalization, type Localization } from './use-localization.ts';
export { interpolate } from './interpolate.ts';
export { deepMerge } from './merge.ts';
export { resolveError, resolveErrorItem, errorsByField, type ResolvableError } from './resolve-error.ts';
