import { importSPKI } from 'jose';
import { TokenVerificationError } from '../errors.ts';
import { hasRsaModulusOf, type SessionTokenAlgorithm } from '../jwks/import-public-jwk.ts';

export interface LocalKey {
  alg: SessionTokenAlgorithm;
  key: CryptoKey;
}

/**
 * Imports a `jwtKey` (an SPKI "PUBLIC KEY" PEM). The key's type decides the one algorithm it
 * verifies: a P-256 key ES256, an RSA key (≥ 2048 bits) RS256.
 */
export async function importPemKey(pem: string): Promise<LocalKey> {
  const text = pem.trim();
  for (const alg of ['ES256', 'RS256'] as const) {
    try {
      const key = await importSPKI(text, alg);
      if (alg === 'RS256' && !hasRsaModulusOf(key, 2048)) break;
      return { alg, key };
    } catch {
      // Not a key of this type: try the next one.
    }
  }
  throw new TokenVerificationError('jwk-local-invalid', 'jwtKey is not an SPKI PEM of a P-256 or RSA (≥ 2048 bits) public key.');
}
