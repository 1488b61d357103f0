type Tree = { [key: string]: unknown };

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deep-merges a partial resource over a full one: strings replace strings, objects merge key by
 * key, `undefined` and values of the wrong shape are ignored (a partial translation never
 * replaces a whole section by accident). Returns a new object; inputs are not touched.
 *
 * @example deepMerge(enUS, { signIn: { start: { title: 'Hello' } } }).signIn.start.subtitle // English subtitle
 */
export function deepMerge<T extends Tree>(base: T, override: unknown): T {
  if (!isTree(override)) return base;
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    if (isTree(current)) out[key] = deepMerge(current, value);
    else if (typeof value === 'string' && (current === undefined || typeof current === 'string')) out[key] = value;
  }
  return out as T;
}
