import { UsherError } from '../../errors.ts';

export type Metadata = Record<string, unknown>;

/** Each kind of metadata is a small JSON document; bigger data belongs in the app's own database. */
export const MAX_METADATA_BYTES = 4096;

const isObject = (value: unknown): value is Metadata => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Deep-merges `patch` into `current`: objects merge key by key, a key set to null is removed,
 * anything else replaces. Answers a new object; neither input is changed.
 *
 * @example mergeMetadata({ a: { b: 1, c: 2 } }, { a: { c: null, d: 3 } }) // { a: { b: 1, d: 3 } }
 */
export function mergeMetadata(current: Metadata, patch: Metadata): Metadata {
  const out: Metadata = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (isObject(value) && isObject(out[key])) out[key] = mergeMetadata(out[key], value);
    else out[key] = value;
  }
  return out;
}

/** Refuses a metadata document over the size limit (422 on the field, nothing stored). */
export function assertMetadataSize(value: Metadata, paramName: string): Metadata {
  const size = new TextEncoder().encode(JSON.stringify(value)).byteLength;
  if (size > MAX_METADATA_BYTES) {
    throw new UsherError('form_param_value_invalid', { paramName, longMessage: `\`${paramName}\` may be at most ${MAX_METADATA_BYTES} bytes of JSON.` });
  }
  return value;
}
