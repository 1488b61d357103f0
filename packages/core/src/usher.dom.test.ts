// @vitest-environment jsdom
import { startUsherMockServer } from '@usher/testing/node';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Usher } from './usher.ts';

// In a DOM (jsdom): same-origin API (frontendApi ''), cookie mode, default options.
const mock = startUsherMockServer();
const instances: Usher[] = [];
afterEach(() => {
  instances.splice(0).forEach((u) => u.destroy());
  document.cookie = '__session=; Max-Age=0; Path=/';
  mock.server.resetHandlers();
  mock.reset();
});
afterAll(() => mock.close());

describe('in a browser-like DOM', () => {
  it('signs in against the same origin and keeps the __session cookie for the app server', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: 'correct horse battery staple' });
    const usher = new Usher({ frontendApi: '' });
    instances.push(usher);
    await usher.load();
    const signIn = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com', strategy: 'password', password: 'correct horse battery staple' });
    await usher.setActive({ session: signIn.createdSessionId });
    const jwt = await usher.getToken();
    expect(document.cookie).toContain(`__session=${jwt}`);
    await usher.signOut();
    expect(document.cookie).not.toContain('__session=');
  });

  it('caches the environment in localStorage', async () => {
    localStorage.clear();
    const usher = new Usher({ frontendApi: '' });
    instances.push(usher);
    await usher.load();
    expect(Object.keys(localStorage).some((k) => k.startsWith('usher:environment:'))).toBe(true);
  });
});
