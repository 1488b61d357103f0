import { describe, expect, it } from 'vitest';
import { webCryptoRandom } from './random.ts';
import { openSecret, sealSecret } from './sealed-secret.ts';

const key = (fill: number) => new Uint8Array(32).fill(fill);

describe('sealed secrets (AES-256-GCM under an HKDF key of the instance secret)', () => {
  it('opens what it sealed; a fresh nonce makes every seal different', async () => {
    const secret = new Uint8Array([1, 2, 3, 4, 5]);
    const a = await sealSecret(key(7), webCryptoRandom, 'totp', secret);
    const b = await sealSecret(key(7), webCryptoRandom, 'totp', secret);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\./);
    expect(await openSecret(key(7), 'totp', a)).toEqual(secret);
  });

  it('does not open under another instance secret, another purpose, or after tampering', async () => {
    const sealed = await sealSecret(key(7), webCryptoRandom, 'totp', new Uint8Array([9, 9, 9]));
    expect(await openSecret(key(8), 'totp', sealed)).toBeNull();
    expect(await openSecret(key(7), 'other', sealed)).toBeNull();
    const [v, iv, body] = sealed.split('.');
    const flipped = body!.slice(0, -2) + (body!.at(-2) === 'A' ? 'B' : 'A') + body!.at(-1);
    expect(await openSecret(key(7), 'totp', `${v}.${iv}.${flipped}`)).toBeNull();
    for (const junk of ['', 'v1', 'v2.a.b', 'v1.!!.??']) expect(await openSecret(key(7), 'totp', junk)).toBeNull();
  });
});
