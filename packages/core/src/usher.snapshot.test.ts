import { startUsherMockServer } from '@usher/testing/node';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsherOfflineError } from './errors.ts';
import type { StorageLike } from './internal/environment.ts';
import { Usher } from './usher.ts';

const mock = startUsherMockServer();
const instances: Usher[] = [];
const password = 'correct horse battery staple';
beforeEach(async () => {
  await mock.seedUser({ email: 'ada@example.com', password, firstName: 'Ada' });
});
afterEach(() => {
  instances.splice(0).forEach((u) => u.destroy());
  mock.server.resetHandlers();
  mock.reset();
});
afterAll(() => mock.close());

function memoryStorage(): StorageLike & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, getItem: (k) => values.get(k) ?? null, setItem: (k, v) => void values.set(k, v), removeItem: (k) => void values.delete(k) };
}

function create(storage: StorageLike | null = null) {
  const usher = new Usher({ frontendApi: mock.origin, transport: 'bearer', storage });
  instances.push(usher);
  return usher;
}

describe('snapshots', () => {
  it('before load() the snapshot is not loaded and signed out, with empty attempts', () => {
    const snapshot = create().getSnapshot();
    expect(snapshot).toMatchObject({ isLoaded: false, environment: null, client: null, session: null, user: null });
    expect(snapshot.signIn.id).toBeNull();
    expect(Object.isFrozen(snapshot)).toBe(true);
  });

  it('load() brings the environment, camelCased', async () => {
    const usher = create();
    await usher.load();
    expect(usher.getSnapshot().environment?.userSettings.passwordSettings.minLength).toBeGreaterThanOrEqual(8);
    expect(usher.getSnapshot().environment?.displayConfig.applicationName).toEqual(expect.any(String));
  });

  it('keeps its identity while nothing changed, even across a reload from the server', async () => {
    const usher = create();
    await usher.load();
    await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com' });
    const before = usher.getSnapshot();
    expect(usher.getSnapshot()).toBe(before);
    await usher.reloadClient();
    expect(usher.getSnapshot()).toBe(before);
    expect(usher.getSnapshot().signIn).toBe(before.signIn);
  });

  it('changes identity when data changes, and unchanged parts keep theirs', async () => {
    const usher = create();
    await usher.load();
    const signIn = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com', strategy: 'password', password });
    await usher.setActive({ session: signIn.createdSessionId });
    const signedIn = usher.getSnapshot();
    await usher.getSnapshot().signIn.create({ identifier: 'someone@example.com' }).catch(() => undefined);
    await usher.reloadClient();
    const after = usher.getSnapshot();
    // The user did not change: same object, so a memoized profile does not re-render.
    expect(after.user).toBe(signedIn.user);
    await after.user!.update({ lastName: 'Lovelace' });
    expect(usher.getSnapshot()).not.toBe(after);
    expect(usher.getSnapshot().user).not.toBe(after.user);
    expect(usher.getSnapshot().user?.lastName).toBe('Lovelace');
  });

  it('subscribers hear about changes only', async () => {
    const usher = create();
    const listener = vi.fn();
    const unsubscribe = usher.subscribe(listener);
    await usher.load();
    const calls = listener.mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    await usher.reloadClient();
    expect(listener.mock.calls.length).toBe(calls);
    await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com' });
    expect(listener.mock.calls.length).toBe(calls + 1);
    expect(listener).toHaveBeenLastCalledWith(usher.getSnapshot());
    unsubscribe();
    await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com' });
    expect(listener.mock.calls.length).toBe(calls + 1);
  });

  it('subscribe and getSnapshot are bound (useSyncExternalStore takes them as they are)', async () => {
    const usher = create();
    const { subscribe, getSnapshot, load } = usher;
    const listener = vi.fn();
    subscribe(listener);
    await load();
    expect(getSnapshot().isLoaded).toBe(true);
    expect(listener).toHaveBeenCalled();
  });
});

describe('environment cache (stale-while-revalidate)', () => {
  it('a returning visitor is loaded from the cached environment even when the environment request fails', async () => {
    const storage = memoryStorage();
    await create(storage).load();
    expect([...storage.values.keys()].some((k) => k.startsWith('usher:environment:'))).toBe(true);

    mock.server.use(http.get('*/v1/environment', () => HttpResponse.error()));
    const returning = create(storage);
    await returning.load();
    expect(returning.getSnapshot().isLoaded).toBe(true);
    expect(returning.getSnapshot().environment?.object).toBe('environment');
  });

  it('the cached environment is shown before the network answers', async () => {
    const storage = memoryStorage();
    await create(storage).load();
    const returning = create(storage);
    const loading = returning.load();
    expect(returning.getSnapshot().environment).not.toBeNull();
    expect(returning.getSnapshot().isLoaded).toBe(false);
    await loading;
    expect(returning.getSnapshot().isLoaded).toBe(true);
  });

  it('a first visit without network fails with a typed offline error, and can be retried', async () => {
    mock.server.use(http.get('*/v1/environment', () => HttpResponse.error()));
    const usher = create(memoryStorage());
    await expect(usher.load()).rejects.toBeInstanceOf(UsherOfflineError);
    expect(usher.getSnapshot().isLoaded).toBe(false);
    mock.server.resetHandlers();
    await usher.load();
    expect(usher.getSnapshot().isLoaded).toBe(true);
  });
});
