import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff.ts';

describe('backoffDelay (full jitter)', () => {
  it('draws below a ceiling that starts at ~3 s and grows ×1.5', () => {
    expect(backoffDelay(1, () => 0.999, DEFAULT_BACKOFF, null)).toBe(2997);
    expect(backoffDelay(2, () => 0.999, DEFAULT_BACKOFF, null)).toBe(Math.floor(0.999 * 4500));
    expect(backoffDelay(3, () => 0.5, DEFAULT_BACKOFF, null)).toBe(Math.floor(0.5 * 6750));
  });

  it('never exceeds the 50 s cap however many failures', () => {
    expect(backoffDelay(40, () => 0.999, DEFAULT_BACKOFF, null)).toBe(Math.floor(0.999 * 50_000));
  });

  it('is never zero, so a failing server is not hit twice in one tick', () => {
    expect(backoffDelay(1, () => 0, DEFAULT_BACKOFF, null)).toBe(250);
  });

  it('waits at least Retry-After', () => {
    expect(backoffDelay(1, () => 0.1, DEFAULT_BACKOFF, 30)).toBe(30_000);
    expect(backoffDelay(9, () => 0.9, DEFAULT_BACKOFF, 1)).toBeGreaterThan(1000);
  });

  it('spreads retries: two clients that failed together rarely retry together', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const delays = Array.from({ length: 50 }, () => backoffDelay(4, random, DEFAULT_BACKOFF, null));
    expect(new Set(delays).size).toBeGreaterThan(45);
  });
});
