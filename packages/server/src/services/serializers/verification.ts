import type { VerificationJSON } from '@usher/protocol';
import type { VerificationRecord } from '../../store/types.ts';
import { effectiveVerificationStatus } from '../machines/verification.ts';

export function toVerificationJSON(v: VerificationRecord | null, now: number): VerificationJSON | null {
  if (!v) return null;
  return { object: 'verification', status: effectiveVerificationStatus(v, now), strategy: v.strategy, attempts: v.attempts, expire_at: v.expireAt };
}
