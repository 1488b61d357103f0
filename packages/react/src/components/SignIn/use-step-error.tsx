import { isUsherAPIError, type ErrorCode } from '@usher/core';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useLocalization } from '../../localization/use-localization.ts';
import { Alert } from '../../primitives/Alert.tsx';

interface ErrorState {
  fields: Record<string, string>;
  global: string | null;
  /** Rate limited until (ms): the submit waits and the alert counts down. */
  retryUntil: number | null;
  retrySeconds: number;
  /** Locked until (ms). */
  lockedUntil: number | null;
}

const EMPTY: ErrorState = { fields: {}, global: null, retryUntil: null, retrySeconds: 0, lockedUntil: null };

export interface StepError {
  /** Messages by form field, for `<Field error>`. */
  fields: Record<string, string>;
  /** The step-level alert (locked, rate limited with a live countdown, other errors), or null. */
  alert: ReactNode;
  /** True while the server asked to wait (429): submitting again would only be refused. */
  waiting: boolean;
  /** Shows what a call threw; answers the field that got a message (to move focus there), if any. */
  report: (caught: unknown) => string | null;
  clear: () => void;
}

/**
 * Maps a caught error of one step to what the user sees: field errors on their field, a lock with
 * its end in the user's locale, a rate limit with a countdown taken from the server's answer.
 * `messages` replaces the localized text of some error codes for this step.
 */
export function useStepError(knownFields: readonly string[], messages?: Partial<Record<ErrorCode, string>>): StepError {
  const { errorsByField, t, formatDate } = useLocalization();
  const [state, setState] = useState<ErrorState>(EMPTY);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (state.retryUntil === null) return;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      if (current >= (state.retryUntil ?? 0)) setState((s) => ({ ...s, retryUntil: null }));
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [state.retryUntil]);

  const report = useCallback(
    (caught: unknown): string | null => {
      const item = isUsherAPIError(caught) ? caught.errors[0] : undefined;
      if (item?.code === 'too_many_requests') {
        const seconds = Math.max(1, Math.ceil(item.meta.retryAfterSeconds ?? (isUsherAPIError(caught) ? caught.retryAfter : null) ?? 10));
        setState({ ...EMPTY, retryUntil: Date.now() + seconds * 1000, retrySeconds: seconds });
        return null;
      }
      if (item?.code === 'user_locked' && item.meta.lockExpiresAt) {
        setState({ ...EMPTY, lockedUntil: item.meta.lockExpiresAt });
        return null;
      }
      const { fields, global } = errorsByField(caught, knownFields);
      // The step's own words for an error it knows better (a wrong authenticator code is not "check the latest email").
      const own = item ? messages?.[item.code] : undefined;
      const param = item?.meta.paramName;
      if (own && param && knownFields.includes(param)) fields[param] = own;
      setState({ ...EMPTY, fields, global: own && !(param && knownFields.includes(param)) ? own : (global[0] ?? null) });
      return knownFields.find((field) => fields[field]) ?? null;
    },
    [errorsByField, knownFields, messages],
  );

  const clear = useCallback(() => setState(EMPTY), []);

  let alert: ReactNode = null;
  if (state.retryUntil !== null) {
    const remaining = Math.max(1, Math.ceil((state.retryUntil - now) / 1000));
    // The visible text ticks; screen readers hear one message, not one per second.
    alert = (
      <Alert variant="warning" data-testid="usher-sign-in-rate-limited">
        <span aria-hidden="true">{t('signIn.rateLimited', { seconds: remaining })}</span>
        <span className="usher-srOnly">{t('signIn.rateLimitedAnnouncement', { seconds: state.retrySeconds })}</span>
      </Alert>
    );
  } else if (state.lockedUntil !== null) {
    alert = <Alert>{t('signIn.lockedUntil', { time: formatDate(state.lockedUntil, { dateStyle: 'medium', timeStyle: 'short' }) })}</Alert>;
  } else if (state.global) {
    alert = <Alert>{state.global}</Alert>;
  }

  return { fields: state.fields, alert, waiting: state.retryUntil !== null, report, clear };
}
