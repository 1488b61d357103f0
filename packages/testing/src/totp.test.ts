import { describe, expect, it } from 'vitest';
import { totpCodeOf } from './totp.ts';

// RFC 6238 appendix B, SHA-1: the seed "12345678901234567890" is GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ in base32.
const SEED = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('totpCodeOf (the tests’ own authenticator)', () => {
  it('computes the RFC 6238 vectors (last six digits)', async () => {
    expect(await totpCodeOf(SEED, 59_000)).toBe('287082');
    expect(await totpCodeOf(SEED, 1_111_111_109_000)).toBe('081804');
    expect(await totpCodeOf(SEED, 2_000_000_000_000)).toBe('279037');
    expect(await totpCodeOf(SEED, 20_000_000_000_000)).toBe('353130');
    expect(await totpCodeOf(SEED, 59_000 + 30_000, -1)).toBe('287082');
  });
});
