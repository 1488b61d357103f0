/**
 * Verification codes as pure rules: unverified → verified | failed | expired. Codes are 6 digits,
 * single use, valid for `codeTtlSeconds`, at most `maxAttempts` wrong tries (a resend keeps the
 * attempts already spent; the store enforces that atomically).
 */
import type { VerificationStatus } from '@usher/protocol';
import type { ConsumeVerificationResult } from '../../store/types.ts';
import type { ErrorCode } from '@usher/protocol';

export interface VerificationState {
  status: VerificationStatus;
  attempts: number;
  maxAttempts: number;
  expireAt: number;
}

/** The status at `now`: an unverified code past its deadline is expired. */
export function effectiveVerificationStatus(v: VerificationState, now: number): VerificationStatus {
  if (v.status === 'unverified' && now >= v.expireAt) return 'expired';
  return v.status;
}

export function remainingAttempts(v: VerificationState): number {
  return Math.max(0, v.maxAttempts - v.attempts);
}

/** Whether a new code may be sent: not once it was verified or burnt all its attempts. */
export function canResend(v: VerificationState | null): boolean {
  return v === null || (v.status !== 'verified' && v.status !== 'failed');
}

export type ConsumeOutcome = ConsumeVerificationResult['outcome'];

/** The error a failed redemption answers with; null for success. */
export function redemptionError(outcome: ConsumeOutcome): ErrorCode | null {
  switch (outcome) {
    case 'verified':
      return null;
    case 'incorrect':
      return 'form_code_incorrect';
    case 'failed':
      return 'verification_failed';
    case 'expired':
      return 'verification_expired';
    case 'already_verified':
      return 'verification_already_verified';
    case 'not_found':
      return 'verification_not_prepared';
  }
}

/** Whether the outcome was a wrong guess (counts toward account lockout at sign-in). */
export function isWrongGuess(outcome: ConsumeOutcome): boolean {
  return outcome === 'incorrect' || outcome === 'failed';
}
