import { randomUUID } from 'node:crypto';
import { SignJWT, UnsecuredJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK, type JWTPayload } from 'jose';

/** An RS256 signing key: the private JWK for oidc-provider's `jwks`, the CryptoKey to re-sign with. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly privateJwk: JWK;
}

export async function generateSigningKey(kid: string = randomUUID()): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, privateJwk };
}

/** The provider's real key, plus a second key used to forge signatures. */
export interface ProviderKeys {
  readonly real: SigningKey;
  readonly foreign: SigningKey;
}

export async function generateProviderKeys(): Promise<ProviderKeys> {
  const [real, foreign] = await Promise.all([generateSigningKey(), generateSigningKey()]);
  return { real, foreign };
}

export type SignMode = 'real' | 'foreign-key' | 'unknown-kid' | 'none';

/** Signs `payload` as a JWT the way the mode says, keeping the header `typ` if there was one. */
export async function signIdToken(keys: ProviderKeys, payload: JWTPayload, mode: SignMode, typ?: string): Promise<string> {
  if (mode === 'none') return new UnsecuredJWT(payload).encode();
  const key = mode === 'real' ? keys.real.privateKey : keys.foreign.privateKey;
  const kid = mode === 'unknown-kid' ? keys.foreign.kid : keys.real.kid;
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, ...(typ ? { typ } : {}) }).sign(key);
}
