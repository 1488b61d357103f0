import type { RateLimiter, RateLimitResult, RateLimitRule } from '../deps.ts';

export interface MemoryRateLimiterOptions {
  /**
   * Most buckets kept at once. Beyond it the oldest windows are dropped (their keys start afresh):
   * memory stays bounded even when a client cycles through many IPv6 prefixes. Default 100 000.
   */
  maxBuckets?: number;
  /** How often expired buckets are swept out, in ms of the `now` passed to hit(). Default 60 s. */
  sweepIntervalMs?: number;
}

export interface MemoryRateLimiter extends RateLimiter {
  /** Buckets currently held (expired ones included until the next sweep). */
  readonly size: number;
}

interface Bucket {
  count: number;
  resetAt: number;
}

function assertRule(rule: RateLimitRule): void {
  if (!Number.isInteger(rule.limit) || rule.limit < 0) throw new TypeError('A rate limit needs a whole, non-negative limit');
  if (!Number.isFinite(rule.windowMs) || rule.windowMs <= 0) throw new TypeError('A rate limit needs a positive window');
}

/**
 * A fixed-window counter per key, the window starting at the first hit (not at a wall-clock
 * boundary): `1 per 30 s` then really means 30 s between two hits, and Retry-After is exact. One
 * counter per key keeps memory O(keys); the price is that a burst straddling two windows may
 * reach twice the limit, which the budgets allow for. Not shared between processes.
 *
 * @example
 * const limiter = createMemoryRateLimiter();
 * const { allowed, retryAfterMs } = await limiter.hit('signInCreate:203.0.113.7', { limit: 5, windowMs: 10_000 }, Date.now());
 */
export function createMemoryRateLimiter(options: MemoryRateLimiterOptions = {}): MemoryRateLimiter {
  const maxBuckets = options.maxBuckets ?? 100_000;
  const sweepIntervalMs = options.sweepIntervalMs ?? 60_000;
  if (!Number.isInteger(maxBuckets) || maxBuckets < 1) throw new TypeError('maxBuckets must be a positive whole number');
  // Map order is insertion order, and a bucket is re-inserted when its window restarts: the
  // first entries are the oldest windows, the ones to drop when full.
  const buckets = new Map<string, Bucket>();
  let lastSweep = -Infinity;

  const sweep = (now: number) => {
    lastSweep = now;
    for (const [key, bucket] of buckets) if (bucket.resetAt <= now) buckets.delete(key);
  };

  const makeRoom = (now: number) => {
    if (buckets.size < maxBuckets) return;
    sweep(now);
    for (const key of buckets.keys()) {
      if (buckets.size < maxBuckets) break;
      buckets.delete(key);
    }
  };

  const hit = (key: string, rule: RateLimitRule, now: number): RateLimitResult => {
    assertRule(rule);
    // A clock that went backwards must not postpone the sweep for as long as it jumped.
    if (now - lastSweep >= sweepIntervalMs || now < lastSweep) sweep(now);
    let bucket = buckets.get(key);
    // A window reaching further ahead than the rule allows comes from a clock that moved back
    // (or a rule that was shortened): start afresh rather than lock the key out for that long.
    if (bucket && (bucket.resetAt <= now || bucket.resetAt - now > rule.windowMs)) {
      buckets.delete(key);
      bucket = undefined;
    }
    if (!bucket) {
      makeRoom(now);
      bucket = { count: 0, resetAt: now + rule.windowMs };
      buckets.set(key, bucket);
    }
    if (bucket.count >= rule.limit) return { allowed: false, retryAfterMs: bucket.resetAt - now, remaining: 0 };
    bucket.count += 1;
    return { allowed: true, retryAfterMs: 0, remaining: rule.limit - bucket.count };
  };

  return {
    // No await inside: each hit reads and updates its bucket in one step, so concurrent
    // requests cannot both take the last unit of a budget.
    hit: async (key, rule, now) => hit(key, rule, now),
    get size() {
      return buckets.size;
    },
  };
}
