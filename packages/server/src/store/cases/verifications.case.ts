import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../types.ts';
import { T0, MINUTE, RIGHT, WRONG, hashOf, aVerification, aMessage, type MakeStore, type TeardownStore } from './fixtures.ts';

/** Registers the store conformance cases for one-time codes: preparation with its outbox message, resends, and single-use redemption. Each test gets a fresh store from `make`. */
export function verificationsCases(make: MakeStore, teardown: TeardownStore): void {
  describe('verifications', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    const outboxIds = async () => (await store.listOutbox({})).map((m) => m.id);

    it('preparing a code stores an unverified verification and enqueues its message', async () => {
      const verification = aVerification('sia_1');
      const message = aMessage();
      expect(await store.prepareVerification(verification, message)).toEqual(verification);
      expect(await store.getVerification('sia_1', 'sign_in')).toEqual(verification);
      expect(await store.listOutbox({ status: 'pending' })).toEqual([message]);
      expect(await store.getVerification('sia_1', 'sign_up')).toBeNull();
    });
    it('a resend renews the code and deadline but keeps the attempts already spent', async () => {
      await store.prepareVerification(aVerification('sia_1'), aMessage());
      await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: WRONG, now: T0 + 1 });
      await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: WRONG, now: T0 + 2 });
      const resend = aVerification('sia_1', { codeHash: hashOf('new'), expireAt: T0 + 20 * MINUTE, updatedAt: T0 + 3, createdAt: T0 + 3 });
      const stored = await store.prepareVerification(resend, aMessage());
      expect(stored).toMatchObject({ codeHash: hashOf('new'), expireAt: T0 + 20 * MINUTE, status: 'unverified', attempts: 2, createdAt: T0 });
      expect(await store.getVerification('sia_1', 'sign_in')).toEqual(stored);
      expect(await outboxIds()).toHaveLength(2);
      expect(await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + 4 })).toMatchObject({ outcome: 'incorrect', verification: { attempts: 3 } });
      expect(await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: hashOf('new'), now: T0 + 5 })).toMatchObject({ outcome: 'verified' });
    });
    it('a resend of an expired code makes it unverified again, with a fresh deadline', async () => {
      await store.prepareVerification(aVerification('sia_1'), aMessage());
      await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + 11 * MINUTE });
      const stored = await store.prepareVerification(aVerification('sia_1', { expireAt: T0 + 30 * MINUTE }), aMessage());
      expect(stored).toMatchObject({ status: 'unverified', expireAt: T0 + 30 * MINUTE });
      expect(await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + 12 * MINUTE })).toMatchObject({ outcome: 'verified' });
    });
    it('a resend of a failed verification keeps it failed and sends nothing', async () => {
      await store.prepareVerification(aVerification('sia_1', { maxAttempts: 1 }), aMessage());
      await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: WRONG, now: T0 });
      const before = await outboxIds();
      const stored = await store.prepareVerification(aVerification('sia_1', { codeHash: hashOf('new') }), aMessage());
      expect(stored).toMatchObject({ status: 'failed', codeHash: RIGHT, attempts: 1 });
      expect(await outboxIds()).toEqual(before);
    });
    it('a resend of a verified verification keeps it verified and sends nothing', async () => {
      await store.prepareVerification(aVerification('sia_1'), aMessage());
      await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + 1 });
      const before = await outboxIds();
      const stored = await store.prepareVerification(aVerification('sia_1', { codeHash: hashOf('new') }), aMessage());
      expect(stored).toMatchObject({ status: 'verified', codeHash: RIGHT, verifiedAt: T0 + 1 });
      expect(await outboxIds()).toEqual(before);
    });
    it('redeeming a code nobody prepared answers not_found; a code is bound to its purpose', async () => {
      await store.prepareVerification(aVerification('sua_1', { purpose: 'sign_up' }), aMessage());
      expect(await store.consumeVerification({ ownerId: 'sua_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 })).toEqual({ outcome: 'not_found' });
      expect(await store.consumeVerification({ ownerId: 'sia_unknown', purpose: 'sign_in', codeHash: RIGHT, now: T0 })).toEqual({ outcome: 'not_found' });
    });
    it('the right code verifies once; a second redemption answers already_verified', async () => {
      await store.prepareVerification(aVerification('sia_1'), aMessage());
      const first = await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + 5 });
      expect(first).toEqual({ outcome: 'verified', verification: { ...aVerification('sia_1'), id: expect.any(String), status: 'verified', verifiedAt: T0 + 5, updatedAt: T0 + 5 } });
      expect(await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + 6 })).toMatchObject({ outcome: 'already_verified', verification: { status: 'verified', verifiedAt: T0 + 5 } });
    });
    it('each wrong code spends one attempt; the one reaching maxAttempts fails it, and then even the right code answers failed', async () => {
      await store.prepareVerification(aVerification('sia_1', { maxAttempts: 3 }), aMessage());
      const wrong = () => store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: WRONG, now: T0 + 1 });
      expect(await wrong()).toMatchObject({ outcome: 'incorrect', verification: { attempts: 1, status: 'unverified' } });
      expect(await wrong()).toMatchObject({ outcome: 'incorrect', verification: { attempts: 2, status: 'unverified' } });
      expect(await wrong()).toMatchObject({ outcome: 'failed', verification: { attempts: 3, status: 'failed' } });
      expect(await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + 2 })).toMatchObject({ outcome: 'failed', verification: { attempts: 3 } });
    });
    it('past expireAt even the right code answers expired, and the verification is stored as expired', async () => {
      await store.prepareVerification(aVerification('sia_1'), aMessage());
      expect(await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + 10 * MINUTE })).toMatchObject({ outcome: 'expired', verification: { status: 'expired' } });
      expect(await store.getVerification('sia_1', 'sign_in')).toMatchObject({ status: 'expired', attempts: 0 });
      expect(await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + 1 })).toMatchObject({ outcome: 'expired' });
    });
    it('given a verification with a right code, 20 parallel consumptions → exactly one verified, the rest already_verified', async () => {
      await store.prepareVerification(aVerification('sia_1'), aMessage());
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + i })));
      expect(results.filter((r) => r.outcome === 'verified')).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'already_verified')).toHaveLength(19);
    });
    it('given 20 parallel wrong codes under a budget of 5, exactly 5 attempts are spent: 4 incorrect, then failed', async () => {
      await store.prepareVerification(aVerification('sia_1'), aMessage());
      const results = await Promise.all(Array.from({ length: 20 }, () => store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: WRONG, now: T0 })));
      expect(results.filter((r) => r.outcome === 'incorrect')).toHaveLength(4);
      expect(results.filter((r) => r.outcome === 'failed')).toHaveLength(16);
      expect(await store.getVerification('sia_1', 'sign_in')).toMatchObject({ status: 'failed', attempts: 5 });
    });
  });
}
