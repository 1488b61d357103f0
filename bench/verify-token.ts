import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { createTokenVerifier } from '../packages/backend/src/index.ts';

async function rate(durationMs: number, op: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const end = performance.now() + durationMs;
  while (performance.now() < end) {
    await op();
    count++;
  }
  return (count * 1000) / durationMs;
}

const fromBase64Url = (text: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

/**
 * @usher/backend's verifyToken (every check: header, algorithm allow-list, signature, claims)
 * against the floor: one raw WebCrypto signature verify of the same token with the same key.
 * The ratio says what the checks cost; the goal is ≥ 0.8.
 */
export async function verifyTokenBench(): Promise<void> {
  console.log('\n# verifyToken vs raw WebCrypto verify (one core, 2 s each)');
  const issuer = 'https://auth.example.com';
  for (const alg of ['ES256', 'RS256'] as const) {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ sid: 'sess_bench', fva: [0, -1], azp: 'https://app.example.com' })
      .setProtectedHeader({ alg, kid: 'bench', typ: 'JWT' })
      .setIssuer(issuer)
      .setSubject('user_bench')
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 3600)
      .sign(privateKey);
    const verifier = createTokenVerifier({ jwtKey: await exportSPKI(publicKey), issuer, authorizedParties: ['https://app.example.com'] });
    await verifier.verify(token);

    const [header, payload, signature] = token.split('.') as [string, string, string];
    const data = new TextEncoder().encode(`${header}.${payload}`);
    const sig = fromBase64Url(signature);
    const params = alg === 'ES256' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
    const raw = () => crypto.subtle.verify(params, publicKey, sig, data);
    if (!(await raw())) throw new Error('raw verify failed');

    const ours = await rate(2000, () => verifier.verify(token));
    const floor = await rate(2000, raw);
    console.log(`${alg}  verifyToken ${ours.toFixed(0).padStart(7)}/s   raw WebCrypto ${floor.toFixed(0).padStart(7)}/s   ratio ${(ours / floor).toFixed(2)}`);
  }
}
