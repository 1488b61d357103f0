import { startUsherMockServer } from '@usher/testing/node';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LockManagerLike } from './tokens/cross-tab.ts';
import { Usher } from './usher.ts';

// Tabs are Usher instances in cookie mode (they share the mock's cookie jar, like tabs share a
// browser) on one BroadcastChannel name. Node has BroadcastChannel; Web Locks are simulated.

const mock = startUsherMockServer();
const instances: Usher[] = [];
const password = 'correct horse battery staple';
let mints: number[] = [];
let inflight = 0;
mock.server.events.on('request:start', ({ request }) => {
  inflight++;
  if (request.method === 'POST' && /\/tokens$/.test(new URL(request.url).pathname)) mints.push(Date.now());
});
mock.server.events.on('request:end', () => void inflight--);

let channelName = '';
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], now: Date.UTC(2030, 0, 1) });
  await mock.seedUser({ email: 'ada@example.com', password });
  channelName = `usher-test-${Math.random()}`;
  mints = [];
});
afterEach(() => {
  instances.splice(0).forEach((u) => u.destroy());
  mock.server.resetHandlers();
  mock.reset();
  vi.useRealTimers();
});
afterAll(() => mock.close());

async function settle(): Promise<void> {
  for (let i = 0; i < 2000 && inflight > 0; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

async function advance(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 1000) {
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
  }
}

/** Web Locks in one process: one holder per name, the others queue. */
function sharedLocks(): LockManagerLike {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request(name, callback) {
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous.then(callback, callback);
      tails.set(name, run.catch(() => undefined));
      return run;
    },
  };
}

function tab(locks: LockManagerLike | null = null): Usher {
  const usher = new Usher({ frontendApi: mock.origin, storage: null, crossTab: { channelName, locks } });
  instances.push(usher);
  return usher;
}

async function signInFirstTab(usher: Usher): Promise<void> {
  await usher.load();
  const signIn = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com', strategy: 'password', password });
  await usher.setActive({ session: signIn.createdSessionId });
  await settle();
}

describe('across tabs', () => {
  it('a sign-out in one tab signs the other tab out', async () => {
    const first = tab();
    await signInFirstTab(first);
    const second = tab();
    await second.load();
    await settle();
    expect(second.getSnapshot().user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com');

    await first.signOut();
    await settle();
    expect(second.getSnapshot()).toMatchObject({ session: null, user: null });
    expect(await second.getToken()).toBeNull();
    mints = [];
    await advance(3 * 60_000);
    expect(mints).toHaveLength(0);
  });

  it('a token minted by one tab is used by the other without a request', async () => {
    const first = tab();
    await signInFirstTab(first);
    const second = tab();
    await second.load();
    await settle();
    await advance(10_000);
    const minted = await first.getToken({ skipCache: true });
    await settle();
    const before = mints.length;
    expect(await second.getToken()).toBe(minted);
    expect(mints.length).toBe(before);
  });

  it('another client on the same channel is not signed out', async () => {
    const first = tab();
    await signInFirstTab(first);
    const stranger = new Usher({ frontendApi: mock.origin, storage: null, transport: 'bearer', crossTab: { channelName, locks: null } });
    instances.push(stranger);
    await stranger.load();
    const signIn = await stranger.getSnapshot().signIn.create({ identifier: 'ada@example.com', strategy: 'password', password });
    await stranger.setActive({ session: signIn.createdSessionId });
    await first.signOut();
    await settle();
    expect(stranger.getSnapshot().session).not.toBeNull();
  });

  it('five tabs open for thirty minutes make about one mint per token lifetime, with no sign-out', async () => {
    const locks = sharedLocks();
    const first = tab(locks);
    await signInFirstTab(first);
    const others = [tab(locks), tab(locks), tab(locks), tab(locks)];
    for (const other of others) await other.load();
    await settle();
    mints = [];
    await advance(30 * 60_000);
    // Alone, each tab would mint every ~45 s: 5 × 40 = 200. Together: about 40.
    expect(mints.length).toBeGreaterThanOrEqual(35);
    expect(mints.length).toBeLessThanOrEqual(50);
    for (const usher of [first, ...others]) expect(usher.getSnapshot().session).not.toBeNull();
  });

  it('when the leading tab closes, another tab takes over the refreshes', async () => {
    const locks = sharedLocks();
    const first = tab(locks);
    await signInFirstTab(first);
    const second = tab(locks);
    await second.load();
    await settle();
    first.destroy();
    await settle();
    mints = [];
    const served: Array<Promise<string | null>> = [];
    for (let minute = 0; minute < 5; minute++) {
      await advance(60_000);
      served.push(second.getToken());
    }
    expect(mints.length).toBeGreaterThanOrEqual(5);
    expect(mints.length).toBeLessThanOrEqual(8);
    for (const jwt of await Promise.all(served)) expect(jwt).toMatch(/^ey/);
  });
});
