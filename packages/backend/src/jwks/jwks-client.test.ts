import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { TokenVerificationError, type TokenVerificationErrorReason } from '../errors.ts';
import { createJwksClient, type JwksFetch } from './jwks-client.ts';

// Specifications of the JWKS client's cache, refresh limits and failure handling, against a key
// set endpoint simulated here (the real server's endpoint is used in verify-token.test.ts).

const URL_ = 'https://auth.example.com/.well-known/jwks.json';

async function publicJwk(kid: string, alg: 'ES256' | 'RS256' = 'ES256'): Promise<JWK> {
  const { publicKey } = await generateKeyPair(alg, { extractable: true });
  return { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
}

/** A key set endpoint whose answer tests change, counting requests. */
function endpoint(initial: () => Response) {
  let answer = initial;
  let requests = 0;
  const fetch: JwksFetch = async () => {
    requests += 1;
    return answer();
  };
  return {
    fetch,
    requests: () => requests,
    answer(next: () => Response) {
      answer = next;
    },
  };
}

const json = (body: unknown) => () => Response.json(body);

async function reasonOf(promise: Promise<unknown>): Promise<TokenVerificationErrorReason> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TokenVerificationError)) throw new Error(`expected a TokenVerificationError, got ${String(error)}`);
  return error.reason;
}

describe('createJwksClient', () => {
  it('fetches the set once for many concurrent first uses, then serves keys from its cache', async () => {
    const server = endpoint(json({ keys: [await publicJwk('k1'), await publicJwk('k2', 'RS256')] }));
    let now = Date.UTC(2030, 0, 1);
    const jwks = createJwksClient({ jwksUrl: URL_, fetch: server.fetch, clock: () => now });

    const keys = await Promise.all(Array.from({ length: 50 }, (_, i) => jwks.getKey(i % 2 ? 'k1' : 'k2')));
    expect(server.requests()).toBe(1);
    expect(keys[0]).toMatchObject({ kid: 'k2', alg: 'RS256', key: { type: 'public' } });
    expect(keys[1]).toMatchObject({ kid: 'k1', alg: 'ES256', key: { type: 'public' } });

    now += 4 * 60_000;
    await jwks.getKey('k1');
    expect(server.requests()).toBe(1);
  });

  it('fetches the set again once it is older than the cache TTL', async () => {
    const server = endpoint(json({ keys: [await publicJwk('k1')] }));
    let now = Date.UTC(2030, 0, 1);
    const jwks = createJwksClient({ jwksUrl: URL_, fetch: server.fetch, clock: () => now, cacheTtlMs: 60_000 });

    await jwks.getKey('k1');
    now += 60_000;
    await Promise.all([jwks.getKey('k1'), jwks.getKey('k1'), jwks.getKey('k1')]);
    expect(server.requests()).toBe(2);
  });

  it('a failing endpoint is asked at most once per interval, and its failure is the reason', async () => {
    const server = endpoint(() => new Response('bad gateway', { status: 502 }));
    let now = Date.UTC(2030, 0, 1);
    const jwks = createJwksClient({ jwksUrl: URL_, fetch: server.fetch, clock: () => now, minRefreshIntervalMs: 10_000 });

    const first = await Promise.all(Array.from({ length: 20 }, () => reasonOf(jwks.getKey('k1'))));
    expect(first).toEqual(Array(20).fill('jwk-remote-failed-to-load'));
    expect(await reasonOf(jwks.getKey('k1'))).toBe('jwk-remote-failed-to-load');
    expect(server.requests()).toBe(1);

    now += 10_000;
    server.answer(json({ keys: [await publicJwk('k1')] }));
    await expect(jwks.getKey('k1')).resolves.toMatchObject({ kid: 'k1' });
    expect(server.requests()).toBe(2);
  });

  it('a network error or a timeout fails to load', async () => {
    const offline = createJwksClient({
      jwksUrl: URL_,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    expect(await reasonOf(offline.getKey('k1'))).toBe('jwk-remote-failed-to-load');

    let aborted = false;
    const hanging = createJwksClient({
      jwksUrl: URL_,
      timeoutMs: 20,
      // Never answers; it only notices the abort.
      fetch: (_url, init) =>
        new Promise<Response>(() => {
          init.signal.addEventListener('abort', () => {
            aborted = true;
          });
        }),
    });
    expect(await reasonOf(hanging.getKey('k1'))).toBe('jwk-remote-failed-to-load');
    expect(aborted).toBe(true);
  });

  it('an answer that is not a key set with a usable signing key is invalid', async () => {
    const { publicKey } = await generateKeyPair('ES384', { extractable: true });
    const answers = [
      () => new Response('<html>login</html>', { headers: { 'content-type': 'text/html' } }),
      json({}),
      json({ keys: {} }),
      json({ keys: [] }),
      json([await publicJwk('k1')]),
      json({ keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 'k1', alg: 'HS256' }] }),
      json({ keys: [{ ...(await publicJwk('k1')), use: 'enc' }] }),
      json({ keys: [{ ...(await publicJwk('k1')), alg: 'ES384' }] }),
      json({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1' }] }),
      json({ keys: [{ ...(await publicJwk('k1')), kid: undefined }] }),
      json({ keys: [{ ...(await publicJwk('k1')), x: 'AAAA' }] }),
    ];
    for (const [i, answer] of answers.entries()) {
      const jwks = createJwksClient({ jwksUrl: URL_, fetch: endpoint(answer).fetch });
      expect(await reasonOf(jwks.getKey('k1')), `answer #${i}`).toBe('jwk-remote-invalid');
    }
  });

  it('unusable entries are skipped and the usable ones served', async () => {
    const server = endpoint(json({ keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 'hmac' }, { ...(await publicJwk('enc')), use: 'enc' }, await publicJwk('k1')] }));
    const jwks = createJwksClient({ jwksUrl: URL_, fetch: server.fetch });

    await expect(jwks.getKey('k1')).resolves.toMatchObject({ kid: 'k1', alg: 'ES256' });
    expect(await reasonOf(jwks.getKey('hmac'))).toBe('jwk-kid-mismatch');
    expect(await reasonOf(jwks.getKey('enc'))).toBe('jwk-kid-mismatch');
  });

  it('an entry leaking a private member still yields only a public key', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const server = endpoint(json({ keys: [{ ...(await exportJWK(privateKey)), kid: 'k1', alg: 'ES256' }] }));
    const jwks = createJwksClient({ jwksUrl: URL_, fetch: server.fetch });

    expect((await jwks.getKey('k1')).key.type).toBe('public');
  });

  it('keeps serving the cached keys while refreshes fail, and reports the failure for unknown kids', async () => {
    const server = endpoint(json({ keys: [await publicJwk('k1')] }));
    let now = Date.UTC(2030, 0, 1);
    const jwks = createJwksClient({ jwksUrl: URL_, fetch: server.fetch, clock: () => now });
    await jwks.getKey('k1');

    server.answer(() => new Response(null, { status: 500 }));
    now += 60 * 60_000;
    await expect(jwks.getKey('k1')).resolves.toMatchObject({ kid: 'k1' });
    expect(server.requests()).toBe(2);
    expect(await reasonOf(jwks.getKey('k2'))).toBe('jwk-remote-failed-to-load');
    expect(server.requests()).toBe(2);
  });

  it('two clients keep two caches (there is no shared module-level cache)', async () => {
    const server = endpoint(json({ keys: [await publicJwk('k1')] }));
    await createJwksClient({ jwksUrl: URL_, fetch: server.fetch }).getKey('k1');
    await createJwksClient({ jwksUrl: URL_, fetch: server.fetch }).getKey('k1');
    expect(server.requests()).toBe(2);
  });

  it('refuses a relative or non-http URL and negative durations', () => {
    expect(() => createJwksClient({ jwksUrl: '/.well-known/jwks.json' })).toThrow(TypeError);
    expect(() => createJwksClient({ jwksUrl: 'file:///etc/jwks.json' })).toThrow(TypeError);
    expect(() => createJwksClient({ jwksUrl: URL_, cacheTtlMs: -1 })).toThrow(TypeError);
    expect(() => createJwksClient({ jwksUrl: URL_, minRefreshIntervalMs: Number.NaN })).toThrow(TypeError);
  });
});
