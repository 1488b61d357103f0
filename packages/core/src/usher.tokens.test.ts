import { startUsherMockServer } from '@usher/testing/node';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsherOfflineError } from './errors.ts';
import { Usher } from './usher.ts';
import type { UsherOptions } from './usher-options.ts';

// The token manager end to end: the real server behind MSW, time moved by fake timers (the mock
// server's clock follows Date.now()). Failures are injected at the network edge only.

const mock = startUsherMockServer();
const instances: Usher[] = [];
const password = 'correct horse battery staple';
let mints: number[] = [];
let inflight = 0;
mock.server.events.on('request:start', ({ request }) => {
  inflight++;
  if (request.method === 'POST' && /\/tokens(\/[^/]+)?$/.test(new URL(request.url).pathname)) mints.push(Date.now());
});
mock.server.events.on('request:end', () => void inflight--);

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], now: Date.UTC(2030, 0, 1) });
  await mock.seedUser({ email: 'ada@example.com', password });
  mints = [];
});
afterEach(() => {
  instances.splice(0).forEach((u) => u.destroy());
  mock.server.resetHandlers();
  mock.reset();
  vi.useRealTimers();
});
afterAll(() => mock.close());

/** Lets real I/O (WebCrypto signing, MSW) finish while fake time stands still. */
async function settle(): Promise<void> {
  for (let i = 0; i < 2000 && inflight > 0; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Moves fake time forward second by second, letting requests complete in between. */
async function advance(ms: number, each?: () => void): Promise<void> {
  for (let t = 0; t < ms; t += 1000) {
    await vi.advanceTimersByTimeAsync(1000);
    each?.();
    await settle();
  }
}

async function signedIn(options: Partial<UsherOptions> = {}): Promise<Usher> {
  const usher = new Usher({ frontendApi: mock.origin, transport: 'bearer', storage: null, random: () => 0.5, ...options });
  instances.push(usher);
  await usher.load();
  const signIn = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com', strategy: 'password', password });
  await usher.setActive({ session: signIn.createdSessionId });
  await settle();
  return usher;
}

const tokensPath = '*/v1/client/sessions/:id/tokens';

describe('session tokens', () => {
  it('setActive mints the first token; ten concurrent getToken() calls then share it', async () => {
    const usher = await signedIn();
    expect(mints).toHaveLength(1);
    const tokens = await Promise.all(Array.from({ length: 10 }, () => usher.getToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(mints).toHaveLength(1);
  });

  it('ten concurrent forced refreshes make one request', async () => {
    const usher = await signedIn();
    mints = [];
    const tokens = await Promise.all(Array.from({ length: 10 }, () => usher.getToken({ skipCache: true })));
    expect(mints).toHaveLength(1);
    expect(new Set(tokens).size).toBe(1);
  });

  it('idle for ten minutes: refreshed before expiry, about one mint per lifetime, always served from cache', async () => {
    const usher = await signedIn();
    mints = [];
    const served: Array<Promise<string | null>> = [];
    let second = 0;
    await advance(10 * 60_000, () => {
      if (++second % 5 === 0) served.push(usher.getToken());
    });
    // 60 s tokens refreshed ~15 s before expiry: one mint every ~45 s.
    expect(mints.length).toBeGreaterThanOrEqual(12);
    expect(mints.length).toBeLessThanOrEqual(15);
    for (const jwt of await Promise.all(served)) expect(jwt).toMatch(/^ey/);
  });

  it('offline for ten minutes: a typed offline error, never a sign-out, and refresh resumes when back', async () => {
    const usher = await signedIn();
    mock.server.use(http.post(tokensPath, () => HttpResponse.error()));
    mints = [];
    const outcomes: Array<Promise<unknown>> = [];
    let second = 0;
    await advance(10 * 60_000, () => {
      if (++second % 5 === 0) outcomes.push(usher.getToken().catch((e: unknown) => e));
    });
    const results = await Promise.all(outcomes);
    // The token expires after a minute; from then on each call fails fast with the typed error.
    expect(results.filter((r) => r instanceof UsherOfflineError).length).toBeGreaterThan(100);
    expect(results.every((r) => r instanceof UsherOfflineError || (typeof r === 'string' && r.startsWith('ey')))).toBe(true);
    // Bounded: backoff 3 s ×1.5 up to 50 s, half of it with random() = 0.5.
    expect(mints.length).toBeLessThanOrEqual(35);
    expect(usher.getSnapshot().session).not.toBeNull();
    expect(usher.getSnapshot().user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com');

    mock.server.resetHandlers();
    let jwt: string | null = null;
    for (let i = 0; i < 60 && !jwt; i++) {
      jwt = await usher.getToken().catch(() => null);
      await advance(1000);
    }
    expect(jwt).toMatch(/^ey/);
  });

  it('a 503 storm with Retry-After: requests are spaced at least Retry-After apart, no sign-out', async () => {
    const usher = await signedIn();
    mock.server.use(
      http.post(tokensPath, () => HttpResponse.json({ errors: [{ code: 'internal_error', message: 'Unavailable', long_message: 'Unavailable', meta: {} }] }, { status: 503, headers: { 'Retry-After': '20' } })),
    );
    mints = [];
    await advance(5 * 60_000, () => void usher.getToken().catch(() => undefined));
    const gaps = mints.slice(1).map((t, i) => t - mints[i]!);
    expect(mints.length).toBeGreaterThan(2);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(20_000);
    expect(usher.getSnapshot().session).not.toBeNull();
  });

  it('a 429 with Retry-After: 30 — no request before 30 s have passed', async () => {
    const usher = await signedIn();
    mock.server.use(
      http.post(tokensPath, () => HttpResponse.json({ errors: [{ code: 'too_many_requests', message: 'Too many', long_message: 'Too many', meta: {} }] }, { status: 429, headers: { 'Retry-After': '30' } }), { once: true }),
    );
    mints = [];
    await expect(usher.getToken({ skipCache: true })).resolves.toMatch(/^ey/); // the still-valid token
    expect(mints).toHaveLength(1);
    await advance(29_000, () => void usher.getToken({ skipCache: true }).catch(() => undefined));
    expect(mints).toHaveLength(1);
    // The background retry waits for Retry-After, then succeeds.
    await advance(3_000);
    expect(mints).toHaveLength(2);
    expect(mints[1]! - mints[0]!).toBeGreaterThanOrEqual(30_000);
    expect(usher.getSnapshot().session).not.toBeNull();
  });

  it('a session revoked on the server: the next mint is refused (401) and the SDK signs out', async () => {
    const usher = await signedIn();
    const sessionId = usher.getSnapshot().session!.id;
    await mock.store.setSessionStatus(sessionId, ['active'], 'revoked', mock.clock.now());
    expect(await usher.getToken({ skipCache: true })).toBeNull();
    await settle();
    expect(usher.getSnapshot()).toMatchObject({ session: null, user: null });
    mints = [];
    await advance(5 * 60_000);
    expect(mints).toHaveLength(0);
  });

  it('a session removed on the server (404) is noticed by the background refresh alone', async () => {
    const usher = await signedIn();
    const sessionId = usher.getSnapshot().session!.id;
    await mock.store.setSessionStatus(sessionId, ['active'], 'removed', mock.clock.now());
    await advance(60_000);
    expect(usher.getSnapshot().session).toBeNull();
    expect(await usher.getToken()).toBeNull();
  });

  it('a background tab whose timers never fired still gets a valid token when asked', async () => {
    const usher = await signedIn({ timers: { setTimeout: () => 0, clearTimeout: () => undefined } });
    await advance(10 * 60_000);
    mints = [];
    const jwt = await usher.getToken();
    const { exp } = JSON.parse(Buffer.from(jwt!.split('.')[1]!, 'base64url').toString('utf8')) as { exp: number };
    expect(exp * 1000).toBeGreaterThan(Date.now() + 50_000);
    expect(mints).toHaveLength(1);
  });

  it("a template the server does not know is a 404 for that call only: the session stays", async () => {
    const usher = await signedIn();
    await expect(usher.getToken({ template: 'no-such-template' })).rejects.toMatchObject({ name: 'UsherAPIError', status: 404 });
    expect(usher.getSnapshot().session).not.toBeNull();
    expect(await usher.getToken()).toMatch(/^ey/);
  });

  it('signOut() clears the cache and stops the refresh timers', async () => {
    const usher = await signedIn();
    await usher.signOut();
    mints = [];
    await advance(5 * 60_000);
    expect(mints).toHaveLength(0);
    expect(await usher.getToken()).toBeNull();
  });

  it('destroy() stops every timer', async () => {
    const usher = await signedIn();
    usher.destroy();
    mints = [];
    await advance(3 * 60_000);
    expect(mints).toHaveLength(0);
  });

  it.each([5, -5])('a client clock off by %i minutes still caches and refreshes normally', async (minutes) => {
    const usher = await signedIn({ clock: { now: () => Date.now() + minutes * 60_000 } });
    mints = [];
    const first = await usher.getToken();
    await advance(30_000);
    expect(await usher.getToken()).toBe(first);
    await advance(5 * 60_000 - 30_000);
    expect(mints.length).toBeGreaterThanOrEqual(5);
    expect(mints.length).toBeLessThanOrEqual(8);
  });
});

describe('the __session cookie', () => {
  it('is written with the token (Path=/, SameSite=Lax, Max-Age ≈ 60) and removed at sign-out', async () => {
    const writes: string[] = [];
    vi.stubGlobal('document', {
      get cookie() {
        return '';
      },
      set cookie(value: string) {
        writes.push(value);
      },
    });
    try {
      const usher = await signedIn({ crossTab: false });
      const jwt = await usher.getToken();
      const written = writes.filter((w) => w.startsWith('__session=ey'));
      expect(written.at(-1)).toMatch(new RegExp(`^__session=${jwt!.replace(/\./g, "\\.")}; Path=/; SameSite=Lax; Max-Age=(59|60)$`));
      await usher.signOut();
      expect(writes.at(-1)).toBe('__session=; Path=/; SameSite=Lax; Max-Age=0');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
