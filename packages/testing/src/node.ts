import { setupServer, type SetupServer } from 'msw/node';
import { setupUsherMock, type UsherMock, type UsherMockOptions } from './setup-usher-mock.ts';

export { totpCodeOf } from './totp.ts';

export interface UsherMockServer extends UsherMock {
  /** The msw/node server, already listening; use `server.use(...)` to inject failures. */
  readonly server: SetupServer;
  /** Stops intercepting. */
  close(): void;
}

/**
 * setupUsherMock + msw/node's setupServer, listening at once. Unhandled requests are errors.
 *
 * @example
 * const mock = startUsherMockServer();
 * afterEach(() => { mock.server.resetHandlers(); mock.reset(); });
 * afterAll(() => mock.close());
 */
export function startUsherMockServer(options: UsherMockOptions & { onUnhandledRequest?: 'error' | 'warn' | 'bypass' } = {}): UsherMockServer {
  const mock = setupUsherMock(options);
  const server = setupServer(...mock.handlers);
  server.listen({ onUnhandledRequest: options.onUnhandledRequest ?? 'error' });
  return Object.assign(mock, {
    server,
    close: () => server.close(),
  });
}
