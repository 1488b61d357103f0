import { isUsherAPIError, isUsherOfflineError, type UsherAPIErrorItem } from '@usher/core';
import { interpolate } from './interpolate.ts';
import type { LocalizationResourceFull, LocalizationTokens } from './types.ts';

/** Anything a flow can catch: an UsherAPIError, one of its items, an offline error, or junk. */
export type ResolvableError = unknown;

/** One item to resolve, whatever the caught value was. */
function firstItem(error: ResolvableError): Pick<UsherAPIErrorItem, 'code' | 'message' | 'longMessage' | 'meta'> | string | null {
  if (isUsherAPIError(error)) return error.errors[0] ?? null;
  if (isUsherOfflineError(error)) return 'network_offline';
  if (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && 'meta' in error) {
    return error as UsherAPIErrorItem;
  }
  return null;
}

/**
 * Resolves one error item to a message: `errors.<code>__<param>` → `errors.<code>` → the API's
 * `long_message` → its `message`. A localized message whose `{{tokens}}` cannot all be filled is
 * skipped for the next candidate, rather than shown with holes.
 */
export function resolveErrorItem(resource: LocalizationResourceFull, item: Pick<UsherAPIErrorItem, 'code' | 'message' | 'longMessage' | 'meta'>, tokens: LocalizationTokens = {}): string {
  const errors = resource.errors as Record<string, string | undefined>;
  const meta = item.meta ?? {};
  const all: LocalizationTokens = {
    ...(meta.retryAfterSeconds !== undefined ? { retryAfterSeconds: meta.retryAfterSeconds } : {}),
    ...(meta.remainingAttempts !== undefined ? { remainingAttempts: meta.remainingAttempts } : {}),
    ...(meta.paramName !== undefined ? { paramName: meta.paramName } : {}),
    ...tokens,
  };
  const candidates = [meta.paramName ? errors[`${item.code}__${meta.paramName}`] : undefined, errors[item.code]];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const text = interpolate(candidate, all, { strict: true });
    if (text !== null) return text;
  }
  return item.longMessage || item.message || errors.unknown || '';
}

/**
 * Resolves whatever a flow caught to one message (the first error of the answer).
 * @example resolveError(enUS, caught) // 'That code is not right. Check the latest email and try again.'
 */
export function resolveError(resource: LocalizationResourceFull, error: ResolvableError, tokens?: LocalizationTokens): string {
  const item = firstItem(error);
  if (typeof item === 'string') return resource.errors[item as keyof typeof resource.errors] ?? '';
  if (!item) return resource.errors.unknown;
  return resolveErrorItem(resource, item, tokens);
}

/**
 * Splits an API error by form field: `fields` maps `meta.param_name` to its message (the first
 * one per field), `global` collects the errors tied to no field (or to a field the form lacks).
 *
 * @example
 * const { fields, global } = errorsByField(enUS, caught, ['identifier', 'password']);
 * <Field error={fields.password} /> {global[0] && <Alert>{global[0]}</Alert>}
 */
export function errorsByField(resource: LocalizationResourceFull, error: ResolvableError, knownFields: readonly string[], tokens?: LocalizationTokens): { fields: Record<string, string>; global: string[] } {
  const fields: Record<string, string> = {};
  const global: string[] = [];
  const items = isUsherAPIError(error) ? error.errors : [];
  if (!items.length) return { fields, global: [resolveError(resource, error, tokens)] };
  for (const item of items) {
    const message = resolveErrorItem(resource, item, tokens);
    const param = item.meta.paramName;
    if (param && knownFields.includes(param)) fields[param] ??= message;
    else global.push(message);
  }
  return { fields, global };
}
