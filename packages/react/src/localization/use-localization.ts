import { useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { UsherContext } from '../provider/usher-context.ts';
import { interpolate } from './interpolate.ts';
import { LocalizationContext } from './LocalizationContext.ts';
import { errorsByField, resolveError, type ResolvableError } from './resolve-error.ts';
import type { LocalizationKey, LocalizationResourceFull, LocalizationTokens } from './types.ts';

/** What `useLocalization()` answers. */
export interface Localization {
  /** The string for a key with its `{{tokens}}` filled; `applicationName` comes from the instance settings unless given. */
  t: (key: LocalizationKey, tokens?: LocalizationTokens) => string;
  /** The message for a caught error: `errors.<code>__<param>` → `errors.<code>` → `long_message` → `message`. */
  resolveError: (error: ResolvableError, tokens?: LocalizationTokens) => string;
  /** Messages of an API error split by form field (`meta.param_name`) and the rest. */
  errorsByField: (error: ResolvableError, knownFields: readonly string[], tokens?: LocalizationTokens) => { fields: Record<string, string>; global: string[] };
  /** The BCP 47 locale of the resource, for `Intl`. */
  locale: string;
  /** `Intl.DateTimeFormat` in the resource's locale. */
  formatDate: (date: Date | number, options?: Intl.DateTimeFormatOptions) => string;
  /** `Intl.NumberFormat` in the resource's locale. */
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  /** The merged resource, for lists of keys (e.g. every error). */
  resource: LocalizationResourceFull;
  /** The instance's application name ('' until the environment is loaded). */
  applicationName: string;
}

function read(resource: LocalizationResourceFull, key: string): string {
  let value: unknown = resource;
  for (const part of key.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  // A missing key shows itself rather than an empty string, so it is noticed in development.
  return typeof value === 'string' ? value : key;
}

const noSubscription = () => () => undefined;

/**
 * Strings of the nearest provider's localization (English by default) and error resolution.
 *
 * @example
 * const { t, resolveError } = useLocalization();
 * <h1>{t('signIn.start.title')}</h1>  // "Sign in to Acme"
 * <Field error={fieldError ? resolveError(fieldError) : undefined} />
 */
export function useLocalization(): Localization {
  const resource = useContext(LocalizationContext);
  const usher = useContext(UsherContext);
  // The application name is read from the loaded environment; '' until it is known (server too).
  const applicationName = useSyncExternalStore(
    usher ? usher.subscribe : noSubscription,
    () => usher?.getSnapshot().environment?.displayConfig.applicationName ?? '',
    () => '',
  );
  const withDefaults = useCallback((tokens?: LocalizationTokens): LocalizationTokens => ({ applicationName, ...tokens }), [applicationName]);

  return useMemo(() => {
    const locale = resource.locale || 'en-US';
    return {
      t: (key, tokens) => interpolate(read(resource, key), withDefaults(tokens)) ?? '',
      resolveError: (error, tokens) => resolveError(resource, error, withDefaults(tokens)),
      errorsByField: (error, fields, tokens) => errorsByField(resource, error, fields, withDefaults(tokens)),
      locale,
      formatDate: (date, options) => new Intl.DateTimeFormat(locale, options).format(date),
      formatNumber: (value, options) => new Intl.NumberFormat(locale, options).format(value),
      resource,
      applicationName,
    };
  }, [resource, withDefaults, applicationName]);
}
