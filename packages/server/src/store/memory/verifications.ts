import type { ConsumeVerificationResult, Store } from '../types.ts';
import { assertAbsent, copy, verificationKey, type MemoryTables } from './tables.ts';

type VerificationMethods = Pick<Store, 'prepareVerification' | 'getVerification' | 'consumeVerification'>;

/** Compares two hex digests without an early exit, so timing does not tell how many leading characters matched. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i += 1) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

export function memoryVerifications(t: MemoryTables): VerificationMethods {
  return {
    async prepareVerification(verification, message) {
      const key = verificationKey(verification.ownerId, verification.purpose);
      const existing = t.verifications.get(key);
      if (existing && (existing.status === 'failed' || existing.status === 'verified')) return copy(existing);
      assertAbsent(t.outbox, message.id, 'outbox message');
      if (!existing && [...t.verifications.values()].some((v) => v.id === verification.id)) throw new Error(`verification ${verification.id} already exists`);

      const stored = existing ?? copy(verification);
      if (existing) {
        // A resend renews the code but never the attempt budget.
        Object.assign(existing, { codeHash: verification.codeHash, expireAt: verification.expireAt, status: 'unverified', updatedAt: verification.updatedAt });
      } else {
        t.verifications.set(key, stored);
      }
      t.outbox.set(message.id, copy(message));
      return copy(stored);
    },
    async getVerification(ownerId, purpose) {
      const verification = t.verifications.get(verificationKey(ownerId, purpose));
      return verification ? copy(verification) : null;
    },
    async consumeVerification({ ownerId, purpose, codeHash, now }): Promise<ConsumeVerificationResult> {
      const v = t.verifications.get(verificationKey(ownerId, purpose));
      if (!v) return { outcome: 'not_found' };
      if (v.status === 'verified') return { outcome: 'already_verified', verification: copy(v) };
      if (v.status === 'failed') return { outcome: 'failed', verification: copy(v) };
      if (v.status === 'expired') return { outcome: 'expired', verification: copy(v) };
      if (now >= v.expireAt) {
        Object.assign(v, { status: 'expired', updatedAt: now });
        return { outcome: 'expired', verification: copy(v) };
      }
      if (constantTimeEqual(v.codeHash, codeHash)) {
        Object.assign(v, { status: 'verified', verifiedAt: now, updatedAt: now });
        return { outcome: 'verified', verification: copy(v) };
      }
      v.attempts += 1;
      v.updatedAt = now;
      if (v.attempts >= v.maxAttempts) {
        v.status = 'failed';
        return { outcome: 'failed', verification: copy(v) };
      }
      return { outcome: 'incorrect', verification: copy(v) };
    },
  };
}
