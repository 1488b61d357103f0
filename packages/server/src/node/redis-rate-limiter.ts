import type { Logger, RateLimiter, RateLimitResult } from '../deps.ts';
import { RedisClient } from './redis-client.ts';

/**
 * The memory limiter's fixed window (see ratelimit/memory-rate-limiter.ts), kept in Redis so
 * that every server instance spends from the same budgets. One atomic script per hit; `now`
 * comes from the app's clock, like everywhere else, so tests can move time.
 */
const HIT = `
local v = redis.call('HMGET', KEYS[1], 'c', 'r')
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local count = tonumber(v[1])
local resetAt = tonumber(v[2])
if (not resetAt) or resetAt <= now or resetAt - now > window then
  count = 0
  resetAt = now + window
end
if count >= limit then return {0, resetAt - now, 0} end
count = count + 1
redis.call('HSET', KEYS[1], 'c', count, 'r', resetAt)
redis.call('PEXPIRE', KEYS[1], resetAt - now)
return {1, 0, limit - count}
`;

export interface RedisRateLimiter extends RateLimiter {
  close(): Promise<void>;
}

/**
 * A RateLimiter shared by every instance through Redis (`REDIS_URL`). When Redis cannot be
 * reached the request is let through and the failure logged: rate limits are a second line of
 * defence (lockout and code budgets live in the database), and an outage of Redis must not lock
 * every user out.
 *
 * @example
 * const limiter = createRedisRateLimiter('redis://127.0.0.1:6379', { logger });
 */
export function createRedisRateLimiter(url: string, options: { prefix?: string; logger?: Logger } = {}): RedisRateLimiter {
  const redis = new RedisClient(url);
  const prefix = options.prefix ?? 'usher:rl:';
  return {
    async hit(key, rule, now): Promise<RateLimitResult> {
      try {
        const reply = await redis.command('EVAL', HIT, 1, `${prefix}${key}`, Math.floor(now), Math.floor(rule.windowMs), rule.limit);
        const [allowed, retryAfterMs, remaining] = (reply as number[]).map(Number) as [number, number, number];
        return { allowed: allowed === 1, retryAfterMs, remaining };
      } catch (error) {
        options.logger?.error('rate limiter unavailable: request allowed', { error: error instanceof Error ? error.message : String(error) });
        return { allowed: true, retryAfterMs: 0, remaining: rule.limit };
      }
    },
    close: () => redis.close(),
  };
}
