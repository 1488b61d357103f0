/**
 * What createUsherApp needs from its host. Everything with a side effect or a source of
 * non-determinism is injected, so the same app runs in Node, in vitest and in a browser
 * service worker, and tests move time instead of sleeping.
 */
import type { InstanceConfig } from './config/instance.ts';
import type { Store } from './store/types.ts';

export interface Clock {
  /** Unix milliseconds. */
  now(): number;
}

export interface Random {
  /** Cryptographically secure random bytes. */
  bytes(length: number): Uint8Array;
}

/** argon2id in Node (node/argon2-hasher.ts); a WebCrypto PBKDF2 hasher where no native module can load. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Delivers one message or throws; the outbox worker retries. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface SmsMessage {
  /** E.164, e.g. +15555550100. */
  to: string;
  body: string;
}

/** Delivers one text message or throws; the outbox worker retries. */
export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

/**
 * Answers whether a password is known from data breaches. `null`: it could not tell (its service
 * was unreachable); the password is then accepted (fails open) — a breach service being down
 * must never stop people from signing up. Implementations: passwords/breach-checker.ts.
 */
export interface BreachChecker {
  isBreached(password: string): Promise<boolean | null>;
}

/**
 * Structured logs. Fields are plain data; callers never put passwords, codes, tokens or secrets
 * in them (nor in messages).
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A budget: at most `limit` hits per `windowMs`. */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** 0 when allowed; else how long until the budget has room again. */
  retryAfterMs: number;
  /** Hits left in the current window after this one. */
  remaining: number;
}

/**
 * Counts hits per key. A hit that is refused does not count. Async so that a shared store (Redis)
 * can implement it for several server instances; the default is in memory, per app.
 */
export interface RateLimiter {
  hit(key: string, rule: RateLimitRule, now: number): Promise<RateLimitResult>;
}

export interface ServerConfig {
  environment: 'development' | 'production';
  /** Public base URL of the API, e.g. http://localhost:4000. Used as `iss` and in emails; never taken from Host headers. */
  publicUrl: string;
  /** Origins allowed to call state-changing endpoints and to be redirected to. */
  allowedOrigins: string[];
  /**
   * Reverse proxies whose X-Forwarded-For is trusted: exact addresses (`10.0.0.7`, `::1`) or CIDR
   * ranges (`10.0.0.0/8`, `fd00::/8`). Requests from anyone else are limited by their own address.
   */
  trustedProxies: string[];
  /** Cookies get `Secure` unless the public URL is http://localhost. */
  secureCookies: boolean;
}

export interface UsherAppDeps {
  store: Store;
  hasher: PasswordHasher;
  clock: Clock;
  random: Random;
  config: ServerConfig;
  /** Resolves the peer address of a request (Node's socket address); absent in-process. */
  clientIp?: (request: Request) => string | undefined;
  /**
   * Counts requests for the rate limits. Defaults to a fresh in-memory limiter for this app;
   * several server instances behind one load balancer need a shared one.
   */
  rateLimiter?: RateLimiter;
  /**
   * Fixed instance settings (tests, Storybook, MSW). When given, the app uses exactly this and
   * never reads INSTANCE_CONFIG_KEY from the store; when absent, the stored settings are read on
   * every request and merged over defaultInstanceConfig().
   */
  instanceConfig?: InstanceConfig;
  /** Defaults to a logger that drops everything. */
  logger?: Logger;
  /** Defaults to the offline list of common breached passwords (no network). */
  breachChecker?: BreachChecker;
  /** Outbound HTTP to OAuth / OpenID providers (discovery, token, userinfo, JWKS); defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
}
