import type { Store } from '../store/types.ts';
import { defaultInstanceConfig, INSTANCE_CONFIG_KEY, type InstanceConfig } from './instance.ts';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends Array<unknown> ? T[K] : T[K] extends object | null ? DeepPartial<T[K]> : T[K] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges a stored (possibly older, partial) document over the defaults, key by key; arrays replace. */
export function mergeInstanceConfig(base: InstanceConfig, stored: DeepPartial<InstanceConfig> | null | undefined): InstanceConfig {
  return mergeValue(base, stored) as InstanceConfig;
}

function mergeValue(base: unknown, patch: unknown): unknown {
  // A missing section, or a null where a section belongs, keeps the default.
  if (patch === undefined || (patch === null && isPlainObject(base))) return structuredClone(base);
  if (!isPlainObject(base) || !isPlainObject(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(base)) out[key] = mergeValue(base[key], patch[key]);
  return out;
}

/** The instance settings in effect: the stored document merged over the defaults. */
export async function loadInstanceConfig(store: Store): Promise<InstanceConfig> {
  const stored = await store.getSetting<DeepPartial<InstanceConfig>>(INSTANCE_CONFIG_KEY);
  return mergeInstanceConfig(defaultInstanceConfig(), stored);
}
