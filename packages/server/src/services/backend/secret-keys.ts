import { sha256Hex } from '../../crypto/digest.ts';
import { bytesToBase64Url } from '../../crypto/encoding.ts';
import type { Clock, Random } from '../../deps.ts';
import { createId } from '../../crypto/ids.ts';
import { UsherError } from '../../errors.ts';
import type { ApiKeyRecord, Store } from '../../store/types.ts';

/** `sk_test_` on development instances, `sk_live_` in production: a key says where it belongs. */
export function secretKeyPrefix(environment: 'development' | 'production'): string {
  return environment === 'production' ? 'sk_live_' : 'sk_test_';
}

const KEY_SHAPE = /^sk_(test|live)_[A-Za-z0-9_-]{43}$/;

export interface CreatedSecretKey {
  /** The key itself: shown once, never stored. */
  secretKey: string;
  record: ApiKeyRecord;
}

/**
 * Makes a new Backend API secret key (256 random bits) and stores only its SHA-256 and a hint.
 * Several keys may be live at once, so a rotation is: create the new one, deploy it, revoke the old.
 */
export async function createSecretKey(deps: { store: Store; clock: Clock; random: Random }, input: { environment: 'development' | 'production'; name: string }): Promise<CreatedSecretKey> {
  const secretKey = `${secretKeyPrefix(input.environment)}${bytesToBase64Url(deps.random.bytes(32)).replace(/=+$/, '')}`;
  const record: ApiKeyRecord = {
    id: createId('key', deps.clock, deps.random),
    name: input.name,
    keyHash: await sha256Hex(secretKey),
    hint: `${secretKey.slice(0, 12)}…${secretKey.slice(-4)}`,
    createdAt: deps.clock.now(),
    revokedAt: null,
  };
  await deps.store.insertApiKey(record);
  return { secretKey, record };
}

/**
 * The key a request authenticates with (`Authorization: Bearer sk_…`), or secret_key_invalid.
 * The lookup is by SHA-256, so the stored value never meets the presented one in a comparison
 * whose timing depends on a secret.
 */
export async function authenticateSecretKey(store: Store, authorization: string | undefined): Promise<ApiKeyRecord> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  const presented = match?.[1];
  if (!presented || !KEY_SHAPE.test(presented)) throw new UsherError('secret_key_invalid');
  const key = await store.findApiKeyByHash(await sha256Hex(presented));
  if (!key || key.revokedAt !== null) throw new UsherError('secret_key_invalid');
  return key;
}
