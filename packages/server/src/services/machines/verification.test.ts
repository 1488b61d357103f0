import { describe, expect, it } from 'vitest';
import { canResend, effectiveVerificationStatus, isWrongGuess, redemptionError, remainingAttempts } from './verification.ts';

describe('the verification machine', () => {
  const fresh = { status: 'unverified' as const, attempts: 0, maxAttempts: 5, expireAt: 600_000 };

  it('an unverified code expires at its deadline', () => {
    expect(effectiveVerificationStatus(fresh, 599_999)).toBe('unverified');
    expect(effectiveVerificationStatus(fresh, 600_000)).toBe('expired');
    expect(effectiveVerificationStatus({ ...fresh, status: 'verified' }, 10 ** 12)).toBe('verified');
  });

  it('counts remaining attempts', () => {
    expect(remainingAttempts({ ...fresh, attempts: 3 })).toBe(2);
    expect(remainingAttempts({ ...fresh, attempts: 9 })).toBe(0);
  });

  it('cannot be resent once verified or failed', () => {
    expect(canResend(null)).toBe(true);
    expect(canResend({ ...fresh, status: 'expired' })).toBe(true);
    expect(canResend({ ...fresh, status: 'verified' })).toBe(false);
    expect(canResend({ ...fresh, status: 'failed' })).toBe(false);
  });

  it('maps each redemption outcome to its error', () => {
    expect(redemptionError('verified')).toBeNull();
    expect(redemptionError('incorrect')).toBe('form_code_incorrect');
    expect(redemptionError('failed')).toBe('verification_failed');
    expect(redemptionError('expired')).toBe('verification_expired');
    expect(redemptionError('already_verified')).toBe('verification_already_verified');
    expect(redemptionError('not_found')).toBe('verification_not_prepared');
    expect(isWrongGuess('incorrect')).toBe(true);
    expect(isWrongGuess('expired')).toBe(false);
  });
});
