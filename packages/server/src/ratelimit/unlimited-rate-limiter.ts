import type { RateLimiter } from '../deps.ts';

/**
 * Allows every request. Only `usher dev` with USHER_RATE_LIMITS=off uses it, so that an app's
 * own end-to-end suite can sign in faster than a person could; `usher start` never does.
 */
export function createUnlimitedRateLimiter(): RateLimiter {
  return {
    hit: async (_key, rule) => ({ allowed: true, retryAfterMs: 0, remaining: rule.limit }),
  };
}
