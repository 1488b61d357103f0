/**
 * The session lifecycle as pure functions: active → ended | expired | removed | revoked.
 * A session stored as active is effectively expired once its inactivity deadline (expireAt) or
 * its maximum lifetime (abandonAt) has passed; the clock is always injected.
 */
import type { SessionStatus } from '@usher/protocol';

export interface SessionTimes {
  status: SessionStatus;
  expireAt: number;
  abandonAt: number;
}

export type SessionEvent = 'end' | 'remove' | 'expire' | 'revoke';

export interface SessionPolicy {
  inactivityTimeoutSeconds: number;
  maxLifetimeSeconds: number;
}

/** The status a session really has at `now` (an active one past a deadline is expired). */
export function effectiveSessionStatus(session: SessionTimes, now: number): SessionStatus {
  if (session.status !== 'active') return session.status;
  if (now >= session.expireAt || now >= session.abandonAt) return 'expired';
  return 'active';
}

export function isSessionActive(session: SessionTimes, now: number): boolean {
  return effectiveSessionStatus(session, now) === 'active';
}

/** The statuses an event may leave from; the target is `transitionTarget(event)`. */
export function transitionSources(event: SessionEvent): SessionStatus[] {
  switch (event) {
    case 'end':
    case 'expire':
    case 'revoke':
      return ['active'];
    case 'remove':
      // Removing takes a session off the device whatever state it ended in.
      return ['active', 'ended', 'expired', 'replaced', 'revoked', 'abandoned'];
  }
}

export function transitionTarget(event: SessionEvent): SessionStatus {
  switch (event) {
    case 'end':
      return 'ended';
    case 'remove':
      return 'removed';
    case 'expire':
      return 'expired';
    case 'revoke':
      return 'revoked';
  }
}

/** Whether `event` may happen to a session in `status`. */
export function canTransition(status: SessionStatus, event: SessionEvent): boolean {
  return transitionSources(event).includes(status);
}

/** Deadlines of a session created at `now`. */
export function newSessionDeadlines(now: number, policy: SessionPolicy): { expireAt: number; abandonAt: number } {
  const abandonAt = now + policy.maxLifetimeSeconds * 1000;
  return { expireAt: Math.min(abandonAt, now + policy.inactivityTimeoutSeconds * 1000), abandonAt };
}

/** Whole minutes since each factor was verified, -1 for a factor never verified (the `fva` claim). */
export function factorVerificationAge(
  session: { firstFactorVerifiedAt: number | null; secondFactorVerifiedAt: number | null },
  now: number,
): [number, number] {
  const minutes = (at: number | null) => (at === null ? -1 : Math.max(0, Math.floor((now - at) / 60_000)));
  return [minutes(session.firstFactorVerifiedAt), minutes(session.secondFactorVerifiedAt)];
}
