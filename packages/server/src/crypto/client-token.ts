import type { Random } from '../deps.ts';
import { sha256Hex } from './digest.ts';
import { bytesToBase64Url } from './encoding.ts';

/**
 * Client tokens are the value of the `__client` cookie (or the bearer token): 256 random bits,
 * base64url. Only their SHA-256 is stored, so a database leak does not hand out live clients.
 */
export interface IssuedClientToken {
  token: string;
  tokenHash: string;
}

export async function issueClientToken(random: Random): Promise<IssuedClientToken> {
  const token = bytesToBase64Url(random.bytes(32));
  return { token, tokenHash: await sha256Hex(token) };
}

/** 32 bytes in unpadded base64url are exactly 43 characters. */
export function isWellFormedClientToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function hashClientToken(token: string): Promise<string> {
  return sha256Hex(token);
}
