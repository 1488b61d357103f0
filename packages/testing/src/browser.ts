import type { SetupWorker, StartOptions } from 'msw/browser';
import { setupUsherMock, type UsherMock, type UsherMockOptions } from './setup-usher-mock.ts';

export type { UsherMock, UsherMockOptions } from './setup-usher-mock.ts';
export type { SeedUserInput, SeededUser } from './seed-user.ts';
export { signInClient, type SignInClientInput, type SignedInClient } from './sign-in-client.ts';
export { totpCodeOf } from './totp.ts';

/*
 * In a page, MSW rebuilds each intercepted request with `new Request(...)`, and browsers drop
 * forbidden headers (`Cookie`, `Origin`) from hand-built requests. The mock's cookie jar therefore
 * cannot work here: use the SDK's bearer mode, whose client token travels in ordinary headers
 * (`new Usher({ frontendApi: mock.origin, transport: 'bearer' })`). The server accepts a bearer
 * request without Origin, as it does for native apps.
 */

function pageOrigin(): string {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  if (!origin || origin === 'null') throw new TypeError('@usher/testing/browser needs a page with an http(s) origin.');
  return origin;
}

/**
 * A fresh mock (the real app on a memory store) whose handlers are added to a running worker,
 * served at the page's own origin by default. Storybook's MSW addon owns the worker and resets its
 * handlers between stories, so each story installs a mock of its own.
 *
 * @example
 * const mock = installUsherMock(context.msw);
 * await mock.seedUser({ email: 'ada@example.com', password: 'correct horse battery staple' });
 * const usher = new Usher({ frontendApi: mock.origin, transport: 'bearer' });
 */
export function installUsherMock(worker: Pick<SetupWorker, 'use'>, options: UsherMockOptions = {}): UsherMock {
  const mock = setupUsherMock({ ...options, origin: options.origin ?? pageOrigin() });
  worker.use(...mock.handlers);
  return mock;
}

export interface UsherMockWorker extends UsherMock {
  /** The msw/browser worker, started; use `worker.use(...)` to inject failures. */
  readonly worker: SetupWorker;
  /** Stops intercepting. */
  stop(): void;
}

/**
 * setupUsherMock + msw/browser's setupWorker, started: a browser demo with the real server logic
 * and no server. The page must serve `mockServiceWorker.js` (`msw init <public dir>`).
 *
 * @example
 * const mock = await startUsherMockWorker();
 * createRoot(el).render(<UsherProvider usher={new Usher({ frontendApi: mock.origin, transport: 'bearer' })}><App /></UsherProvider>);
 */
export async function startUsherMockWorker(options: UsherMockOptions & { start?: StartOptions } = {}): Promise<UsherMockWorker> {
  // Loaded on demand so that this module also imports where msw/browser cannot (Node, jsdom).
  const { setupWorker } = await import('msw/browser');
  const mock = setupUsherMock({ ...options, origin: options.origin ?? pageOrigin() });
  const worker = setupWorker(...mock.handlers);
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass', ...options.start });
  return Object.assign(mock, { worker, stop: () => worker.stop() });
}
