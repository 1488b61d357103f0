import type { StorageLike } from './internal/environment.ts';
import type { Clock, Timers } from './internal/timers.ts';
import type { CrossTabOptions } from './tokens/cross-tab.ts';
import type { TokenPolicy } from './tokens/token-manager.ts';
import type { FetchLike, TransportMode } from './transport/transport.ts';

/** Options of `new Usher(...)`. */
export interface UsherOptions {
  /**
   * Base URL of the Usher Frontend API: `''` or `'/'` for the app's own origin (behind a proxy),
   * `'http://localhost:4000'`, `'https://auth.example.com'`, or a path such as `'/__usher'`.
   */
  frontendApi: string;
  /**
   * How this client identifies itself: the HttpOnly `__client` cookie (browsers, default) or a
   * bearer client token kept by the SDK (non-browser clients, tests).
   */
  transport?: TransportMode;
  /** The fetch to use; default the global one, looked up at each call. */
  fetch?: FetchLike;
  /** Where the environment is cached (and the bearer token, with `persistClientToken`); default localStorage when available. `null` disables. */
  storage?: StorageLike | null;
  /** Bearer mode: a client token to start with (e.g. one kept by the host). */
  clientToken?: string | null;
  /** Bearer mode: keep the client token in `storage` across restarts. Default false. */
  persistClientToken?: boolean;
  /**
   * Cooperation between tabs (shared tokens and sign-outs, one refresher at a time). Default:
   * on in browsers, off elsewhere (a server must never mix requests). `true` turns it on with the
   * host's BroadcastChannel and Web Locks.
   */
  crossTab?: boolean | CrossTabOptions;
  /** Write the `__session` cookie for the app's own server (where a document exists). Default true. */
  sessionCookie?: boolean;
  /**
   * How the SDK leaves for a provider's page (social sign-in, connecting an account). Default
   * `location.assign(url)`; tests and native shells pass their own.
   */
  navigate?: (url: string) => unknown;
  /** Test hooks: time, randomness and timers. */
  clock?: Clock;
  random?: () => number;
  timers?: Timers;
  /** Token cache timing, mostly for tests. */
  tokenPolicy?: Partial<TokenPolicy>;
}

/** A stable per-API name for storage keys, locks and the BroadcastChannel. */
export function apiScope(frontendApi: string): string {
  const trimmed = frontendApi.replace(/\/+$/, '');
  return trimmed === '' ? 'same-origin' : trimmed;
}

export function hasDocument(): boolean {
  return typeof (globalThis as { document?: unknown }).document !== 'undefined';
}
