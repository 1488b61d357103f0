import { describe, expect, it } from 'vitest';
import type { Random } from '../deps.ts';
import { generateVerificationCode, hashVerificationCode, isWellFormedCode, unmatchableCodeHash } from './codes.ts';
import { webCryptoRandom } from './random.ts';

/** A Random that hands out the given 32-bit values, big-endian, one per 4-byte request. */
function scriptedRandom(values: number[]): Random {
  const queue = [...values];
  return {
    bytes(length: number) {
      const value = queue.shift() ?? 0;
      const out = new Uint8Array(length);
      out[0] = (value >>> 24) & 0xff;
      out[1] = (value >>> 16) & 0xff;
      out[2] = (value >>> 8) & 0xff;
      out[3] = value & 0xff;
      return out;
    },
  };
}

describe('verification codes', () => {
  it('are six digits, leading zeros kept', () => {
    expect(generateVerificationCode(scriptedRandom([42]))).toBe('000042');
    for (let i = 0; i < 200; i++) expect(generateVerificationCode(webCryptoRandom)).toMatch(/^[0-9]{6}$/);
  });

  it('redraw values in the biased tail instead of reducing them modulo 10^6', () => {
    // 4_294_967_295 is in the last, incomplete block of 10^6 values: it must be redrawn.
    expect(generateVerificationCode(scriptedRandom([4_294_967_295, 4_294_000_000, 123_456]))).toBe('123456');
    // The last value below the limit (4_294_000_000 - 1) is still used.
    expect(generateVerificationCode(scriptedRandom([4_293_999_999]))).toBe('999999');
  });

  it('spread over all digits (no digit favoured at the first position)', () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 5000; i++) counts[Number(generateVerificationCode(webCryptoRandom)[0])]! += 1;
    for (const count of counts) expect(count).toBeGreaterThan(350);
  });

  it('are recognised only as exactly six ASCII digits', () => {
    expect(isWellFormedCode('012345')).toBe(true);
    for (const bad of ['12345', '1234567', '12345a', ' 123456', '１２３４５６']) expect(isWellFormedCode(bad)).toBe(false);
  });

  it('hash differently for another purpose, owner or address, so a code is bound to what it was sent for', async () => {
    const secret = new Uint8Array(32).fill(7);
    const base = { purpose: 'sign_up' as const, ownerId: 'sua_1', target: 'a@example.com' };
    const hash = await hashVerificationCode(secret, base, '123456');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashVerificationCode(secret, base, '123456')).toBe(hash);
    expect(await hashVerificationCode(secret, { ...base, purpose: 'sign_in' }, '123456')).not.toBe(hash);
    expect(await hashVerificationCode(secret, { ...base, ownerId: 'sua_2' }, '123456')).not.toBe(hash);
    expect(await hashVerificationCode(secret, { ...base, target: 'b@example.com' }, '123456')).not.toBe(hash);
    expect(await hashVerificationCode(new Uint8Array(32).fill(8), base, '123456')).not.toBe(hash);
  });

  it('decoy hashes never equal the hash of any code', async () => {
    const secret = new Uint8Array(32).fill(1);
    const decoy = await unmatchableCodeHash(secret, webCryptoRandom);
    expect(decoy).toMatch(/^[0-9a-f]{64}$/);
    expect(decoy).not.toBe(await unmatchableCodeHash(secret, webCryptoRandom));
  });
});
