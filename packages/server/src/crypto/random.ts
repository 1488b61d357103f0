import type { Random } from '../deps.ts';

/**
 * The production source of randomness: WebCrypto's CSPRNG (Node, browsers, workers).
 *
 * @example
 * createUsherApp({ ..., random: webCryptoRandom });
 */
export const webCryptoRandom: Random = {
  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    // getRandomValues fills at most 65536 bytes per call.
    for (let offset = 0; offset < length; offset += 65536) {
      crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + 65536)));
    }
    return out;
  },
};

/** A uniform float in [0, 1) with 53 bits of precision, from the injected source. */
export function randomFloat(random: Random): number {
  const b = random.bytes(7);
  // 53 bits: 5 bits of the first byte and the 48 bits of the 6 others.
  let value = (b[0] ?? 0) & 0x1f;
  for (let i = 1; i < 7; i++) value = value * 256 + (b[i] ?? 0);
  return value / 2 ** 53;
}

/** A uniform 32-bit unsigned integer. */
export function randomUint32(random: Random): number {
  const b = random.bytes(4);
  return (((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0;
}
