import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { MAX_JWT_TEMPLATE_LIFETIME_SECONDS } from '@usher/protocol';
import type { Clock } from '../deps.ts';
import type { SigningKeyRecord, Store } from '../store/types.ts';

/** A public key as /.well-known/jwks.json publishes it. */
export interface PublishedJwk extends JWK {
  kid: string;
  alg: 'ES256' | 'RS256';
  use: 'sig';
}

export interface ActiveSigningKey {
  kid: string;
  alg: 'ES256' | 'RS256';
  privateKey: CryptoKey;
}

/** Signing keys are re-read this often, so a key rotated by another instance is picked up. */
const REFRESH_MS = 5 * 60_000;
/**
 * How long a retired key stays published: another instance may sign with it until its next
 * refresh, and the longest-lived token it signs (a JWT template's) must verify until it expires,
 * plus a minute for app servers' clocks.
 */
export const RETIRED_KEY_GRACE_MS = REFRESH_MS + (MAX_JWT_TEMPLATE_LIFETIME_SECONDS + 60) * 1000;

/** Makes a fresh ES256 key pair; kid is the RFC 7638 thumbprint of the public key. */
export async function generateSigningKey(now: number): Promise<SigningKeyRecord> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const privateJwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
  return { kid, alg: 'ES256', privateJwk: JSON.stringify(privateJwk), publicJwk: JSON.stringify(publicJwk), createdAt: now, retiredAt: null };
}

/** The key new tokens are signed with: the newest one not retired (ties broken by kid, so every instance picks the same). */
export function pickSigningKey(keys: SigningKeyRecord[]): SigningKeyRecord | null {
  const active = keys.filter((k) => k.retiredAt === null);
  active.sort((a, b) => b.createdAt - a.createdAt || (a.kid < b.kid ? -1 : a.kid > b.kid ? 1 : 0));
  return active[0] ?? null;
}

/** Keys still needed by verifiers: active ones, and retired ones whose last token may still be alive. */
export function publishableKeys(keys: SigningKeyRecord[], now: number): SigningKeyRecord[] {
  return keys.filter((k) => k.retiredAt === null || k.retiredAt + RETIRED_KEY_GRACE_MS > now);
}

export function toPublishedJwk(key: SigningKeyRecord): PublishedJwk {
  const jwk = JSON.parse(key.publicJwk) as JWK;
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, n: jwk.n, e: jwk.e, kid: key.kid, alg: key.alg, use: 'sig' };
}

/**
 * The instance's signing keys. The first start creates one; two instances starting at once may
 * both insert one, which is harmless: both are published, and both pick the same to sign with.
 */
export class KeyRing {
  private cached: { key: ActiveSigningKey; loadedAt: number } | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Creates the first key when the store has none usable. */
  async ensureKey(): Promise<void> {
    const keys = await this.store.listSigningKeys();
    if (pickSigningKey(keys)) return;
    await this.store.insertSigningKey(await generateSigningKey(this.clock.now()));
  }

  async signingKey(): Promise<ActiveSigningKey> {
    const now = this.clock.now();
    if (this.cached && now - this.cached.loadedAt < REFRESH_MS && now >= this.cached.loadedAt) return this.cached.key;
    let record = pickSigningKey(await this.store.listSigningKeys());
    if (!record) {
      await this.ensureKey();
      record = pickSigningKey(await this.store.listSigningKeys());
    }
    if (!record) throw new TypeError('No signing key could be created.');
    const privateKey = (await importJWK(JSON.parse(record.privateJwk) as JWK, record.alg)) as CryptoKey;
    const key: ActiveSigningKey = { kid: record.kid, alg: record.alg, privateKey };
    this.cached = { key, loadedAt: now };
    return key;
  }

  /**
   * Rotation: a new key signs from now on (here at once, on other instances within REFRESH_MS);
   * the previous ones are retired, stay published for RETIRED_KEY_GRACE_MS so the tokens they
   * signed keep verifying, and keys retired longer ago than that are deleted.
   */
  async rotate(): Promise<{ kid: string; retired: string[] }> {
    const now = this.clock.now();
    const before = (await this.store.listSigningKeys()).filter((k) => k.retiredAt === null);
    const fresh = await generateSigningKey(now);
    await this.store.insertSigningKey(fresh);
    for (const key of before) await this.store.retireSigningKey(key.kid, now);
    await this.store.deleteRetiredSigningKeys(now - RETIRED_KEY_GRACE_MS);
    this.cached = null;
    return { kid: fresh.kid, retired: before.map((k) => k.kid) };
  }

  async publishedKeys(): Promise<PublishedJwk[]> {
    return publishableKeys(await this.store.listSigningKeys(), this.clock.now()).map(toPublishedJwk);
  }
}
