import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupCodeRecord, PhoneNumberRecord, Store, TotpRecord } from '../types.ts';
import { T0, aSignIn, givenClient, givenUser, hashOf, nextId, type MakeStore, type TeardownStore } from './fixtures.ts';

const aTotp = (userId: string, sealedSecret = 'v1.sealed'): TotpRecord => ({ userId, sealedSecret, verifiedAt: null, lastUsedStep: null, createdAt: T0, updatedAt: T0 });
const someCodes = (userId: string, labels: string[]): BackupCodeRecord[] => labels.map((label) => ({ id: nextId('bkc'), userId, codeHash: hashOf(label), usedAt: null, createdAt: T0 }));

/** Registers the conformance cases for authenticator apps, backup codes and numbers reserved for 2-step verification. */
export function secondFactorsCases(make: MakeStore, teardown: TeardownStore): void {
  describe('second factors', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    it('a pending authenticator is replaced by a new setup, enabled once with its first step and backup codes; a verified one is never replaced', async () => {
      const { user } = await givenUser(store);
      expect(await store.getTotp(user.id)).toBeNull();
      expect(await store.putPendingTotp(aTotp(user.id, 'v1.first'))).toBe(true);
      expect(await store.putPendingTotp({ ...aTotp(user.id, 'v1.second'), createdAt: T0 + 1, updatedAt: T0 + 1 })).toBe(true);
      expect(await store.getTotp(user.id)).toEqual({ ...aTotp(user.id, 'v1.second'), createdAt: T0 + 1, updatedAt: T0 + 1 });
      expect(await store.enableTotp({ userId: user.id, step: 100, now: T0 + 2, backupCodes: someCodes(user.id, ['a', 'b', 'c']) })).toBe(true);
      expect(await store.getTotp(user.id)).toMatchObject({ sealedSecret: 'v1.second', verifiedAt: T0 + 2, lastUsedStep: 100 });
      expect(await store.countBackupCodes(user.id)).toBe(3);
      expect(await store.enableTotp({ userId: user.id, step: 101, now: T0 + 3, backupCodes: null })).toBe(false);
      expect(await store.putPendingTotp(aTotp(user.id, 'v1.third'))).toBe(false);
      expect((await store.getTotp(user.id))?.sealedSecret).toBe('v1.second');
    });

    it('each TOTP step is spent once, never an older one; of 20 concurrent spends of one step exactly one wins', async () => {
      const { user } = await givenUser(store);
      await store.putPendingTotp(aTotp(user.id));
      expect(await store.useTotpStep(user.id, 5, T0)).toBe(false); // not enabled yet
      await store.enableTotp({ userId: user.id, step: 10, now: T0, backupCodes: null });
      expect(await store.useTotpStep(user.id, 10, T0)).toBe(false);
      expect(await store.useTotpStep(user.id, 9, T0)).toBe(false);
      const results = await Promise.all(Array.from({ length: 20 }, () => store.useTotpStep(user.id, 11, T0 + 1)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.useTotpStep(user.id, 12, T0 + 2)).toBe(true);
      expect((await store.getTotp(user.id))?.lastUsedStep).toBe(12);
    });

    it('a backup code is spent once (20 concurrent spends: one wins), per user; replacing the set kills the old codes', async () => {
      const { user } = await givenUser(store);
      const { user: eve } = await givenUser(store);
      await store.replaceBackupCodes({ userId: user.id, codes: someCodes(user.id, ['a', 'b']), now: T0 });
      expect(await store.useBackupCode(eve.id, hashOf('a'), T0)).toBe(false);
      const results = await Promise.all(Array.from({ length: 20 }, () => store.useBackupCode(user.id, hashOf('a'), T0 + 1)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.countBackupCodes(user.id)).toBe(1);
      await store.replaceBackupCodes({ userId: user.id, codes: someCodes(user.id, ['c']), now: T0 + 2 });
      expect(await store.useBackupCode(user.id, hashOf('b'), T0 + 3)).toBe(false);
      expect(await store.useBackupCode(user.id, hashOf('c'), T0 + 3)).toBe(true);
      await store.replaceBackupCodes({ userId: user.id, codes: [], now: T0 + 4 });
      expect(await store.countBackupCodes(user.id)).toBe(0);
    });

    it('removing the authenticator takes the backup codes only when asked; a user’s deletion takes both', async () => {
      const { user } = await givenUser(store);
      await store.putPendingTotp(aTotp(user.id));
      await store.enableTotp({ userId: user.id, step: 1, now: T0, backupCodes: someCodes(user.id, ['a']) });
      expect(await store.deleteTotp({ userId: user.id, deleteBackupCodes: false, now: T0 + 1 })).toBe(true);
      expect(await store.getTotp(user.id)).toBeNull();
      expect(await store.countBackupCodes(user.id)).toBe(1);
      expect(await store.deleteTotp({ userId: user.id, deleteBackupCodes: true, now: T0 + 1 })).toBe(false);
      await store.putPendingTotp(aTotp(user.id));
      await store.enableTotp({ userId: user.id, step: 1, now: T0, backupCodes: null });
      expect(await store.deleteTotp({ userId: user.id, deleteBackupCodes: true, now: T0 + 2 })).toBe(true);
      expect(await store.countBackupCodes(user.id)).toBe(0);

      await store.putPendingTotp(aTotp(user.id));
      await store.enableTotp({ userId: user.id, step: 1, now: T0, backupCodes: someCodes(user.id, ['z']) });
      expect(await store.deleteUser(user.id, T0 + 3)).toBe(true);
      expect(await store.getTotp(user.id)).toBeNull();
      expect(await store.countBackupCodes(user.id)).toBe(0);
    });

    it('only a verified number is reserved; releasing it (or deleting it) clears it as the default second factor', async () => {
      const { user } = await givenUser(store);
      const phone: PhoneNumberRecord = { id: nextId('idn'), userId: user.id, phoneNumber: '+15555550100', verifiedAt: null, reservedForSecondFactor: false, createdAt: T0 };
      await store.addPhoneNumber(phone);
      expect(await store.setPhoneNumberReserved({ id: phone.id, reserved: true, now: T0, backupCodes: null })).toBeNull();
      await store.verifyPhoneNumber(phone.id, T0 + 1);
      expect(await store.setPhoneNumberReserved({ id: phone.id, reserved: true, now: T0 + 2, backupCodes: someCodes(user.id, ['a', 'b']) })).toMatchObject({ id: phone.id, reservedForSecondFactor: true });
      expect(await store.countBackupCodes(user.id)).toBe(2);
      await store.updateUser(user.id, { defaultSecondFactor: phone.id }, T0 + 3);
      expect((await store.getUser(user.id))?.defaultSecondFactor).toBe(phone.id);
      expect(await store.setPhoneNumberReserved({ id: phone.id, reserved: false, now: T0 + 4, backupCodes: [] })).toMatchObject({ reservedForSecondFactor: false });
      expect(await store.getUser(user.id)).toMatchObject({ defaultSecondFactor: null });
      expect(await store.countBackupCodes(user.id)).toBe(0);

      await store.setPhoneNumberReserved({ id: phone.id, reserved: true, now: T0 + 5, backupCodes: null });
      await store.updateUser(user.id, { defaultSecondFactor: phone.id }, T0 + 6);
      await store.deletePhoneNumber(phone.id);
      expect(await store.getUser(user.id)).toMatchObject({ defaultSecondFactor: null });
    });

    it('a sign-in keeps its second-factor step and a held-back reset password', async () => {
      const client = await givenClient(store);
      const signIn = aSignIn(client.id);
      await store.createSignIn(signIn);
      expect(await store.getSignIn(signIn.id)).toEqual(signIn);
      const patch = { status: 'needs_second_factor', secondFactorStrategy: 'phone_code', secondFactorStatus: 'unverified', secondFactorPhoneNumberId: 'idn_1', pendingPasswordHash: '$argon2id$x', pendingSignOutOthers: true } as const;
      expect(await store.updateSignIn(signIn.id, patch)).toEqual({ ...signIn, ...patch });
      expect(await store.updateSignIn(signIn.id, { pendingPasswordHash: null, pendingSignOutOthers: false })).toMatchObject({ pendingPasswordHash: null, pendingSignOutOthers: false, secondFactorStrategy: 'phone_code' });
    });
  });
}
