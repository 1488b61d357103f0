import type { MiddlewareHandler } from 'hono';
import type { RateLimitConfig } from '../config/rate-limits.ts';
import { UsherError } from '../errors.ts';
import { clientBucket, resolveClientIp } from '../ratelimit/client-ip.ts';
import { parseIpRangeList } from '../ratelimit/ip-range.ts';
import { checkOf, rateLimitChecks, type RateLimitCheck } from '../ratelimit/policy.ts';
import type { Runtime } from '../services/runtime.ts';
import type { AppEnv } from './env.ts';

/** 429 `too_many_requests`; the error handler turns `retry_after_seconds` into `Retry-After`. */
export function tooManyRequests(retryAfterMs: number): UsherError {
  // Whole seconds, rounded up: a client that waits exactly this long is let in.
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new UsherError('too_many_requests', { meta: { retry_after_seconds: seconds } });
}

async function spend(rt: Runtime, checks: RateLimitCheck[]): Promise<void> {
  const now = rt.now();
  for (const check of checks) {
    const result = await rt.rateLimiter.hit(check.key, check.rule, now);
    if (!result.allowed) {
      // The budget's name only: the key holds an address or an attempt id.
      rt.logger.info('rate limited', { limit: check.name });
      throw tooManyRequests(result.retryAfterMs);
    }
  }
}

/**
 * Spends the request's budgets (ratelimit/policy.ts) and refuses it with 429 when one is empty.
 * It runs after the origin and body guards, so forged cross-site requests are refused without
 * spending anyone's budget, and before any route: a refused request writes nothing and hashes no
 * password.
 */
export function rateLimit(rt: Runtime): MiddlewareHandler<AppEnv> {
  // Parsed once, when the app is built: a bad entry fails at start, not on the first request.
  const trustedProxies = parseIpRangeList(rt.config.trustedProxies);
  return async (c, next) => {
    const request = c.req.raw;
    const client = clientBucket(resolveClientIp(rt.peerAddress(request), request.headers.get('x-forwarded-for'), trustedProxies));
    await spend(rt, rateLimitChecks({ method: c.req.method, path: c.req.path, body: c.get('body'), client }, c.get('instance').rateLimits));
    return next();
  };
}

/**
 * A sign-in created with `strategy: 'email_code'` emails a code without prepare_first_factor:
 * that email starts the resend cooldown all the same.
 */
export async function startResendCooldown(rt: Runtime, limits: RateLimitConfig, attemptId: string): Promise<void> {
  const check = checkOf(limits, 'codeResend', attemptId);
  await rt.rateLimiter.hit(check.key, check.rule, rt.now());
}
