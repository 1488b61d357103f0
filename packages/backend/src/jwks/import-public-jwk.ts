import { importJWK, type JWK } from 'jose';

/** The only signature algorithms a session token may use. Fixed: never taken from a token or a key set. */
export const SESSION_TOKEN_ALGORITHMS = ['ES256', 'RS256'] as const;
export type SessionTokenAlgorithm = (typeof SESSION_TOKEN_ALGORITHMS)[number];

export function isSessionTokenAlgorithm(value: unknown): value is SessionTokenAlgorithm {
  return value === 'ES256' || value === 'RS256';
}

/** A verification key of a JWKS, imported once and kept for every token it verifies. */
export interface JwksKey {
  readonly kid: string;
  readonly alg: SessionTokenAlgorithm;
  readonly key: CryptoKey;
}

/** RSA keys shorter than this are refused (jose would refuse them at verification time anyway). */
const MIN_RSA_BITS = 2048;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function algorithmOf(jwk: Record<string, unknown>): SessionTokenAlgorithm | null {
  if (jwk.alg !== undefined) return isSessionTokenAlgorithm(jwk.alg) ? jwk.alg : null;
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  if (jwk.kty === 'RSA') return 'RS256';
  return null;
}

/**
 * Imports one entry of a key set as a public verification key, or answers null when the entry is
 * not usable for session tokens (another `use`, an algorithm outside the allow-list, no `kid`, a
 * malformed or too-short key). Only the public members are imported, so a key set that leaks a
 * private member (`d`, `p`, …) still yields a public key.
 */
export async function importPublicJwk(entry: unknown): Promise<JwksKey | null> {
  if (!isRecord(entry) || !nonEmptyString(entry.kid)) return null;
  if (entry.use !== undefined && entry.use !== 'sig') return null;
  if (entry.key_ops !== undefined && !(Array.isArray(entry.key_ops) && entry.key_ops.includes('verify'))) return null;
  const alg = algorithmOf(entry);
  if (!alg) return null;

  let publicJwk: JWK;
  if (alg === 'ES256') {
    if (entry.kty !== 'EC' || entry.crv !== 'P-256' || !nonEmptyString(entry.x) || !nonEmptyString(entry.y)) return null;
    publicJwk = { kty: 'EC', crv: 'P-256', x: entry.x, y: entry.y };
  } else {
    if (entry.kty !== 'RSA' || !nonEmptyString(entry.n) || !nonEmptyString(entry.e)) return null;
    publicJwk = { kty: 'RSA', n: entry.n, e: entry.e };
  }

  let key: CryptoKey | Uint8Array;
  try {
    key = await importJWK(publicJwk, alg);
  } catch {
    return null;
  }
  if (key instanceof Uint8Array) return null;
  if (alg === 'RS256' && !hasRsaModulusOf(key, MIN_RSA_BITS)) return null;
  return { kid: entry.kid, alg, key };
}

/** True when `key` is an RSA key at least `bits` long. */
export function hasRsaModulusOf(key: CryptoKey, bits: number): boolean {
  const { modulusLength } = key.algorithm as Partial<RsaHashedKeyAlgorithm>;
  return typeof modulusLength === 'number' && modulusLength >= bits;
}
