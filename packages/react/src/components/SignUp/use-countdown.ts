import { useCallback, useEffect, useState } from 'react';

/**
 * Seconds left until a deadline, ticking once a second; `start(seconds)` sets a new deadline.
 * Used for "too many attempts, try again in N seconds": the form stays disabled until 0.
 *
 * @example const [left, start] = useCountdown(); start(error.retryAfter ?? 10);
 */
export function useCountdown(): [number, (seconds: number) => void] {
  const [deadline, setDeadline] = useState<number | null>(null);
  const [left, setLeft] = useState(0);

  useEffect(() => {
    if (deadline === null) return;
    const update = () => {
      const next = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setLeft(next);
      return next;
    };
    if (update() === 0) return;
    const timer = setInterval(() => {
      if (update() === 0) {
        clearInterval(timer);
        setDeadline(null);
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline]);

  const start = useCallback((seconds: number) => setDeadline(Date.now() + Math.max(1, Math.ceil(seconds)) * 1000), []);
  return [left, start];
}
