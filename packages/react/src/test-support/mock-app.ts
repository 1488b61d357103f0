/**
 * What the component tests share: the real Usher app behind MSW (`startUsherMockServer`), and the
 * clean-up after each test (Usher instances destroyed, the `__session` cookie and the URL reset,
 * handlers and the store back to their first state). Test-only; not exported by the package.
 */
import { Usher, type UsherOptions } from '@usher/core';
import { startUsherMockServer } from '@usher/testing/node';
import { afterAll, afterEach } from 'vitest';

export type MockAppOptions = Parameters<typeof startUsherMockServer>[0];

export interface MockApp {
  mock: ReturnType<typeof startUsherMockServer>;
  /** Instances to destroy after the test; push any Usher you create yourself. */
  instances: Usher[];
  /** A new Usher for the in-process app (same origin by default), destroyed after the test. */
  newUsher(options?: Partial<UsherOptions>): Usher;
  /** A loaded Usher signed in (and active) as a seeded user, with the password. */
  signedInAs(email: string, password: string): Promise<Usher>;
}

export function setupMockApp(options?: MockAppOptions): MockApp {
  const mock = startUsherMockServer(options);
  const instances: Usher[] = [];
  afterEach(() => {
    instances.splice(0).forEach((u) => u.destroy());
    if (typeof document !== 'undefined') {
      document.cookie = '__session=; Max-Age=0; Path=/';
      window.history.replaceState(null, '', '/');
    }
    mock.server.resetHandlers();
    mock.reset();
  });
  afterAll(() => mock.close());
  const newUsher = (usherOptions: Partial<UsherOptions> = {}) => {
    const usher = new Usher({ frontendApi: '', ...usherOptions });
    instances.push(usher);
    return usher;
  };
  const signedInAs = async (email: string, password: string) => {
    const usher = newUsher();
    await usher.load();
    const attempt = await usher.signIn.create({ identifier: email, strategy: 'password', password });
    await usher.setActive({ session: attempt.createdSessionId });
    return usher;
  };
  return { mock, instances, newUsher, signedInAs };
}
