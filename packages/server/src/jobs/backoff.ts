/**
 * Exponential backoff with full jitter: the delay before retry n (n = attempts already made, ≥ 1)
 * is uniform in [0, min(maxDelay, base · 2^(n-1))). `unit` is a uniform number in [0, 1).
 */
export function fullJitterDelay(attempts: number, baseDelayMs: number, maxDelayMs: number, unit: number): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 52);
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** exponent);
  return Math.floor(unit * ceiling);
}
