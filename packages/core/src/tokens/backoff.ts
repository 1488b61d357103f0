/** Retry policy of token minting. */
export interface BackoffPolicy {
  /** First delay ceiling, ms. */
  baseMs: number;
  /** Growth of the ceiling per failure. */
  factor: number;
  /** Largest ceiling, ms. */
  capMs: number;
  /** Background retries after consecutive failures; then the SDK waits for getToken(), `online` or focus. */
  maxRetries: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 3000, factor: 1.5, capMs: 50_000, maxRetries: 10 };

/**
 * Delay before the next try after `failures` consecutive failures: "full jitter" (a uniform
 * draw below an exponentially growing ceiling), so many tabs or devices that failed together do
 * not retry together. A `Retry-After` from the server is a floor.
 */
export function backoffDelay(failures: number, random: () => number, policy: BackoffPolicy, retryAfterSeconds: number | null): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * policy.factor ** Math.max(0, failures - 1));
  const jittered = Math.floor(random() * ceiling);
  const floor = retryAfterSeconds !== null ? retryAfterSeconds * 1000 : 0;
  // Never zero: a failing server is never hit twice in the same tick.
  return Math.max(jittered, floor, 250);
}
