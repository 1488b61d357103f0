/** Test-only: an ES256 key pair and tokens shaped like Usher's session tokens. */
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';

export const ISSUER = 'https://auth.example.com';
export const APP = 'https://app.example.com';

export async function testKeys() {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwtKey = await exportSPKI(publicKey);
  const mint = (claims: Record<string, unknown> = {}, o: { iat?: number; lifetime?: number } = {}) => {
    const iat = o.iat ?? Math.floor(Date.now() / 1000);
    return new SignJWT({ sid: 'sess_1', fva: [0, -1], azp: APP, ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setSubject('user_1')
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + (o.lifetime ?? 60))
      .sign(privateKey);
  };
  return { jwtKey, mint, options: { jwtKey, issuer: ISSUER, authorizedParties: [APP] } };
}
