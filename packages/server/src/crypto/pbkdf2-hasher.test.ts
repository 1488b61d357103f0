import { describe, expect, it } from 'vitest';
import { createPbkdf2Hasher, parsePbkdf2Hash } from './pbkdf2-hasher.ts';

describe('the PBKDF2 hasher (tests and browsers only; production uses argon2id)', () => {
  it('verifies the right password and refuses another', async () => {
    const hasher = createPbkdf2Hasher({ iterations: 1000 });
    const hash = await hasher.hash('correct horse');
    expect(await hasher.verify(hash, 'correct horse')).toBe(true);
    expect(await hasher.verify(hash, 'correct horsf')).toBe(false);
  });

  it('writes a PHC-like string with its parameters and a fresh salt', async () => {
    const hasher = createPbkdf2Hasher({ iterations: 1234 });
    const a = await hasher.hash('same');
    const b = await hasher.hash('same');
    expect(a).toMatch(/^\$pbkdf2-sha256\$i=1234\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(a).not.toBe(b);
    expect(parsePbkdf2Hash(a)?.iterations).toBe(1234);
  });

  it('defaults to 600 000 iterations', async () => {
    const hash = await createPbkdf2Hasher().hash('x');
    expect(parsePbkdf2Hash(hash)?.iterations).toBe(600_000);
  });

  it('treats malformed or foreign hashes as a failed verification', async () => {
    const hasher = createPbkdf2Hasher({ iterations: 1000 });
    for (const bad of ['', 'plain', '$argon2id$v=19$m=19456,t=2,p=1$abc$def', '$pbkdf2-sha256$i=99999999999$AAAA$AAAA', '$pbkdf2-sha256$i=10$!!$AAAA']) {
      expect(await hasher.verify(bad, 'x')).toBe(false);
    }
  });

  it('refuses absurd iteration counts at construction', () => {
    expect(() => createPbkdf2Hasher({ iterations: 0 })).toThrow(TypeError);
    expect(() => createPbkdf2Hasher({ iterations: 1.5 })).toThrow(TypeError);
  });
});
