import { utf8 } from './encoding.ts';

/**
 * Compares two byte strings in time that depends only on their lengths, not on where they differ.
 * Lengths are not secret here (hashes and codes have fixed lengths).
 */
export function timingSafeEqualBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** Constant-time comparison of two strings (compared as UTF-8 bytes). */
export function timingSafeEqual(a: string, b: string): boolean {
  return timingSafeEqualBytes(utf8(a), utf8(b));
}
