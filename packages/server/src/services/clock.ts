import type { Clock } from '../deps.ts';

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

export interface ManualClock extends Clock {
  /** Jumps to an absolute time (Unix ms). */
  set(ms: number): void;
  /** Moves time forward by `ms`. */
  advance(ms: number): void;
}

/**
 * A clock that only moves when told to: tests move time instead of sleeping.
 *
 * @example
 * const clock = createManualClock(Date.UTC(2030, 0, 1));
 * clock.advance(10 * 60_000); // ten minutes later
 */
export function createManualClock(startMs: number = Date.UTC(2030, 0, 1)): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    set(ms: number) {
      current = ms;
    },
    advance(ms: number) {
      current += ms;
    },
  };
}
