import { generateKeyPairSync } from 'node:crypto';
import { exportPKCS8, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { TokenVerificationError, type TokenVerificationErrorReason } from '../errors.ts';
import { createJwksClient } from '../jwks/jwks-client.ts';
import { createTokenVerifier, verifyToken, type VerifyTokenOptions } from './verify-token.ts';

// Specifications of jwtKey (PEM) mode with keys generated here, and of misconfiguration.

const ISSUER = 'https://auth.example.com';
const NOW = Date.UTC(2030, 0, 1, 12);
const iat = Math.floor(NOW / 1000);
const claims = { iss: ISSUER, sub: 'user_1', sid: 'sess_1', azp: 'https://app.example.com', iat, nbf: iat, exp: iat + 60, fva: [3, -1] };

async function reasonOf(promise: Promise<unknown>): Promise<TokenVerificationErrorReason> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TokenVerificationError)) throw new Error(`expected a TokenVerificationError, got ${String(error)}`);
  return error.reason;
}

describe('verifyToken with jwtKey (an SPKI PEM), no network', () => {
  it('verifies an ES256 token with a P-256 public key', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const token = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'any', typ: 'JWT' }).sign(privateKey);

    await expect(verifyToken(token, { jwtKey: await exportSPKI(publicKey), issuer: ISSUER, authorizedParties: ['https://app.example.com'], clock: () => NOW })).resolves.toEqual(
      claims,
    );
  });

  it('verifies an RS256 token with an RSA public key', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(privateKey);

    await expect(verifyToken(token, { jwtKey: await exportSPKI(publicKey), issuer: ISSUER, clock: () => NOW })).resolves.toEqual(claims);
  });

  it("the token's algorithm must fit the type of the key", async () => {
    const ec = await generateKeyPair('ES256', { extractable: true });
    const rsa = await generateKeyPair('RS256', { extractable: true });
    const es256Token = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).sign(ec.privateKey);
    const rs256Token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).sign(rsa.privateKey);

    expect(await reasonOf(verifyToken(es256Token, { jwtKey: await exportSPKI(rsa.publicKey), issuer: ISSUER, clock: () => NOW }))).toBe('token-invalid-algorithm');
    expect(await reasonOf(verifyToken(rs256Token, { jwtKey: await exportSPKI(ec.publicKey), issuer: ISSUER, clock: () => NOW }))).toBe('token-invalid-algorithm');
  });

  it('a PEM that is not a P-256 or RSA ≥ 2048 public key is jwk-local-invalid', async () => {
    const ec = await generateKeyPair('ES256', { extractable: true });
    const token = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).sign(ec.privateKey);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const ed25519 = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }) as string;

    for (const jwtKey of ['not a pem', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', p384, rsa1024, ed25519, await exportPKCS8(ec.privateKey)]) {
      expect(await reasonOf(verifyToken(token, { jwtKey, issuer: ISSUER, clock: () => NOW }))).toBe('jwk-local-invalid');
    }
  });

  it('a verifier imports its PEM once and keeps verifying', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const verifier = createTokenVerifier({ jwtKey: await exportSPKI(publicKey), issuer: ISSUER, clock: () => NOW });
    for (let i = 0; i < 3; i++) {
      const token = await new SignJWT({ ...claims, sid: `sess_${i}` }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
      await expect(verifier.verify(token)).resolves.toMatchObject({ sid: `sess_${i}` });
    }
  });
});

describe('misconfiguration is a TypeError, thrown when the verifier is created', () => {
  it('needs exactly one key source, an issuer, and sane options', async () => {
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jwtKey = await exportSPKI(publicKey);
    const jwks = createJwksClient({ jwksUrl: 'https://auth.example.com/.well-known/jwks.json' });
    const wrong: unknown[] = [
      { issuer: ISSUER },
      { jwtKey, jwks, issuer: ISSUER },
      { jwtKey, jwksUrl: 'https://auth.example.com/.well-known/jwks.json', issuer: ISSUER },
      { jwtKey },
      { jwtKey, issuer: '' },
      { jwtKey, issuer: [] },
      { jwtKey, issuer: ISSUER, authorizedParties: [] },
      { jwtKey, issuer: ISSUER, authorizedParties: 'https://app.example.com' },
      { jwtKey, issuer: ISSUER, clockSkewInMs: -1 },
      { jwtKey, issuer: ISSUER, clockSkewInMs: Number.POSITIVE_INFINITY },
      { jwtKey: '', issuer: ISSUER },
      { jwks: {}, issuer: ISSUER },
      { jwksUrl: '/.well-known/jwks.json', issuer: ISSUER },
      { jwksUrl: 'ftp://auth.example.com/jwks.json', issuer: ISSUER },
    ];
    for (const options of wrong) {
      expect(() => createTokenVerifier(options as VerifyTokenOptions), JSON.stringify(options)).toThrow(TypeError);
      await expect(verifyToken('a.b.c', options as VerifyTokenOptions)).rejects.toThrow(TypeError);
    }
  });
});
