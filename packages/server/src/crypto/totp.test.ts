import { describe, expect, it } from 'vitest';
import { fromBase32, matchTotp, otpauthUri, toBase32, totpCode, totpStep } from './totp.ts';

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890". The RFC lists
// 8-digit codes; a 6-digit code is the same number modulo 10^6 (its last six digits).
const SEED = new TextEncoder().encode('12345678901234567890');
const RFC_VECTORS: Array<[seconds: number, eightDigits: string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238, SHA-1, 30 s, 6 digits)', () => {
  it('computes the RFC 6238 test vectors', async () => {
    for (const [seconds, code] of RFC_VECTORS) {
      expect(await totpCode(SEED, totpStep(seconds * 1000)), String(seconds)).toBe(code.slice(-6));
    }
  });

  it('accepts the current step and one either side, answering which step matched; nothing further', async () => {
    const now = 1_111_111_111_000;
    const step = totpStep(now);
    for (const offset of [-1, 0, 1]) expect(await matchTotp(SEED, await totpCode(SEED, step + offset), now)).toBe(step + offset);
    for (const offset of [-3, -2, 2, 3]) expect(await matchTotp(SEED, await totpCode(SEED, step + offset), now)).toBeNull();
  });

  it('refuses what is not 6 digits without computing anything', async () => {
    for (const bad of ['', '12345', '1234567', '12a456', ' 123456', '１２３４５６']) expect(await matchTotp(SEED, bad, 0)).toBeNull();
  });

  it('round-trips RFC 4648 base32 (the secret apps read), ignoring case, spaces and padding', () => {
    expect(toBase32(new TextEncoder().encode('foobar'))).toBe('MZXW6YTBOI');
    expect(new TextDecoder().decode(fromBase32('mzxw 6ytb oi======')!)).toBe('foobar');
    const bytes = crypto.getRandomValues(new Uint8Array(20));
    expect(toBase32(bytes)).toMatch(/^[A-Z2-7]{32}$/);
    expect(fromBase32(toBase32(bytes))).toEqual(bytes);
    expect(fromBase32('not base32!')).toBeNull();
  });

  it('builds the otpauth URI with issuer label and parameters, escaped', () => {
    const uri = otpauthUri({ issuer: 'Acme: Inc', account: 'jane+mfa@example.com', secret: 'JBSWY3DPEHPK3PXP' });
    expect(uri).toBe('otpauth://totp/Acme%20Inc:jane%2Bmfa%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme%20Inc&algorithm=SHA1&digits=6&period=30');
    const parsed = new URL(uri);
    expect(parsed.protocol).toBe('otpauth:');
    expect(parsed.searchParams.get('issuer')).toBe('Acme Inc');
  });
});
