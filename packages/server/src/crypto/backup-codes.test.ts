import { describe, expect, it } from 'vitest';
import { generateBackupCodes, hashBackupCode, normalizeBackupCode } from './backup-codes.ts';
import { webCryptoRandom } from './random.ts';

describe('backup codes', () => {
  it('makes 10 distinct codes of 10 unambiguous characters, shown as xxxxx-xxxxx', () => {
    const codes = generateBackupCodes(webCryptoRandom);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it('reads a typed code whatever its case, spaces and dashes; refuses what cannot be one', () => {
    expect(normalizeBackupCode(' ABCDE-fghjk ')).toBe('abcdefghjk');
    expect(normalizeBackupCode('abcde fghjk')).toBe('abcdefghjk');
    for (const bad of ['', 'abcde', 'abcde-fghjkm', 'abcde-fghj0', 'abcde-fghjl']) expect(normalizeBackupCode(bad)).toBeNull();
  });

  it('hashes a code bound to its user, the same for every way of typing it', async () => {
    const secret = new Uint8Array(32).fill(1);
    const a = await hashBackupCode(secret, 'user_a', 'abcde-fghjk');
    expect(await hashBackupCode(secret, 'user_a', 'ABCDEFGHJK')).toBe(a);
    expect(await hashBackupCode(secret, 'user_b', 'abcde-fghjk')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});
