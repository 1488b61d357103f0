/**
 * The server's clock in the mock: it follows `Date.now()` (so vitest's fake timers move it too)
 * plus an offset that tests move by hand.
 */
export interface UsherMockClock {
  /** Unix milliseconds. */
  now(): number;
  /** Moves server time forward by `ms` (does not fire the SDK's timers). */
  advance(ms: number): void;
  /** Sets server time to `ms` (Unix milliseconds). */
  set(ms: number): void;
  /** Back to `Date.now()`. */
  reset(): void;
}

export function createUsherMockClock(): UsherMockClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance(ms) {
      offset += ms;
    },
    set(ms) {
      offset = ms - Date.now();
    },
    reset() {
      offset = 0;
    },
  };
}
