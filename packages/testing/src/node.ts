import { setupServer, type SetupServer } from 'msw/node';
import type { UnhandledRequestStrategy } from 'msw';
import { setupUsherMock, type UsherMock, type UsherMockOptions } from './setup-usher-mock.ts';

export { totpCodeOf } from './totp.ts';

export interface UsherMockServer extends UsherMock {
  /** The msw/node server, already listening; use `server.use(...)` to inject failures. */
  readonly server: SetupServer;
  /** Stops intercepting. */
  close(): void;
}

/** Loopback IP fixtures (the OpenID provider of `@usher/testing/oidc`) are real servers: their requests pass. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);

/** Unhandled requests are errors, except those to a loopback IP (test fixtures listening there). */
const errorUnlessLoopback: UnhandledRequestStrategy = (request, print) => {
  if (!LOOPBACK_HOSTS.has(new URL(request.url).hostname)) print.error();
};

/**
 * setupUsherMock + msw/node's setupServer, listening at once. Unhandled requests are errors,
 * except requests to 127.0.0.1 / [::1]: the loopback fixtures (`startOidcProvider`) and the
 * server's own calls to them (discovery, token, userinfo) reach the real thing.
 *
 * @example
 * const mock = startUsherMockServer();
 * afterEach(() => { mock.server.resetHandlers(); mock.reset(); });
 * afterAll(() => mock.close());
 */
export function startUsherMockServer(options: UsherMockOptions & { onUnhandledRequest?: UnhandledRequestStrategy } = {}): UsherMockServer {
  const mock = setupUsherMock(options);
  const server = setupServer(...mock.handlers);
  server.listen({ onUnhandledRequest: options.onUnhandledRequest ?? errorUnlessLoopback });
  return Object.assign(mock, {
    server,
    close: () => server.close(),
  });
}
