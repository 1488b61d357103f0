import { startUsherMockServer } from '@usher/testing/node';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Usher } from './usher.ts';

// A multi-session instance; tabs are Usher instances in cookie mode sharing the mock's cookie jar
// and one BroadcastChannel name, like tabs of one browser.
const mock = startUsherMockServer({ instanceConfig: { sessions: { singleSessionMode: false } } });
const instances: Usher[] = [];
const password = 'correct horse battery staple';
let channelName = '';

beforeEach(async () => {
  await mock.seedUser({ email: 'ada@example.com', password });
  await mock.seedUser({ email: 'grace@example.com', password });
  channelName = `usher-switch-${Math.random()}`;
});
afterEach(() => {
  instances.splice(0).forEach((u) => u.destroy());
  mock.reset();
});
afterAll(() => mock.close());

function tab(): Usher {
  const usher = new Usher({ frontendApi: mock.origin, storage: null, crossTab: { channelName, locks: null } });
  instances.push(usher);
  return usher;
}

async function within(ms: number, check: () => boolean): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const email = (usher: Usher) => usher.getSnapshot().user?.primaryEmailAddress?.emailAddress;

describe('account switches across tabs', () => {
  it('a second account added and a switch back in one tab reach the other tab within a second', async () => {
    const first = tab();
    await first.load();
    const ada = await first.getSnapshot().signIn.create({ identifier: 'ada@example.com', strategy: 'password', password });
    await first.setActive({ session: ada.createdSessionId });
    const second = tab();
    await second.load();
    expect(email(second)).toBe('ada@example.com');

    const grace = await first.getSnapshot().signIn.create({ identifier: 'grace@example.com', strategy: 'password', password });
    await first.setActive({ session: grace.createdSessionId });
    await within(1000, () => email(second) === 'grace@example.com');

    await first.setActive({ session: ada.createdSessionId });
    await within(1000, () => email(second) === 'ada@example.com');
    expect(second.getSnapshot().client?.activeSessions).toHaveLength(2);
    expect(await second.getToken()).toMatch(/^ey/);
  });
});
