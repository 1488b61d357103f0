import type { Random } from '../deps.ts';
import type { Store } from '../store/types.ts';
import { base64ToBytes, bytesToBase64Url } from './encoding.ts';

export const INSTANCE_SECRET_KEY = 'instance_secret';

/**
 * The instance's HMAC key (32 random bytes), created by whichever instance starts first; all
 * instances then read the same one (putSettingIfAbsent: first writer wins).
 */
export async function loadInstanceSecret(store: Store, random: Random): Promise<Uint8Array> {
  const stored = await store.putSettingIfAbsent<string>(INSTANCE_SECRET_KEY, bytesToBase64Url(random.bytes(32)));
  const bytes = typeof stored === 'string' ? base64ToBytes(stored) : null;
  if (!bytes || bytes.length < 32) throw new TypeError('The stored instance secret is malformed.');
  return bytes;
}
