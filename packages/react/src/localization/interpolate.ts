import type { LocalizationTokens } from './types.ts';

const TOKEN = /\{\{\s*([\w.]+)\s*\}\}/g;

function lookup(tokens: LocalizationTokens, name: string): string | undefined {
  const flat = tokens[name];
  if (typeof flat === 'string' || typeof flat === 'number') return String(flat);
  let value: LocalizationTokens[string] = tokens;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = value[part];
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * Fills `{{token}}` placeholders (dotted names read nested tokens). A missing token becomes an
 * empty string, or makes the whole call answer null with `strict`, so a caller can fall back to
 * another message instead of showing "at least  characters".
 *
 * @example interpolate('Hi {{user.firstName}}', { user: { firstName: 'Ada' } }) // 'Hi Ada'
 */
export function interpolate(template: string, tokens: LocalizationTokens = {}, options: { strict?: boolean } = {}): string | null {
  let missing = false;
  const out = template.replace(TOKEN, (_, name: string) => {
    const value = lookup(tokens, name);
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing && options.strict ? null : out;
}
