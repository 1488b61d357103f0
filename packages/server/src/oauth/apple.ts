import { importPKCS8, SignJWT } from 'jose';

/**
 * Apple's client secret is a short-lived ES256 JWT signed with the team's private key
 * (iss = team id, sub = the Services ID, aud = Apple). Made fresh for each code exchange.
 */
export async function appleClientSecret(input: { teamId: string; keyId: string; clientId: string; privateKeyPem: string; now: number }): Promise<string> {
  const key = await importPKCS8(input.privateKeyPem, 'ES256');
  const iat = Math.floor(input.now / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: input.keyId })
    .setIssuer(input.teamId)
    .setSubject(input.clientId)
    .setAudience('https://appleid.apple.com')
    .setIssuedAt(iat)
    .setExpirationTime(iat + 300)
    .sign(key);
}
