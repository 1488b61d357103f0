import { describe, expect, it } from 'vitest';
import { canTransition, effectiveSessionStatus, factorVerificationAge, newSessionDeadlines, transitionTarget } from './session.ts';

const HOUR = 3600_000;

describe('the session machine', () => {
  const policy = { inactivityTimeoutSeconds: 7 * 24 * 3600, maxLifetimeSeconds: 30 * 24 * 3600 };

  it('a new session expires after the inactivity timeout unless used, and is abandoned at its maximum lifetime', () => {
    expect(newSessionDeadlines(0, policy)).toEqual({ expireAt: 7 * 24 * HOUR, abandonAt: 30 * 24 * HOUR });
    // An inactivity timeout longer than the lifetime never outlives it.
    expect(newSessionDeadlines(0, { inactivityTimeoutSeconds: 100, maxLifetimeSeconds: 10 })).toEqual({ expireAt: 10_000, abandonAt: 10_000 });
  });

  it('an active session is expired once either deadline has passed', () => {
    const session = { status: 'active' as const, expireAt: 10 * HOUR, abandonAt: 20 * HOUR };
    expect(effectiveSessionStatus(session, 10 * HOUR - 1)).toBe('active');
    expect(effectiveSessionStatus(session, 10 * HOUR)).toBe('expired');
    expect(effectiveSessionStatus({ ...session, expireAt: 30 * HOUR }, 20 * HOUR)).toBe('expired');
  });

  it('a session that ended stays ended whatever the clock says', () => {
    expect(effectiveSessionStatus({ status: 'ended', expireAt: 0, abandonAt: 0 }, 1)).toBe('ended');
  });

  it('only an active session can end, expire or be revoked; any but a removed one can be removed', () => {
    expect(canTransition('active', 'end')).toBe(true);
    expect(canTransition('ended', 'end')).toBe(false);
    expect(canTransition('expired', 'revoke')).toBe(false);
    expect(canTransition('ended', 'remove')).toBe(true);
    expect(canTransition('removed', 'remove')).toBe(false);
    expect(transitionTarget('end')).toBe('ended');
    expect(transitionTarget('remove')).toBe('removed');
  });

  it('factor verification age is in whole minutes, -1 for a factor never verified', () => {
    expect(factorVerificationAge({ firstFactorVerifiedAt: 0, secondFactorVerifiedAt: null }, 59_999)).toEqual([0, -1]);
    expect(factorVerificationAge({ firstFactorVerifiedAt: 0, secondFactorVerifiedAt: 60_000 }, 10 * 60_000)).toEqual([10, 9]);
  });
});
