import { isUsherAPIError } from '@usher/core';

/** Splits an API error into field errors (by param name) and a general message. */
export function describeError(error: unknown): { fields: Record<string, string>; general: string | null } {
  if (isUsherAPIError(error)) {
    const fields: Record<string, string> = {};
    let general: string | null = null;
    for (const e of error.errors) {
      const text = e.longMessage || e.message;
      if (e.meta?.paramName) fields[e.meta.paramName] = text;
      else general = general ? `${general} ${text}` : text;
    }
    return { fields, general };
  }
  return { fields: {}, general: error instanceof Error ? error.message : 'Something went wrong. Try again.' };
}
