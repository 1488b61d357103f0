import type { Random } from '../deps.ts';
import type { VerificationPurpose } from '../store/types.ts';
import { hmacSha256Hex } from './digest.ts';
import { bytesToHex } from './encoding.ts';
import { randomUint32 } from './random.ts';

export const CODE_DIGITS = 6;
const CODE_SPACE = 10 ** CODE_DIGITS;
/** The largest multiple of 10^6 below 2^32: values at or above it are redrawn, so no digit is favoured. */
const UNBIASED_LIMIT = Math.floor(2 ** 32 / CODE_SPACE) * CODE_SPACE;

/** A 6-digit code, uniform over 000000–999999 (rejection sampling, no modulo bias). */
export function generateVerificationCode(random: Random): string {
  for (;;) {
    const value = randomUint32(random);
    if (value < UNBIASED_LIMIT) return String(value % CODE_SPACE).padStart(CODE_DIGITS, '0');
  }
}

export function isWellFormedCode(code: string): boolean {
  return /^[0-9]{6}$/.test(code);
}

export interface CodeBinding {
  purpose: VerificationPurpose;
  /** The sign-in, sign-up or email address the code was sent for. */
  ownerId: string;
  /** Where the code was sent (the email address): a code sent to one address never verifies another. */
  target: string;
}

/**
 * What is stored instead of the code: HMAC-SHA-256 under the instance secret over the code and
 * what it is bound to. A sign-up code therefore fails at sign-in, and a code sent to an old address
 * fails once the address changed.
 */
export function hashVerificationCode(secret: Uint8Array, binding: CodeBinding, code: string): Promise<string> {
  return hmacSha256Hex(secret, `code:${binding.purpose}:${binding.ownerId}:${binding.target}:${code}`);
}

/**
 * A stored hash that no code can ever match: used where the API must look as if it sent a code
 * but must not (unknown identifiers, addresses that already belong to someone).
 */
export function unmatchableCodeHash(secret: Uint8Array, random: Random): Promise<string> {
  return hmacSha256Hex(secret, `decoy:${bytesToHex(random.bytes(32))}`);
}
