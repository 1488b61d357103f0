/** `first_name` → `firstName`, at the type level. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** Deep snake_case → camelCase of a JSON shape's keys, at the type level. */
export type Camelize<T> = T extends ReadonlyArray<infer U>
  ? ReadonlyArray<Camelize<U>>
  : T extends object
    ? { readonly [K in keyof T as K extends string ? CamelCase<K> : K]: Camelize<T[K]> }
    : T;

function camelKey(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** Converts the keys of a JSON value to camelCase, deeply, and freezes the result. */
export function camelize<T>(value: T): Camelize<T> {
  return convert(value) as Camelize<T>;
}

function convert(value: unknown): unknown {
  if (Array.isArray(value)) return Object.freeze(value.map(convert));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[camelKey(k)] = convert(v);
  return Object.freeze(out);
}
