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

/**
 * Structured logs. Fields are plain data; callers never put passwords, codes, tokens or secrets
 * in them (nor in messages).
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface ServerConfig {
  environment: 'development' | 'production';
  /** Public base URL of the API, e.g. http://localhost:4000. Used as `iss` and in emails; never taken from Host headers. */
  publicUrl: string;
  /** Origins allowed to call state-changing endpoints and to be redirected to. */
  allowedOrigins: string[];
  /** Addresses of reverse proxies whose X-Forwarded-For is trusted. */
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
   * Fixed instance settings (tests, Storybook, MSW). When given, the app uses exactly this and
   * never reads INSTANCE_CONFIG_KEY from the store; when absent, the stored settings are read on
   * every request and merged over defaultInstanceConfig().
   */
  instanceConfig?: InstanceConfig;
  /** Defaults to a logger that drops everything. */
  logger?: Logger;
}
