import { decodeJwtClaims } from '../internal/jwt.ts';
import type { Clock, TimerHandle, Timers } from '../internal/timers.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import { isRetryableError, isSessionGoneError } from './session-gone.ts';
import { sameTokenKey, tokenKeyString, type TokenKey } from './token-key.ts';

/** Timing of the token cache, in ms. */
export interface TokenPolicy {
  /** A cached token is served while it has more than this left. */
  minFreshMs: number;
  /** The background refresh runs this long before expiry (at most a quarter of the lifetime). */
  refreshLeadMs: number;
  /** Random spread added before the refresh so tabs do not all wake at once. */
  refreshJitterMs: number;
  backoff: BackoffPolicy;
}

export const DEFAULT_TOKEN_POLICY: TokenPolicy = { minFreshMs: 5000, refreshLeadMs: 15_000, refreshJitterMs: 2000, backoff: DEFAULT_BACKOFF };

export interface TokenManagerOptions {
  /** Calls the API; throws UsherAPIError / UsherOfflineError. */
  mint(key: TokenKey): Promise<string>;
  clock: Clock;
  random: () => number;
  timers: Timers;
  /** Server − local clock, in ms, as learned so far; a token's iat teaches it too. */
  skew: { readonly ms: number; observeServerTime(serverMs: number, receivedAt: number): void };
  /** Runs `fn` holding a lock shared by the tabs (or directly). */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Whether this tab leads the refreshes (Web Locks election); every tab leads without it. */
  isLeader?: () => boolean;
  /** Tells the other tabs about a token this tab minted. */
  share(key: TokenKey, jwt: string): void;
  /** The API said the session is over (authoritative 401/404). */
  onSessionGone(sessionId: string): void;
  /** A token became the current one for a key (minted here or received). */
  onToken(key: TokenKey, jwt: string, expiresAt: number): void;
  policy?: Partial<TokenPolicy>;
}

interface Entry {
  readonly key: TokenKey;
  jwt: string | null;
  /** Local-clock ms. */
  expiresAt: number;
  lifetimeMs: number;
  inflight: Promise<string> | null;
  failures: number;
  blockedUntil: number;
  lastError: unknown;
  timer: TimerHandle | null;
}

type MintMode = 'foreground' | 'background' | 'force';

/**
 * Caches 60-second session tokens and keeps the current one fresh:
 * concurrent callers share one request; a fresh cached token is served directly; a background
 * refresh runs ~15 s before expiry (one tab at a time, the result shared with the others);
 * failures back off exponentially with full jitter and honour `Retry-After`; network errors,
 * 5xx and 429 never end the session — only an authoritative refusal does.
 */
export class TokenManager {
  readonly #opts: TokenManagerOptions;
  readonly #policy: TokenPolicy;
  readonly #entries = new Map<string, Entry>();
  #target: TokenKey | null = null;
  #destroyed = false;

  constructor(options: TokenManagerOptions) {
    this.#opts = options;
    this.#policy = { ...DEFAULT_TOKEN_POLICY, ...options.policy, backoff: { ...DEFAULT_BACKOFF, ...options.policy?.backoff } };
  }

  /**
   * A token for `key`: the cached one while fresh, else one mint shared by all callers. On a
   * transient failure a still-valid token is served; without one the typed error is thrown.
   */
  getToken(key: TokenKey, options: { skipCache?: boolean } = {}): Promise<string> {
    const entry = this.#entry(key);
    const now = this.#opts.clock.now();
    if (!options.skipCache && entry.jwt && entry.expiresAt - now > this.#policy.minFreshMs) return Promise.resolve(entry.jwt);
    if (entry.inflight) return entry.inflight;
    if (entry.blockedUntil > now) {
      // Backing off: no request now, whoever asks.
      if (entry.jwt && entry.expiresAt > now) return Promise.resolve(entry.jwt);
      return Promise.reject(entry.lastError);
    }
    return this.#mint(entry, options.skipCache ? 'force' : 'foreground');
  }

  /** The key kept fresh in the background (the active session's default token), or null. */
  setRefreshTarget(key: TokenKey | null): void {
    if (this.#destroyed) return;
    const previous = this.#target;
    if (previous && key && sameTokenKey(previous, key)) return;
    this.#target = key;
    if (previous) {
      const old = this.#entries.get(tokenKeyString(previous));
      if (old) this.#clearTimer(old);
    }
    if (!key) return;
    const entry = this.#entry(key);
    if (entry.jwt && entry.expiresAt - this.#opts.clock.now() > this.#lead(entry)) this.#schedule(entry);
    else this.#kick(entry);
  }

  /** Adopts a token another tab minted, when it is newer than ours. */
  receive(key: TokenKey, jwt: string): void {
    if (this.#destroyed) return;
    const claims = decodeJwtClaims(jwt);
    if (!claims) return;
    const entry = this.#entry(key);
    const expiresAt = claims.exp * 1000 - this.#opts.skew.ms;
    if (entry.jwt && entry.expiresAt >= expiresAt) return;
    this.#store(entry, jwt, { share: false });
    entry.failures = 0;
    entry.blockedUntil = 0;
    this.#schedule(entry);
  }

  /** Connectivity is back or the tab got focus: retry now, and refresh when due. */
  resume(): void {
    if (this.#destroyed || !this.#target) return;
    const entry = this.#entry(this.#target);
    entry.failures = 0;
    entry.blockedUntil = 0;
    if (!entry.jwt || entry.expiresAt - this.#opts.clock.now() <= this.#lead(entry)) this.#kick(entry);
  }

  /** This tab became (or stopped being) the one that refreshes first: re-plan the refresh. */
  leadershipChanged(): void {
    if (this.#destroyed || !this.#target) return;
    const entry = this.#entries.get(tokenKeyString(this.#target));
    if (entry && !entry.inflight) this.#schedule(entry);
  }

  /** The cached token for a key, whatever its age (tests and diagnostics). */
  peek(key: TokenKey): { jwt: string; expiresAt: number } | null {
    const entry = this.#entries.get(tokenKeyString(key));
    return entry?.jwt ? { jwt: entry.jwt, expiresAt: entry.expiresAt } : null;
  }

  /** Forgets every token of a session and stops its timers. */
  clearSession(sessionId: string): void {
    for (const [id, entry] of this.#entries) {
      if (entry.key.sessionId !== sessionId) continue;
      this.#clearTimer(entry);
      this.#entries.delete(id);
    }
    if (this.#target?.sessionId === sessionId) this.#target = null;
  }

  clearAll(): void {
    for (const entry of this.#entries.values()) this.#clearTimer(entry);
    this.#entries.clear();
    this.#target = null;
  }

  destroy(): void {
    this.clearAll();
    this.#destroyed = true;
  }

  #entry(key: TokenKey): Entry {
    const id = tokenKeyString(key);
    let entry = this.#entries.get(id);
    if (!entry) {
      entry = { key, jwt: null, expiresAt: 0, lifetimeMs: 0, inflight: null, failures: 0, blockedUntil: 0, lastError: null, timer: null };
      if (!this.#destroyed) this.#entries.set(id, entry);
    }
    return entry;
  }

  #alive(entry: Entry): boolean {
    return !this.#destroyed && this.#entries.get(tokenKeyString(entry.key)) === entry;
  }

  #isTarget(entry: Entry): boolean {
    return this.#target !== null && sameTokenKey(this.#target, entry.key);
  }

  /**
   * How long before expiry the background refresh runs. The leading tab refreshes early; the
   * others only as a fallback, late enough that the leader's shared token normally arrives first.
   */
  #lead(entry: Entry): number {
    const lifetime = entry.lifetimeMs || 60_000;
    const leaderLead = Math.min(this.#policy.refreshLeadMs, lifetime / 4);
    if (this.#opts.isLeader?.() ?? true) return leaderLead;
    return Math.min(leaderLead, this.#policy.minFreshMs + this.#policy.refreshJitterMs + 1000);
  }

  /** A background mint whose failure is handled by the backoff, never surfaced. */
  #kick(entry: Entry): void {
    if (entry.inflight) return;
    if (entry.blockedUntil > this.#opts.clock.now()) {
      this.#schedule(entry);
      return;
    }
    this.#mint(entry, 'background').catch(() => undefined);
  }

  #mint(entry: Entry, mode: MintMode): Promise<string> {
    const promise = (async () => {
      try {
        const jwt = await this.#opts.withLock(`usher:token:${tokenKeyString(entry.key)}`, async () => {
          // Another tab may have shared a token while this one waited for the lock.
          const threshold = mode === 'background' ? this.#lead(entry) : this.#policy.minFreshMs;
          if (mode !== 'force' && entry.jwt && entry.expiresAt - this.#opts.clock.now() > threshold) return entry.jwt;
          const minted = await this.#opts.mint(entry.key);
          if (this.#alive(entry)) this.#store(entry, minted, { share: true });
          return minted;
        });
        entry.failures = 0;
        entry.blockedUntil = 0;
        entry.lastError = null;
        return jwt;
      } catch (error) {
        return this.#fail(entry, error);
      } finally {
        entry.inflight = null;
        this.#schedule(entry);
      }
    })();
    entry.inflight = promise;
    return promise;
  }

  #fail(entry: Entry, error: unknown): string {
    if (isSessionGoneError(error)) {
      this.clearSession(entry.key.sessionId);
      this.#opts.onSessionGone(entry.key.sessionId);
      throw error;
    }
    const now = this.#opts.clock.now();
    entry.failures += 1;
    entry.lastError = error;
    const retryAfter = (error as { retryAfter?: number | null }).retryAfter ?? null;
    entry.blockedUntil = now + backoffDelay(entry.failures, this.#opts.random, this.#policy.backoff, retryAfter);
    if (!isRetryableError(error)) entry.failures = this.#policy.backoff.maxRetries + 1;
    if (entry.jwt && entry.expiresAt > now) return entry.jwt;
    throw error;
  }

  #store(entry: Entry, jwt: string, options: { share: boolean }): void {
    const claims = decodeJwtClaims(jwt);
    const now = this.#opts.clock.now();
    if (claims) {
      if (options.share) this.#opts.skew.observeServerTime(claims.iat * 1000, now);
      entry.lifetimeMs = (claims.exp - claims.iat) * 1000;
      entry.expiresAt = claims.exp * 1000 - this.#opts.skew.ms;
    } else {
      // Not a JWT we can read: assume the documented lifetime from now.
      entry.lifetimeMs = 60_000;
      entry.expiresAt = now + 60_000;
    }
    entry.jwt = jwt;
    if (options.share) this.#opts.share(entry.key, jwt);
    this.#opts.onToken(entry.key, jwt, entry.expiresAt);
  }

  #schedule(entry: Entry): void {
    this.#clearTimer(entry);
    if (!this.#alive(entry) || !this.#isTarget(entry) || entry.inflight) return;
    const now = this.#opts.clock.now();
    let at: number;
    if (entry.failures > 0) {
      if (entry.failures > this.#policy.backoff.maxRetries) return;
      at = entry.blockedUntil;
    } else if (entry.jwt) {
      at = entry.expiresAt - this.#lead(entry) - this.#opts.random() * this.#policy.refreshJitterMs;
    } else {
      return;
    }
    // At least a second between background mints, whatever the clocks say.
    const delay = Math.max(1000, at - now);
    entry.timer = this.#opts.timers.setTimeout(() => {
      entry.timer = null;
      if (!this.#alive(entry) || !this.#isTarget(entry)) return;
      this.#mint(entry, entry.failures > 0 ? 'force' : 'background').catch(() => undefined);
    }, delay);
  }

  #clearTimer(entry: Entry): void {
    if (entry.timer !== null) {
      this.#opts.timers.clearTimeout(entry.timer);
      entry.timer = null;
    }
  }
}
