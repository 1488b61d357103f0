import { calculateJwkThumbprint, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../services/clock.ts';
import { createMemoryStore } from '../store/memory/index.ts';
import { generateSigningKey, KeyRing, pickSigningKey, publishableKeys, RETIRED_KEY_GRACE_MS } from './signing-keys.ts';

describe('signing keys', () => {
  it('are ES256 with the RFC 7638 thumbprint as kid', async () => {
    const key = await generateSigningKey(0);
    expect(key.alg).toBe('ES256');
    expect(key.kid).toBe(await calculateJwkThumbprint(JSON.parse(key.publicJwk) as JWK, 'sha256'));
    expect(JSON.parse(key.publicJwk)).not.toHaveProperty('d');
    expect(JSON.parse(key.privateJwk)).toHaveProperty('d');
  });

  it('are created once on first start', async () => {
    const store = createMemoryStore();
    const ring = new KeyRing(store, createManualClock());
    await ring.ensureKey();
    await ring.ensureKey();
    expect(await store.listSigningKeys()).toHaveLength(1);
  });

  it('two instances racing may both insert a key: both are published and both sign with the same one', async () => {
    const store = createMemoryStore();
    const clock = createManualClock();
    const a = new KeyRing(store, clock);
    const b = new KeyRing(store, clock);
    await Promise.all([store.insertSigningKey(await generateSigningKey(clock.now())), store.insertSigningKey(await generateSigningKey(clock.now()))]);
    expect(await a.publishedKeys()).toHaveLength(2);
    expect((await a.signingKey()).kid).toBe((await b.signingKey()).kid);
  });

  it('retired keys stay published until their last token has expired', async () => {
    const retired = { ...(await generateSigningKey(0)), retiredAt: 1_000_000 };
    const active = await generateSigningKey(500_000);
    expect(pickSigningKey([retired, active])?.kid).toBe(active.kid);
    expect(publishableKeys([retired, active], 1_000_000 + 60_000).map((k) => k.kid)).toContain(retired.kid);
    // A JWT template's token may live 24 h: the key stays published that long (and a refresh more).
    expect(publishableKeys([retired, active], 1_000_000 + 86_400_000).map((k) => k.kid)).toContain(retired.kid);
    expect(publishableKeys([retired, active], 1_000_000 + RETIRED_KEY_GRACE_MS + 1).map((k) => k.kid)).toEqual([active.kid]);
  });

  it('rotate() signs with a new key at once, keeps the old one published, and drops keys retired long ago', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(1_000_000);
    const ring = new KeyRing(store, clock);
    await ring.ensureKey();
    const first = (await ring.signingKey()).kid;
    const { kid, retired } = await ring.rotate();
    expect(retired).toEqual([first]);
    expect((await ring.signingKey()).kid).toBe(kid);
    expect((await ring.publishedKeys()).map((k) => k.kid).sort()).toEqual([first, kid].sort());
    clock.advance(RETIRED_KEY_GRACE_MS + 1);
    const again = await ring.rotate();
    expect((await store.listSigningKeys()).map((k) => k.kid).sort()).toEqual([kid, again.kid].sort());
    expect((await ring.publishedKeys()).map((k) => k.kid).sort()).toEqual([kid, again.kid].sort());
  });
});
