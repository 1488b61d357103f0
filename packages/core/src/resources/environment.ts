import type { EnvironmentJSON } from '@usher/protocol';
import { camelize, type Camelize } from '../internal/camelize.ts';

/**
 * The instance settings the UI needs (enabled identifiers and strategies, password policy,
 * branding, URLs), camelCased and frozen.
 *
 * @example
 * environment.userSettings.passwordSettings.minLength; // 8
 */
export type Environment = Camelize<EnvironmentJSON>;

export function environmentFromJSON(json: EnvironmentJSON): Environment {
  return camelize(json);
}

export function isEnvironmentJSON(value: unknown): value is EnvironmentJSON {
  return typeof value === 'object' && value !== null && (value as { object?: unknown }).object === 'environment';
}
