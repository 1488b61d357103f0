import { describe, expect, it } from 'vitest';
import { ARGON2_PARAMS, Argon2Hasher } from './argon2-hasher.ts';

/** Reads `$argon2id$v=19$m=19456,t=2,p=1$salt$hash`. */
function parsePhc(phc: string) {
  const [, algorithm, version, params, salt, hash] = phc.split('$');
  const values = Object.fromEntries((params ?? '').split(',').map((pair) => pair.split('=') as [string, string]));
  return { algorithm, version, m: Number(values.m), t: Number(values.t), p: Number(values.p), salt, hash };
}

describe('the argon2id hasher (production)', () => {
  it('uses the OWASP parameters: argon2id, m=19456 KiB, t=2, p=1', async () => {
    const phc = parsePhc(await new Argon2Hasher().hash('correct horse battery'));
    expect(phc).toMatchObject({ algorithm: 'argon2id', version: 'v=19', m: 19456, t: 2, p: 1 });
    expect(ARGON2_PARAMS).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(Buffer.from(phc.salt ?? '', 'base64').length).toBeGreaterThanOrEqual(16);
  });

  it('verifies the right password only', async () => {
    const hasher = new Argon2Hasher();
    const hash = await hasher.hash('pässwörd');
    expect(await hasher.verify(hash, 'pässwörd')).toBe(true);
    expect(await hasher.verify(hash, 'passwörd')).toBe(false);
  });

  it('answers false for a malformed or foreign hash', async () => {
    const hasher = new Argon2Hasher();
    expect(await hasher.verify('$argon2id$garbage', 'x')).toBe(false);
    expect(await hasher.verify('$pbkdf2-sha256$i=1$AAAA$AAAA', 'x')).toBe(false);
  });
});
