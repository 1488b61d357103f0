import { TokenVerificationError } from '../errors.ts';
import { importPublicJwk, type JwksKey } from './import-public-jwk.ts';

export type { JwksKey } from './import-public-jwk.ts';

/** The subset of `fetch` the client uses; the platform's `fetch` fits, and so does `app.fetch`-based test code. */
export type JwksFetch = (url: string, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<Response>;

export interface JwksClientOptions {
  /** Absolute URL of the key set, e.g. `https://auth.example.com/.well-known/jwks.json`. */
  jwksUrl: string;
  /** Defaults to the platform's `fetch`. */
  fetch?: JwksFetch;
  /** How long a fetched key set is used before it is fetched again. Default 5 minutes (the server's `max-age`). */
  cacheTtlMs?: number;
  /**
   * The key set is fetched at most once per this interval, whatever the reason (first use, expired
   * cache, unknown `kid`), so forged `kid`s or a failing endpoint cannot cause a refetch storm.
   * Default 10 seconds.
   */
  minRefreshIntervalMs?: number;
  /** A fetch (answer and body) taking longer than this fails with `jwk-remote-failed-to-load`. Default 5 seconds. */
  timeoutMs?: number;
  /** Unix milliseconds; defaults to `Date.now`. */
  clock?: () => number;
}

/** A cached, rate-limited view of a remote JWKS. Keep one per key set for the life of the process. */
export interface JwksClient {
  /**
   * The key with this `kid`. Fetches the set when it is missing or older than the cache TTL, and
   * refetches it once for an unknown `kid` (at most once per `minRefreshIntervalMs`; concurrent
   * callers share one request). When a fetch fails, the keys already cached keep being served.
   * Rejects with a TokenVerificationError: `jwk-kid-mismatch`, `jwk-remote-failed-to-load` or
   * `jwk-remote-invalid`.
   */
  getKey(kid: string): Promise<JwksKey>;
}

const DEFAULT_CACHE_TTL_MS = 5 * 60_000;
const DEFAULT_MIN_REFRESH_INTERVAL_MS = 10_000;
const DEFAULT_TIMEOUT_MS = 5_000;

function duration(value: number, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new TypeError(`${name} must be a finite number of milliseconds ≥ 0.`);
  return value;
}

function checkedUrl(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError('jwksUrl must be an absolute http(s) URL.');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError('jwksUrl must be an absolute http(s) URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('jwksUrl must be an absolute http(s) URL.');
  return url.href;
}

/**
 * Fetches, validates and imports the key set. Entries that are not usable verification keys are
 * skipped (RFC 7517 §5); a set left with none is invalid.
 */
async function loadKeySet(url: string, fetchJwks: JwksFetch, timeoutMs: number): Promise<Map<string, JwksKey>> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Raced as well as passed as a signal, so a fetch that ignores its signal still cannot hang every verification.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new TokenVerificationError('jwk-remote-failed-to-load', `Fetching the JWKS from ${url} took longer than ${timeoutMs} ms.`));
    }, timeoutMs);
  });
  const download = async (): Promise<unknown> => {
    const response = await fetchJwks(url, { headers: { accept: 'application/json' }, signal: controller.signal });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new TokenVerificationError('jwk-remote-failed-to-load', `The JWKS endpoint ${url} answered HTTP ${response.status}.`);
    }
    try {
      return await response.json();
    } catch (cause) {
      if (controller.signal.aborted) throw cause;
      throw new TokenVerificationError('jwk-remote-invalid', `The JWKS endpoint ${url} did not answer JSON.`, { cause });
    }
  };

  let body: unknown;
  try {
    body = await Promise.race([download(), timeout]);
  } catch (cause) {
    if (cause instanceof TokenVerificationError) throw cause;
    throw new TokenVerificationError('jwk-remote-failed-to-load', `The JWKS could not be fetched from ${url}.`, { cause });
  } finally {
    clearTimeout(timer);
  }

  const entries = typeof body === 'object' && body !== null ? (body as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(entries)) throw new TokenVerificationError('jwk-remote-invalid', `The JWKS from ${url} has no "keys" array.`);
  const keys = new Map<string, JwksKey>();
  for (const imported of await Promise.all(entries.map(importPublicJwk))) {
    // A kid published twice keeps its first key: the set's order is the publisher's.
    if (imported && !keys.has(imported.kid)) keys.set(imported.kid, imported);
  }
  if (keys.size === 0) throw new TokenVerificationError('jwk-remote-invalid', `The JWKS from ${url} has no usable ES256 or RS256 signing key.`);
  return keys;
}

/**
 * A JWKS client for `verifyToken` / `createTokenVerifier`: caches the key set, refetches it on
 * an unknown `kid` without ever stampeding the endpoint, and keeps serving cached keys while the
 * endpoint is failing. It holds its cache itself (there is no module-level cache): create one per
 * key set and keep it.
 *
 * @example
 * const jwks = createJwksClient({ jwksUrl: 'https://auth.example.com/.well-known/jwks.json' });
 * const verifier = createTokenVerifier({ jwks, issuer: 'https://auth.example.com' });
 * const claims = await verifier.verify(token);
 */
export function createJwksClient(options: JwksClientOptions): JwksClient {
  const url = checkedUrl(options.jwksUrl);
  const fetchJwks: JwksFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const cacheTtlMs = duration(options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS, 'cacheTtlMs');
  const minRefreshIntervalMs = duration(options.minRefreshIntervalMs ?? DEFAULT_MIN_REFRESH_INTERVAL_MS, 'minRefreshIntervalMs');
  const timeoutMs = duration(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'timeoutMs');
  const clock = options.clock ?? Date.now;
  if (typeof fetchJwks !== 'function' || typeof clock !== 'function') throw new TypeError('fetch and clock must be functions.');

  let keys: Map<string, JwksKey> | null = null;
  let loadedAt = 0;
  let lastAttemptAt: number | null = null;
  /** The failure of the latest fetch, cleared by the next success. */
  let lastFailure: TokenVerificationError | null = null;
  let inFlight: Promise<void> | null = null;

  const isFresh = (now: number): boolean => keys !== null && now - loadedAt >= 0 && now - loadedAt < cacheTtlMs;

  /** Starts a fetch unless one is running (then joins it) or the last one started too recently (then null). */
  const refresh = (): Promise<void> | null => {
    if (inFlight) return inFlight;
    const now = clock();
    // A clock that went backwards does not block refreshes until it catches up.
    if (lastAttemptAt !== null && now - lastAttemptAt >= 0 && now - lastAttemptAt < minRefreshIntervalMs) return null;
    lastAttemptAt = now;
    inFlight = loadKeySet(url, fetchJwks, timeoutMs)
      .then(
        (loaded) => {
          keys = loaded;
          loadedAt = clock();
          lastFailure = null;
        },
        (error: unknown) => {
          lastFailure =
            error instanceof TokenVerificationError ? error : new TokenVerificationError('jwk-remote-failed-to-load', `The JWKS could not be fetched from ${url}.`, { cause: error });
        },
      )
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  return {
    async getKey(kid) {
      if (isFresh(clock())) {
        const cached = keys?.get(kid);
        if (cached) return cached;
      }
      const pending = refresh();
      if (pending) await pending;
      const found = keys?.get(kid);
      if (found) return found;
      if (lastFailure) throw new TokenVerificationError(lastFailure.reason, lastFailure.message, { cause: lastFailure.cause });
      throw new TokenVerificationError('jwk-kid-mismatch', 'No key of the JWKS has the kid of the token.');
    },
  };
}
