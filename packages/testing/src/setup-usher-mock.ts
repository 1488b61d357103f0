import { http, type RequestHandler } from 'msw';
import {
  createMemoryStore,
  createOutboxWorker,
  createPbkdf2Hasher,
  createSecretKey,
  createUsherApp,
  defaultInstanceConfig,
  DevMailboxMailer,
  DevSmsBox,
  mergeInstanceConfig,
  relaxedRateLimits,
  webCryptoRandom,
  type InstanceConfig,
  type OutboxWorker,
  type Store,
} from '@usher/server';

/** The Hono app createUsherApp answers (typed through it: hono is the server's dependency). */
export type UsherMockApp = ReturnType<typeof createUsherApp>;
import { CookieJar } from './cookie-jar.ts';
import { createMailbox, type UsherMockMailbox } from './mailbox.ts';
import { createUsherMockClock, type UsherMockClock } from './mock-clock.ts';
import { seedUser, type SeededUser, type SeedUserInput } from './seed-user.ts';

export interface UsherMockOptions {
  /** Where the mock API lives (`frontendApi` of the SDK). Default `http://localhost:4000`. */
  origin?: string;
  /**
   * The page's origin: sent as `Origin` when a request has none (as a browser would), and also
   * served (same-origin setups with `frontendApi: ''`). Default `location.origin` when there is
   * one (jsdom), else `origin`.
   */
  pageOrigin?: string;
  /** More origins allowed to call the API. */
  allowedOrigins?: string[];
  /** Instance settings merged over the defaults (fixed for the mock's life). */
  instanceConfig?: Parameters<typeof mergeInstanceConfig>[1];
  /** PBKDF2 iterations of the test hasher (low: tests only). Default 1000. */
  hasherIterations?: number;
  /**
   * `relaxed` (default): rate limits no test reaches, because every request of an in-process
   * mock comes from one "client" within milliseconds. `default`: the product's limits (429 with
   * Retry-After), to test how an app copes with them. `instanceConfig.rateLimits` wins over both.
   */
  rateLimits?: 'relaxed' | 'default';
}

export interface UsherMock {
  /** MSW handlers for `<origin>/v1/*`, `<origin>/backend/*` and `<origin>/.well-known/*` (and the page origin). */
  readonly handlers: RequestHandler[];
  /** The real Usher app; requests go to `app.fetch`. Replaced by reset(). */
  readonly app: UsherMockApp;
  /** Its memory store. Replaced by reset(). */
  readonly store: Store;
  /** The server's clock: follows Date.now() (fake timers included) plus `advance()`. */
  readonly clock: UsherMockClock;
  readonly origin: string;
  readonly mailbox: UsherMockMailbox;
  /** The dev SMS box: texts "sent" (verification and 2-step codes), the same way. */
  readonly sms: UsherMockMailbox;
  /** The browser's cookies for the API (cookie mode in Node). */
  readonly cookies: { get(name: string): string | null; clear(): void };
  /** Creates a verified user through the real sign-up endpoints. */
  seedUser(input: SeedUserInput): Promise<SeededUser>;
  /** A Backend API secret key (`sk_test_…`) of the current instance, for tests of app servers. */
  createSecretKey(name?: string): Promise<string>;
  /** A fresh instance: empty store and mailbox, no cookies, clock back to Date.now(). */
  reset(): void;
}

interface Instance {
  store: Store;
  app: UsherMockApp;
  worker: OutboxWorker;
}

function defaultPageOrigin(fallback: string): string {
  const location = (globalThis as { location?: { origin?: string } }).location;
  return location?.origin && location.origin !== 'null' ? location.origin : fallback;
}

/**
 * The real Usher server, in-process, behind MSW handlers: SDK and component tests (and Storybook)
 * talk to the same logic as production, over a memory store, with a controllable clock and a
 * dev mailbox. Environment-neutral: pass `handlers` to `setupServer` (msw/node, or use
 * `startUsherMockServer` from `@usher/testing/node`) or to `setupWorker` (browser).
 *
 * @example
 * const mock = setupUsherMock();
 * const server = setupServer(...mock.handlers);
 * server.listen();
 * await mock.seedUser({ email: 'ada@example.com', password: 'correct horse battery' });
 * const usher = new Usher({ frontendApi: mock.origin });
 */
export function setupUsherMock(options: UsherMockOptions = {}): UsherMock {
  const origin = (options.origin ?? 'http://localhost:4000').replace(/\/+$/, '');
  const pageOrigin = (options.pageOrigin ?? defaultPageOrigin(origin)).replace(/\/+$/, '');
  const clock = createUsherMockClock();
  const jar = new CookieJar(() => clock.now());
  const hidden = new Set<string>();
  const allowedOrigins = [...new Set([origin, pageOrigin, 'http://localhost', 'http://localhost:3000', ...(options.allowedOrigins ?? [])])];
  const base = defaultInstanceConfig();
  if ((options.rateLimits ?? 'relaxed') === 'relaxed') base.rateLimits = relaxedRateLimits();
  const instanceConfig: InstanceConfig = mergeInstanceConfig(base, options.instanceConfig);

  const createInstance = (): Instance => {
    const store = createMemoryStore();
    const app = createUsherApp({
      store,
      hasher: createPbkdf2Hasher({ iterations: options.hasherIterations ?? 1000 }),
      clock,
      random: webCryptoRandom,
      config: { environment: 'development', publicUrl: origin, allowedOrigins, trustedProxies: [], secureCookies: false },
      instanceConfig,
    });
    const worker = createOutboxWorker({ store, mailer: new DevMailboxMailer(store, clock), sms: new DevSmsBox(store, clock), clock, publicUrl: origin, instanceConfig });
    return { store, app, worker };
  };
  let current = createInstance();

  const forward = async (request: Request): Promise<Response> => {
    // Copied entry by entry: `new Headers(request.headers)` loses `authorization` on requests
    // whose body is a FormData (seen with msw 2 on Node 20), which would sign uploads out.
    const headers = new Headers();
    request.headers.forEach((value, name) => headers.append(name, value));
    if (!headers.has('origin')) headers.set('origin', pageOrigin);
    // A browser sends and keeps cookies unless the request says credentials: 'omit'.
    const withCookies = request.credentials !== 'omit';
    const cookie = withCookies ? jar.header() : null;
    if (cookie) headers.set('cookie', [headers.get('cookie'), cookie].filter(Boolean).join('; '));
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    const body = hasBody ? await request.arrayBuffer() : undefined;
    const instance = current;
    const response = await instance.app.fetch(new Request(request.url, { method: request.method, headers, body }));
    if (withCookies) jar.store(response.headers.getSetCookie());
    // Deliver queued emails now, so the mailbox shows them as soon as the answer arrives: at least
    // two rounds (one already in flight is joined by runOnce() and may have missed this request's
    // email), then on while rounds find work (change events queued before an email fill a round).
    await drainOutbox(instance.worker);
    return response;
  };

  const origins = [...new Set([origin, pageOrigin])];
  const handlers: RequestHandler[] = origins.flatMap((o) => [
    http.all(`${o}/v1/*`, ({ request }) => forward(request)),
    http.all(`${o}/.well-known/*`, ({ request }) => forward(request)),
    // The Backend API, for tests of app servers (@usher/backend's client).
    http.all(`${o}/backend/*`, ({ request }) => forward(request)),
  ]);

  const mailbox = createMailbox(() => current.store, hidden);
  const sms = createMailbox(() => current.store, hidden, 'sms');

  return {
    handlers,
    get app() {
      return current.app;
    },
    get store() {
      return current.store;
    },
    clock,
    origin,
    mailbox,
    sms,
    cookies: { get: (name) => jar.get(name), clear: () => jar.clear() },
    createSecretKey: async (name = 'test') => (await createSecretKey({ store: current.store, clock, random: webCryptoRandom }, { environment: 'development', name })).secretKey,
    seedUser: (input) =>
      seedUser(
        {
          fetch: async (request) => current.app.fetch(request),
          origin,
          store: () => current.store,
          deliverOutbox: () => drainOutbox(current.worker),
          hideMessage: (id) => hidden.add(id),
          now: () => clock.now(),
        },
        input,
      ),
    reset() {
      current = createInstance();
      jar.clear();
      hidden.clear();
      clock.reset();
    },
  };
}

/** Runs outbox rounds until one finds nothing (at least two, at most twelve). */
async function drainOutbox(worker: OutboxWorker): Promise<void> {
  for (let round = 0; round < 12; round++) {
    const handled = await worker.runOnce();
    if (handled === 0 && round >= 1) return;
  }
}
