import type { Store } from '../store/types.ts';
import { defaultInstanceConfig, INSTANCE_CONFIG_KEY, type InstanceConfig } from './instance.ts';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends Array<unknown> ? T[K] : T[K] extends object | null ? DeepPartial<T[K]> : T[K] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Free-form documents inside the settings: a stored value replaces the base whole (null included). */
const OPAQUE_PATHS = new Set(['sessionToken.customClaims']);

/** Merges a stored (possibly older, partial) document over the defaults, key by key; arrays replace. */
export function mergeInstanceConfig(base: InstanceConfig, stored: DeepPartial<InstanceConfig> | null | undefined): InstanceConfig {
  return mergeValue(base, stored, '') as InstanceConfig;
}

function mergeValue(base: unknown, patch: unknown, path: string): unknown {
  if (OPAQUE_PATHS.has(path)) return structuredClone(patch === undefined ? base : patch);
  // A missing section, or a null where a section belongs, keeps the default.
  if (patch === undefined || (patch === null && isPlainObject(base))) return structuredClone(base);
  if (!isPlainObject(base) || !isPlainObject(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(base)) out[key] = mergeValue(base[key], patch[key], path ? `${path}.${key}` : key);
  return out;
}

/**
 * The instance settings in effect: the stored document (edits through the Backend API or the
 * CLI) merged over `base` (the host's settings, else the defaults).
 */
export async function loadInstanceConfig(store: Store, base: InstanceConfig = defaultInstanceConfig()): Promise<InstanceConfig> {
  const stored = await store.getSetting<DeepPartial<InstanceConfig>>(INSTANCE_CONFIG_KEY);
  return mergeInstanceConfig(base, stored);
}

export type { DeepPartial };
