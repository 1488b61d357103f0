import type { Clock, Random } from '../deps.ts';
import { bytesToBase32, integerToBase32 } from './encoding.ts';

export type IdPrefix = 'user' | 'sess' | 'client' | 'sia' | 'sua' | 'idn' | 'ver' | 'msg' | 'dev' | 'key' | 'jtmp' | 'whep' | 'img' | 'bkc' | 'totp' | 'oat' | 'eac';

/**
 * A prefixed id: `<prefix>_` + 10 base32 characters of the creation time in milliseconds (so ids
 * sort by creation) + 26 characters carrying 128 random bits (so ids cannot be guessed).
 *
 * @example
 * createId('user', clock, random) // 'user_01jd3m5q7k9x2c4v6b8n0p2r4t6w8y0a2c4e6g8j'
 */
export function createId(prefix: IdPrefix, clock: Clock, random: Random): string {
  const time = integerToBase32(Math.max(0, clock.now()), 10);
  return `${prefix}_${time}${bytesToBase32(random.bytes(16))}`;
}

/** Ids are made of a known prefix and base32 characters only; anything else cannot exist. */
export function isWellFormedId(prefix: IdPrefix, value: string): boolean {
  return value.length === prefix.length + 37 && value.startsWith(`${prefix}_`) && /^[0-9a-z]+$/.test(value.slice(prefix.length + 1));
}
