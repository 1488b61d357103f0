import type { ProtectedHeaderParameters } from 'jose';
import type { SessionTokenClaims } from '@usher/protocol';
import { TokenVerificationError } from '../errors.ts';
import { decodeBase64 } from '../internal/base64.ts';
import { isSessionTokenAlgorithm, SESSION_TOKEN_ALGORITHMS, type SessionTokenAlgorithm } from '../jwks/import-public-jwk.ts';
import { createJwksClient, type JwksClient } from '../jwks/jwks-client.ts';
import { assertSessionTokenClaims, type IssuerMatcher } from './assert-claims.ts';
import { importPemKey, type LocalKey } from './import-pem-key.ts';

/** Where the verification key comes from: exactly one of `jwtKey`, `jwks`, `jwksUrl`. */
export type VerificationKeySource =
  | {
      /** The SPKI PEM of the instance's public key: networkless verification. */
      jwtKey: string;
      jwks?: never;
      jwksUrl?: never;
    }
  | {
      /** A JWKS client, kept for the life of the process so its cache is reused. */
      jwks: JwksClient;
      jwtKey?: never;
      jwksUrl?: never;
    }
  | {
      /**
       * The URL of the JWKS. A verifier built from it owns one JwksClient; `verifyToken` builds a
       * new one (an empty cache, so a fetch) on every call: long-lived servers use
       * `createTokenVerifier` or pass `jwks: createJwksClient(...)`.
       */
      jwksUrl: string;
      jwtKey?: never;
      jwks?: never;
    };

export type VerifyTokenOptions = VerificationKeySource & {
  /** The expected `iss`: the server's public URL (no trailing slash), a list of them, or a predicate. */
  issuer: IssuerMatcher;
  /** When given, `azp` must be present and one of these origins (e.g. `['https://app.example.com']`). */
  authorizedParties?: readonly string[];
  /** Tolerance for the difference between the server's clock and this one. Default 5000. */
  clockSkewInMs?: number;
  /** Unix milliseconds; defaults to `Date.now`. */
  clock?: () => number;
};

/** Verifies session tokens with one configuration (and one JWKS cache). */
export interface TokenVerifier {
  /** The token's claims, or a rejection with a TokenVerificationError and its reason. */
  verify(token: string): Promise<SessionTokenClaims>;
}

/** Longer than any session token a cookie can carry; refusing bigger input bounds the work an attacker can cause. */
const MAX_TOKEN_LENGTH = 16 * 1024;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
/** Headers that would let the token choose its own key. */
const FORBIDDEN_HEADERS = ['jwk', 'jku', 'x5u', 'x5c', 'crit'] as const;
const DEFAULT_CLOCK_SKEW_MS = 5_000;

type KeyResolver = (header: ProtectedHeaderParameters, alg: SessionTokenAlgorithm) => Promise<CryptoKey>;

function checkIssuer(issuer: unknown): IssuerMatcher {
  if (typeof issuer === 'function') return issuer as (iss: string) => boolean;
  if (typeof issuer === 'string' && issuer.length > 0) return issuer;
  if (Array.isArray(issuer) && issuer.length > 0 && issuer.every((i) => typeof i === 'string' && i.length > 0)) return [...(issuer as string[])];
  throw new TypeError('issuer must be a non-empty string, a non-empty list of strings, or a function.');
}

function checkAuthorizedParties(parties: unknown): readonly string[] | undefined {
  if (parties === undefined) return undefined;
  if (Array.isArray(parties) && parties.length > 0 && parties.every((p) => typeof p === 'string' && p.length > 0)) return [...(parties as string[])];
  // An empty list would either accept everything or nothing; both are surprising, so it is a mistake.
  throw new TypeError('authorizedParties must be a non-empty list of origins; leave it out to accept any azp.');
}

function keyResolver(options: VerifyTokenOptions): KeyResolver {
  const { jwtKey, jwks, jwksUrl } = options as { jwtKey?: unknown; jwks?: unknown; jwksUrl?: unknown };
  const given = [jwtKey, jwks, jwksUrl].filter((source) => source !== undefined).length;
  if (given !== 1) throw new TypeError('Pass exactly one of jwtKey, jwks and jwksUrl.');

  if (jwtKey !== undefined) {
    if (typeof jwtKey !== 'string' || jwtKey.trim() === '') throw new TypeError('jwtKey must be a PEM string.');
    let local: Promise<LocalKey> | undefined;
    return async (_header, alg) => {
      local ??= importPemKey(jwtKey);
      const { alg: keyAlg, key } = await local;
      if (alg !== keyAlg) throw new TokenVerificationError('token-invalid-algorithm', 'The alg of the token does not match the type of jwtKey.');
      return key;
    };
  }

  let client: JwksClient;
  if (jwks !== undefined) {
    if (typeof jwks !== 'object' || jwks === null || typeof (jwks as JwksClient).getKey !== 'function') throw new TypeError('jwks must be a JwksClient (createJwksClient).');
    client = jwks as JwksClient;
  } else {
    client = createJwksClient({ jwksUrl: jwksUrl as string, ...(options.clock ? { clock: options.clock } : {}) });
  }
  return async (header, alg) => {
    if (typeof header.kid !== 'string' || header.kid === '') throw new TokenVerificationError('jwk-kid-mismatch', 'The token has no kid, which a JWKS needs to pick the key.');
    const found = await client.getKey(header.kid);
    if (found.alg !== alg) throw new TokenVerificationError('token-invalid-algorithm', 'The alg of the token does not match its key in the JWKS.');
    return found.key;
  };
}

/** A compact JWS split into its parts, its header decoded and checked. */
interface ParsedToken {
  header: ProtectedHeaderParameters;
  alg: SessionTokenAlgorithm;
  signingInput: Uint8Array<ArrayBuffer>;
  payload: string;
  signature: string;
}

const textDecoder = new TextDecoder('utf-8', { fatal: true });
const textEncoder = new TextEncoder();

function decodeJsonPart(part: string): unknown {
  const bytes = decodeBase64(part);
  if (!bytes) return undefined;
  try {
    return JSON.parse(textDecoder.decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/** Structure and header checks, before any key is looked up. */
function readToken(token: unknown): ParsedToken {
  if (typeof token !== 'string' || token.length === 0) throw new TokenVerificationError('token-invalid', 'No token was given.');
  if (token.length > MAX_TOKEN_LENGTH) throw new TokenVerificationError('token-invalid', 'The token is too long.');
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] === '' || parts[1] === '' || !parts.every((part) => BASE64URL.test(part))) {
    throw new TokenVerificationError('token-invalid', 'The token is not a compact JWS (three base64url parts).');
  }
  const [encodedHeader, payload, signature] = parts as [string, string, string];
  const header = decodeJsonPart(encodedHeader);
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw new TokenVerificationError('token-invalid', 'The token header is not a base64url JSON object.');
  }
  for (const name of FORBIDDEN_HEADERS) {
    if (Object.hasOwn(header, name)) throw new TokenVerificationError('token-invalid', `The token header carries "${name}", which is never accepted.`);
  }
  const alg = (header as ProtectedHeaderParameters).alg;
  if (!isSessionTokenAlgorithm(alg)) {
    throw new TokenVerificationError('token-invalid-algorithm', `The token's alg is not one of ${SESSION_TOKEN_ALGORITHMS.join(', ')}.`);
  }
  return { header: header as ProtectedHeaderParameters, alg, signingInput: textEncoder.encode(`${encodedHeader}.${payload}`), payload, signature };
}

const VERIFY_PARAMS: Record<SessionTokenAlgorithm, AlgorithmIdentifier | EcdsaParams> = {
  ES256: { name: 'ECDSA', hash: 'SHA-256' },
  RS256: { name: 'RSASSA-PKCS1-v1_5' },
};

/**
 * The signature, checked with WebCrypto directly (the key's algorithm was matched to `alg`
 * already), then the payload decoded. An ES256 signature is the 64-byte r‖s of JWS.
 */
async function verifySignature(parsed: ParsedToken, key: CryptoKey): Promise<unknown> {
  const signature = decodeBase64(parsed.signature);
  if (!signature || (parsed.alg === 'ES256' && signature.byteLength !== 64)) throw new TokenVerificationError('token-invalid-signature', 'The token signature is invalid.');
  let valid: boolean;
  try {
    valid = await crypto.subtle.verify(VERIFY_PARAMS[parsed.alg], key, signature, parsed.signingInput);
  } catch (error) {
    throw new TokenVerificationError('token-invalid-algorithm', 'The key cannot verify this algorithm.', { cause: error });
  }
  if (!valid) throw new TokenVerificationError('token-invalid-signature', 'The token signature is invalid.');
  const payload = decodeJsonPart(parsed.payload);
  if (payload === undefined) throw new TokenVerificationError('token-invalid', 'The token payload is not JSON.');
  return payload;
}

/**
 * A session-token verifier that keeps its key (and, with `jwksUrl`, its JWKS cache) across calls:
 * the way to verify in a long-lived server. Misconfiguration throws a TypeError right away.
 *
 * The rules: the algorithm is ES256 or RS256 and matches the key (never `none`, never HMAC); a
 * header carrying `jwk`, `jku`, `x5u`, `x5c` or `crit` is refused; with a JWKS, `kid` is required
 * and picks the key; the signature is checked before any claim; then `iss`, `azp` (when
 * `authorizedParties` is set), `exp`, `nbf` and `iat` (each with `clockSkewInMs`); `sub` and `sid`
 * are required.
 *
 * @example
 * const verifier = createTokenVerifier({
 *   jwksUrl: 'https://auth.example.com/.well-known/jwks.json',
 *   issuer: 'https://auth.example.com',
 *   authorizedParties: ['https://app.example.com'],
 * });
 * const { sub: userId, sid: sessionId } = await verifier.verify(token);
 */
export function createTokenVerifier(options: VerifyTokenOptions): TokenVerifier {
  if (typeof options !== 'object' || options === null) throw new TypeError('createTokenVerifier needs options.');
  const resolveKey = keyResolver(options);
  const issuer = checkIssuer(options.issuer);
  const authorizedParties = checkAuthorizedParties(options.authorizedParties);
  const clockSkewInMs = options.clockSkewInMs ?? DEFAULT_CLOCK_SKEW_MS;
  if (typeof clockSkewInMs !== 'number' || !Number.isFinite(clockSkewInMs) || clockSkewInMs < 0) throw new TypeError('clockSkewInMs must be a finite number ≥ 0.');
  const clock = options.clock ?? Date.now;
  if (typeof clock !== 'function') throw new TypeError('clock must be a function.');

  return {
    async verify(token) {
      const parsed = readToken(token);
      const key = await resolveKey(parsed.header, parsed.alg);
      const payload = await verifySignature(parsed, key);
      return assertSessionTokenClaims(payload, { issuer, authorizedParties, clockSkewInMs, now: clock() });
    },
  };
}

/**
 * Verifies one session token and answers its claims; rejects with a TokenVerificationError whose
 * `reason` says why. Same rules as `createTokenVerifier`. With `jwksUrl`, each call creates (and
 * fetches into) a fresh JWKS client: in a long-lived server, keep a `createTokenVerifier(...)`, or
 * pass `jwks: createJwksClient(...)`, so the key set is cached.
 *
 * @example
 * const claims = await verifyToken(token, {
 *   jwtKey: publicKeyPem, // the instance's public key, "-----BEGIN PUBLIC KEY-----…"
 *   issuer: 'https://auth.example.com',
 * });
 */
export async function verifyToken(token: string, options: VerifyTokenOptions): Promise<SessionTokenClaims> {
  return createTokenVerifier(options).verify(token);
}
