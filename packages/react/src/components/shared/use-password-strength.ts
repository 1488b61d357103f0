import { useEffect, useState } from 'react';
import { estimatorWords, type PasswordStrength, type PasswordStrengthEstimator } from '@usher/protocol/password-strength';

/** Resolves to the strength estimator (or rejects: the meter then stays out of the way). */
export type PasswordStrengthLoader = () => Promise<PasswordStrengthEstimator>;

/**
 * `loading` until the estimator is there; `unavailable` if it could not be loaded (the server still
 * enforces the instance's minimum); `ready` with the strength of the current password, null while
 * the field is empty.
 */
export type PasswordStrengthState = { status: 'loading' } | { status: 'unavailable' } | { status: 'ready'; strength: PasswordStrength | null };

/**
 * The default loader. A dynamic import, so the estimator and its ~2 MB of dictionaries are chunks of
 * their own, downloaded only when a new-password field mounts and never by the sign-in page.
 */
export const loadPasswordStrengthLazily: PasswordStrengthLoader = async () => (await import('@usher/protocol/password-strength')).loadPasswordStrength();

/** Long enough to skip the keystrokes of a burst of typing, short enough to feel live. */
export const PASSWORD_STRENGTH_DEBOUNCE_MS = 150;

const LOADING: PasswordStrengthState = { status: 'loading' };
const UNAVAILABLE: PasswordStrengthState = { status: 'unavailable' };

export interface UsePasswordStrengthOptions {
  /** Where the estimator comes from (default: {@link loadPasswordStrengthLazily}). Keep it stable across renders. */
  load?: PasswordStrengthLoader;
  debounceMs?: number;
}

/**
 * zxcvbn's estimate of a new password, as the server computes it (NFKC, the same user words), a
 * little after the user stops typing. Starts loading the estimator when the calling component mounts.
 *
 * @example
 * const state = usePasswordStrength(password, [values.email_address, values.first_name]);
 * if (state.status === 'ready' && state.strength) state.strength.score; // 0–4
 */
export function usePasswordStrength(password: string, userInputs: ReadonlyArray<string | null | undefined>, options: UsePasswordStrengthOptions = {}): PasswordStrengthState {
  const { load = loadPasswordStrengthLazily, debounceMs = PASSWORD_STRENGTH_DEBOUNCE_MS } = options;
  const [estimator, setEstimator] = useState<PasswordStrengthEstimator | 'loading' | 'unavailable'>('loading');
  const [strength, setStrength] = useState<PasswordStrength | null>(null);
  // A string, so that a new array with the same words does not start the estimate over.
  const words = estimatorWords(userInputs).join('\n');

  useEffect(() => {
    let mounted = true;
    load().then(
      (estimate) => {
        if (mounted) setEstimator(() => estimate);
      },
      () => {
        if (mounted) setEstimator('unavailable');
      },
    );
    return () => {
      mounted = false;
    };
  }, [load]);

  useEffect(() => {
    if (password === '') {
      // So that the next first keystroke never shows the strength of what was there before.
      setStrength(null);
      return;
    }
    if (typeof estimator !== 'function') return;
    const timer = setTimeout(() => {
      try {
        setStrength(estimator(password.normalize('NFKC'), words ? words.split('\n') : []));
      } catch {
        setEstimator('unavailable');
      }
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [estimator, password, words, debounceMs]);

  if (estimator === 'loading') return LOADING;
  if (estimator === 'unavailable') return UNAVAILABLE;
  // Until the first estimate of a new value, the previous one stays (no flicker between keystrokes).
  return { status: 'ready', strength: password === '' ? null : strength };
}
