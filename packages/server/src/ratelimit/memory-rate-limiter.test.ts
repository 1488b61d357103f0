import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from './memory-rate-limiter.ts';

const FIVE_PER_10_S = { limit: 5, windowMs: 10_000 };
const T0 = Date.UTC(2030, 0, 1, 12);

describe('createMemoryRateLimiter', () => {
  it('allows `limit` hits per window, counting down what remains, then refuses with the time left', async () => {
    const limiter = createMemoryRateLimiter();
    const remaining: number[] = [];
    for (let i = 0; i < 5; i++) {
      const result = await limiter.hit('k', FIVE_PER_10_S, T0 + i * 1000);
      expect(result.allowed).toBe(true);
      expect(result.retryAfterMs).toBe(0);
      remaining.push(result.remaining);
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    expect(await limiter.hit('k', FIVE_PER_10_S, T0 + 7_500)).toEqual({ allowed: false, retryAfterMs: 2_500, remaining: 0 });
  });

  it('the window starts at the first hit, not at a clock boundary, and a new one starts when it ends', async () => {
    const limiter = createMemoryRateLimiter();
    const cooldown = { limit: 1, windowMs: 30_000 };
    const start = T0 + 29_999; // just before a 30-second boundary of the clock
    expect((await limiter.hit('resend', cooldown, start)).allowed).toBe(true);
    expect(await limiter.hit('resend', cooldown, start + 2)).toMatchObject({ allowed: false, retryAfterMs: 29_998 });
    expect((await limiter.hit('resend', cooldown, start + 29_999)).allowed).toBe(false);
    expect((await limiter.hit('resend', cooldown, start + 30_000)).allowed).toBe(true);
  });

  it('a refused hit does not count: waiting out the window is enough', async () => {
    const limiter = createMemoryRateLimiter();
    for (let i = 0; i < 5; i++) await limiter.hit('k', FIVE_PER_10_S, T0);
    for (let i = 0; i < 100; i++) expect((await limiter.hit('k', FIVE_PER_10_S, T0 + 9_000)).allowed).toBe(false);
    expect(await limiter.hit('k', FIVE_PER_10_S, T0 + 10_000)).toEqual({ allowed: true, retryAfterMs: 0, remaining: 4 });
  });

  it('keys have separate budgets', async () => {
    const limiter = createMemoryRateLimiter();
    for (let i = 0; i < 5; i++) await limiter.hit('a', FIVE_PER_10_S, T0);
    expect((await limiter.hit('a', FIVE_PER_10_S, T0)).allowed).toBe(false);
    expect((await limiter.hit('b', FIVE_PER_10_S, T0)).allowed).toBe(true);
  });

  it('concurrent hits never take more than the budget', async () => {
    const limiter = createMemoryRateLimiter();
    const results = await Promise.all(Array.from({ length: 20 }, () => limiter.hit('k', FIVE_PER_10_S, T0)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });

  it('a limit of 0 refuses everything for a window', async () => {
    const limiter = createMemoryRateLimiter();
    expect(await limiter.hit('k', { limit: 0, windowMs: 10_000 }, T0)).toEqual({ allowed: false, retryAfterMs: 10_000, remaining: 0 });
  });

  it('sweeps expired buckets out once the sweep interval has passed', async () => {
    const limiter = createMemoryRateLimiter({ sweepIntervalMs: 60_000 });
    for (let i = 0; i < 50; i++) await limiter.hit(`ip-${i}`, FIVE_PER_10_S, T0);
    await limiter.hit('long', { limit: 1, windowMs: 600_000 }, T0);
    expect(limiter.size).toBe(51);
    // Expired but not yet swept: the interval has not passed.
    await limiter.hit('other', FIVE_PER_10_S, T0 + 30_000);
    expect(limiter.size).toBe(52);
    await limiter.hit('other', FIVE_PER_10_S, T0 + 61_000);
    // Only the 10-minute bucket and the fresh one are still live.
    expect(limiter.size).toBe(2);
    expect((await limiter.hit('long', { limit: 1, windowMs: 600_000 }, T0 + 61_000)).allowed).toBe(false);
  });

  it('holds at most maxBuckets: expired ones go first, then the oldest windows', async () => {
    const limiter = createMemoryRateLimiter({ maxBuckets: 3, sweepIntervalMs: 3_600_000 });
    await limiter.hit('expired', { limit: 1, windowMs: 1_000 }, T0);
    await limiter.hit('old', FIVE_PER_10_S, T0 + 100);
    await limiter.hit('middle', FIVE_PER_10_S, T0 + 2_000);
    await limiter.hit('new', FIVE_PER_10_S, T0 + 2_100);
    expect(limiter.size).toBe(3);
    await limiter.hit('newest', FIVE_PER_10_S, T0 + 2_200);
    expect(limiter.size).toBe(3);
    // 'new' kept its count; 'old' was dropped, so it starts afresh.
    expect((await limiter.hit('new', FIVE_PER_10_S, T0 + 2_300)).remaining).toBe(3);
    expect((await limiter.hit('old', FIVE_PER_10_S, T0 + 2_400)).remaining).toBe(4);
  });

  it('a clock that moved back does not lock a key out for longer than its window', async () => {
    const limiter = createMemoryRateLimiter();
    for (let i = 0; i < 5; i++) await limiter.hit('k', FIVE_PER_10_S, T0);
    expect((await limiter.hit('k', FIVE_PER_10_S, T0 - 3_600_000)).allowed).toBe(true);
  });

  it('refuses a rule that makes no sense (misuse is a TypeError)', async () => {
    const limiter = createMemoryRateLimiter();
    await expect(limiter.hit('k', { limit: -1, windowMs: 1000 }, T0)).rejects.toThrow(TypeError);
    await expect(limiter.hit('k', { limit: 1.5, windowMs: 1000 }, T0)).rejects.toThrow(TypeError);
    await expect(limiter.hit('k', { limit: 1, windowMs: 0 }, T0)).rejects.toThrow(TypeError);
    await expect(limiter.hit('k', { limit: 1, windowMs: Number.NaN }, T0)).rejects.toThrow(TypeError);
    expect(() => createMemoryRateLimiter({ maxBuckets: 0 })).toThrow(TypeError);
  });

  it('two limiters share nothing', async () => {
    const one = createMemoryRateLimiter();
    const two = createMemoryRateLimiter();
    for (let i = 0; i < 5; i++) await one.hit('k', FIVE_PER_10_S, T0);
    expect((await one.hit('k', FIVE_PER_10_S, T0)).allowed).toBe(false);
    expect((await two.hit('k', FIVE_PER_10_S, T0)).allowed).toBe(true);
  });
});
