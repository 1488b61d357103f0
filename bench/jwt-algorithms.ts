import { SignJWT, generateKeyPair, jwtVerify } from 'jose';

async function rate(durationMs: number, op: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const end = performance.now() + durationMs;
  while (performance.now() < end) {
    await op();
    count++;
  }
  return (count * 1000) / durationMs;
}

/**
 * Why session tokens are ES256: signing happens on the server once per token lifetime per user,
 * verifying on every request of every app backend. This prints both for ES256 and RS256.
 */
export async function jwtAlgorithms(): Promise<void> {
  console.log('\n# JWT algorithms (jose, one core, 2 s each)');
  const claims = { sid: 'sess_x', fva: [0, -1] };
  for (const alg of ['ES256', 'RS256'] as const) {
    const { privateKey, publicKey } = await generateKeyPair(alg);
    const token = await new SignJWT(claims).setProtectedHeader({ alg, kid: 'k' }).setSubject('user_x').setIssuedAt().setExpirationTime('60s').sign(privateKey);
    const sign = await rate(2000, () => new SignJWT(claims).setProtectedHeader({ alg, kid: 'k' }).setSubject('user_x').setIssuedAt().setExpirationTime('60s').sign(privateKey));
    const verify = await rate(2000, () => jwtVerify(token, publicKey, { algorithms: [alg] }));
    console.log(`${alg}  sign ${sign.toFixed(0).padStart(7)}/s   verify ${verify.toFixed(0).padStart(7)}/s   token ${token.length} bytes`);
  }
}
