import type { PasswordHasher } from '../deps.ts';
import { timingSafeEqualBytes } from './constant-time.ts';
import { base64ToBytes, bytesToBase64, utf8 } from './encoding.ts';

export interface Pbkdf2HasherOptions {
  /** PBKDF2 iterations for new hashes. Default 600 000 (OWASP for PBKDF2-HMAC-SHA256). */
  iterations?: number;
}

const PREFIX = '$pbkdf2-sha256$';
/** A stored hash asking for more work than this is refused rather than computed (it would stall the server). */
const MAX_ITERATIONS = 10_000_000;

/**
 * A password hasher on WebCrypto PBKDF2-SHA256, for where no native module loads: tests, MSW in
 * the browser, Storybook. It is NOT the production hasher: production uses argon2id
 * (`createArgon2Hasher` from `@usher/server/node`), which is memory-hard.
 *
 * Hashes look like `$pbkdf2-sha256$i=600000$<salt b64>$<hash b64>` (PHC-like).
 *
 * @example
 * const hasher = createPbkdf2Hasher({ iterations: 1_000 }); // fast, for tests only
 */
export function createPbkdf2Hasher(options: Pbkdf2HasherOptions = {}): PasswordHasher {
  const iterations = options.iterations ?? 600_000;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new TypeError(`iterations must be an integer between 1 and ${MAX_ITERATIONS}`);
  }
  return {
    async hash(password: string): Promise<string> {
      const salt = crypto.getRandomValues(new Uint8Array(16));
      const derived = await derive(password, salt, iterations);
      return `${PREFIX}i=${iterations}$${bytesToBase64(salt)}$${bytesToBase64(derived)}`;
    },
    async verify(hash: string, password: string): Promise<boolean> {
      const parsed = parsePbkdf2Hash(hash);
      if (!parsed) return false;
      const derived = await derive(password, parsed.salt, parsed.iterations);
      return timingSafeEqualBytes(derived, parsed.hash);
    },
  };
}

export function parsePbkdf2Hash(hash: string): { iterations: number; salt: Uint8Array<ArrayBuffer>; hash: Uint8Array } | null {
  if (!hash.startsWith(PREFIX)) return null;
  const [params, saltText, hashText, extra] = hash.slice(PREFIX.length).split('$');
  if (params === undefined || saltText === undefined || hashText === undefined || extra !== undefined) return null;
  const match = /^i=([0-9]{1,8})$/.exec(params);
  const iterations = match ? Number(match[1]) : NaN;
  const salt = base64ToBytes(saltText);
  const digest = base64ToBytes(hashText);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS || !salt || !digest || digest.length !== 32) return null;
  return { iterations, salt, hash: digest };
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', utf8(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}
