import { defaultInstanceConfig, type InstanceConfig } from '../config/instance.ts';
import { loadInstanceConfig, mergeInstanceConfig } from '../config/load.ts';
import { createId, type IdPrefix } from '../crypto/ids.ts';
import { loadInstanceSecret } from '../crypto/instance-secret.ts';
import { bytesToHex } from '../crypto/encoding.ts';
import { KeyRing } from '../crypto/signing-keys.ts';
import { normalizeOrigin } from './redirects.ts';
import { silentLogger } from './logger.ts';
import { createMemoryRateLimiter } from '../ratelimit/memory-rate-limiter.ts';
import type { BreachChecker, Clock, Logger, PasswordHasher, RateLimiter, Random, ServerConfig, UsherAppDeps } from '../deps.ts';
import { createOfflineBreachChecker } from '../passwords/breach-checker.ts';
import type { Store } from '../store/types.ts';
import { OAuthClientState } from '../oauth/client-state.ts';

/**
 * Everything services need, built once per app: the injected dependencies plus what is derived
 * from the store at first use (instance secret, signing key, a decoy password hash).
 */
export class Runtime {
  readonly store: Store;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  readonly random: Random;
  readonly config: ServerConfig;
  readonly logger: Logger;
  readonly keys: KeyRing;
  /** Per app unless injected: two apps in one process (tests) never share budgets. */
  readonly rateLimiter: RateLimiter;
  readonly breachChecker: BreachChecker;
  /** Provider metadata and signing keys (per app), and the fetch for calls to providers. */
  readonly oauth: OAuthClientState;
  private readonly clientIp: UsherAppDeps['clientIp'];
  /** Origin of the public URL: always an allowed origin. */
  readonly publicOrigin: string;
  /** The `iss` of session tokens: the public URL without a trailing slash. */
  readonly issuer: string;
  /** Allowed origins, normalized, including the public URL's. */
  readonly allowedOrigins: ReadonlySet<string>;
  private readonly fixedInstanceConfig: InstanceConfig | undefined;
  private initialization: Promise<void> | null = null;
  private secretBytes: Uint8Array | null = null;
  private decoyHash: string | null = null;

  constructor(deps: UsherAppDeps) {
    this.store = deps.store;
    this.hasher = deps.hasher;
    this.clock = deps.clock;
    this.random = deps.random;
    this.config = deps.config;
    this.logger = deps.logger ?? silentLogger;
    this.keys = new KeyRing(deps.store, deps.clock);
    this.rateLimiter = deps.rateLimiter ?? createMemoryRateLimiter();
    this.breachChecker = deps.breachChecker ?? createOfflineBreachChecker();
    this.oauth = new OAuthClientState(deps.fetch ?? ((input, init) => globalThis.fetch(input, init)));
    this.clientIp = deps.clientIp;
    const publicOrigin = normalizeOrigin(deps.config.publicUrl);
    if (!publicOrigin) throw new TypeError('config.publicUrl must be an absolute http(s) URL');
    this.publicOrigin = publicOrigin;
    this.issuer = deps.config.publicUrl.replace(/\/+$/, '');
    const origins = new Set([publicOrigin]);
    for (const origin of deps.config.allowedOrigins) {
      const normalized = normalizeOrigin(origin);
      if (!normalized) throw new TypeError(`config.allowedOrigins has an entry that is not an http(s) origin: ${origin}`);
      origins.add(normalized);
    }
    this.allowedOrigins = origins;
    this.fixedInstanceConfig = deps.instanceConfig ? mergeInstanceConfig(defaultInstanceConfig(), deps.instanceConfig) : undefined;
  }

  /** Runs first-start work once; a failed start is retried by the next request. */
  ready(): Promise<void> {
    this.initialization ??= this.initialize().catch((error: unknown) => {
      this.initialization = null;
      throw error;
    });
    return this.initialization;
  }

  private async initialize(): Promise<void> {
    this.secretBytes = await loadInstanceSecret(this.store, this.random);
    await this.keys.ensureKey();
    // Verified against on the unknown-identifier path, so it costs what a real verify costs.
    this.decoyHash = await this.hasher.hash(bytesToHex(this.random.bytes(16)));
  }

  get secret(): Uint8Array {
    if (!this.secretBytes) throw new TypeError('Runtime used before ready()');
    return this.secretBytes;
  }

  get dummyPasswordHash(): string {
    if (!this.decoyHash) throw new TypeError('Runtime used before ready()');
    return this.decoyHash;
  }

  newId(prefix: IdPrefix): string {
    return createId(prefix, this.clock, this.random);
  }

  now(): number {
    return this.clock.now();
  }

  instanceConfig(): Promise<InstanceConfig> {
    // The host's settings are the base; edits stored through the Backend API or the CLI win.
    return loadInstanceConfig(this.store, this.fixedInstanceConfig);
  }

  /** The address of the request's peer (socket), when the host knows it. */
  peerAddress(request: Request): string | undefined {
    return this.clientIp?.(request);
  }

  isAllowedOrigin(origin: string): boolean {
    return this.allowedOrigins.has(origin);
  }
}
