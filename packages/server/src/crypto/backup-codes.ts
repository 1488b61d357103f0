/**
 * Backup codes: 10 single-use codes a user keeps for when the authenticator or phone is gone.
 * Each is 10 characters from an alphabet without look-alikes (no 0/o, 1/l/i), about 49 bits, so
 * an HMAC under the instance secret is enough to store them (no slow hash needed), and shown as
 * `xxxxx-xxxxx`. Typed back, case, spaces and dashes do not matter.
 */
import type { Random } from '../deps.ts';
import { hmacSha256Hex } from './digest.ts';

export const BACKUP_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LENGTH = 10;
/** The largest multiple of the alphabet size below 256: bytes at or above it are redrawn (no bias). */
const UNBIASED = Math.floor(256 / ALPHABET.length) * ALPHABET.length;

function generateOne(random: Random): string {
  let out = '';
  while (out.length < LENGTH) {
    for (const byte of random.bytes(16)) {
      if (byte < UNBIASED && out.length < LENGTH) out += ALPHABET[byte % ALPHABET.length];
    }
  }
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** A fresh set of distinct codes, as the user sees them. */
export function generateBackupCodes(random: Random, count = BACKUP_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateOne(random));
  return [...codes];
}

/** The canonical form of a typed code (lower case, no spaces or dashes), or null when it cannot be one. */
export function normalizeBackupCode(typed: string): string | null {
  const clean = typed.toLowerCase().replace(/[\s-]/g, '');
  return clean.length === LENGTH && [...clean].every((c) => ALPHABET.includes(c)) ? clean : null;
}

/** What is stored: HMAC-SHA-256 over the user and the canonical code. */
export function hashBackupCode(secret: Uint8Array, userId: string, code: string): Promise<string> {
  return hmacSha256Hex(secret, `backup_code:${userId}:${normalizeBackupCode(code) ?? code}`);
}
