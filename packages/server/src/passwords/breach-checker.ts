import { bytesToHex, utf8 } from '../crypto/encoding.ts';
import type { BreachChecker, Logger } from '../deps.ts';
import { silentLogger } from '../services/logger.ts';

export type { BreachChecker };

/** Upper-case hex SHA-1, the form breach corpora are indexed by. */
export async function sha1Hex(password: string): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-1', utf8(password)))).toUpperCase();
}

/**
 * The offline default: the most common passwords of public breach corpora (the list zxcvbn-ts
 * ships, about 30,000 entries), compared case-insensitively. Loaded on the first check only.
 *
 * @example
 * await createOfflineBreachChecker().isBreached('password1'); // true
 */
export function createOfflineBreachChecker(load: () => Promise<Iterable<string>> = commonPasswords): BreachChecker {
  let list: Promise<Set<string>> | null = null;
  return {
    async isBreached(password) {
      list ??= load().then((words) => new Set([...words].map((w) => w.toLowerCase())));
      return (await list).has(password.toLowerCase());
    },
  };
}

async function commonPasswords(): Promise<Iterable<string>> {
  const { dictionary } = await import('@zxcvbn-ts/language-common');
  return dictionary['passwords-common'];
}

export interface RangeBreachCheckerOptions {
  /**
   * The range API's base URL: `GET {endpoint}/{first 5 hex of the SHA-1}` answers lines of
   * `SUFFIX:COUNT` (the format of Have I Been Pwned's `https://api.pwnedpasswords.com/range`).
   */
  endpoint: string;
  /** Default 2 s; slower counts as unreachable. */
  timeoutMs?: number;
  /** Asked when the service cannot answer (default: nobody, so the check fails open). */
  fallback?: BreachChecker;
  fetch?: typeof fetch;
  logger?: Logger;
}

/**
 * A k-anonymity range client: only the first 5 hex characters of the password's SHA-1 leave the
 * server; the rest is compared locally against the hundreds of suffixes the service answers.
 * Asks for padded answers, so the response size tells an observer nothing either. Timeouts and
 * errors are logged (never with the password or its hash) and fall back to `fallback`.
 *
 * @example
 * createRangeBreachChecker({ endpoint: 'https://api.pwnedpasswords.com/range', fallback: createOfflineBreachChecker() });
 */
export function createRangeBreachChecker(options: RangeBreachCheckerOptions): BreachChecker {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 2000;
  const fetchFn = options.fetch ?? globalThis.fetch;
  const logger = options.logger ?? silentLogger;
  return {
    async isBreached(password) {
      const hash = await sha1Hex(password);
      const prefix = hash.slice(0, 5);
      const suffix = hash.slice(5);
      try {
        const response = await fetchFn(`${endpoint}/${prefix}`, { headers: { 'Add-Padding': 'true' }, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
        if (!response.ok) throw new Error(`answered ${response.status}`);
        const body = await response.text();
        for (const line of body.split('\n')) {
          const [candidate, count] = line.trim().split(':');
          // Padding lines have a count of 0: they are not breached passwords.
          if (candidate?.toUpperCase() === suffix && Number(count) > 0) return true;
        }
        return false;
      } catch (error) {
        logger.warn('breached-password check unavailable; the password is accepted unless the fallback knows it', { error: error instanceof Error ? error.message : String(error) });
        return options.fallback ? options.fallback.isBreached(password) : null;
      }
    },
  };
}
