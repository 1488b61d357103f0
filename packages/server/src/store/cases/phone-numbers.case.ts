import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PhoneNumberRecord, Store } from '../types.ts';
import { T0, conflictOn, givenUser, nextId, type MakeStore, type TeardownStore } from './fixtures.ts';

const aPhone = (userId: string, phoneNumber: string): PhoneNumberRecord => ({ id: nextId('idn'), userId, phoneNumber, verifiedAt: null, reservedForSecondFactor: false, createdAt: T0 });

/** Registers the conformance cases for the phone numbers a user adds, verifies, removes and makes primary. */
export function phoneNumbersCases(make: MakeStore, teardown: TeardownStore): void {
  describe('phone numbers', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    it('add, list, verify (other unverified copies go), conflict with a number verified elsewhere', async () => {
      const { user } = await givenUser(store);
      const { user: eve } = await givenUser(store);
      const mine = aPhone(user.id, '+15555550100');
      const squat = aPhone(eve.id, '+15555550100');
      await store.addPhoneNumber(mine);
      await store.addPhoneNumber(squat);
      expect(await store.listPhoneNumbers(user.id)).toEqual([mine]);
      expect(await store.verifyPhoneNumber(mine.id, T0 + 1)).toEqual({ ...mine, verifiedAt: T0 + 1 });
      expect(await store.getPhoneNumber(squat.id)).toBeNull();
      expect((await store.findUserByPhoneNumber('+15555550100'))?.id).toBe(user.id);
      expect(await store.findUserByPhoneNumber('+15555550199')).toBeNull();
      const late = aPhone(eve.id, '+15555550100');
      await store.addPhoneNumber(late);
      await expect(store.verifyPhoneNumber(late.id, T0 + 2)).rejects.toEqual(conflictOn('phone_number'));
      expect(await store.verifyPhoneNumber('idn_unknown', T0)).toBeNull();
    });

    it('setPrimaryPhoneNumber takes a verified number of the same user only; delete removes; deleting the user removes its numbers', async () => {
      const { user } = await givenUser(store);
      const phone = aPhone(user.id, '+447700900123');
      await store.addPhoneNumber(phone);
      expect(await store.setPrimaryPhoneNumber({ userId: user.id, phoneNumberId: phone.id, now: T0 + 1 })).toBeNull();
      await store.verifyPhoneNumber(phone.id, T0 + 1);
      expect(await store.setPrimaryPhoneNumber({ userId: user.id, phoneNumberId: phone.id, now: T0 + 2 })).toMatchObject({ primaryPhoneNumberId: phone.id, updatedAt: T0 + 2 });
      expect((await store.getUser(user.id))?.primaryPhoneNumberId).toBe(phone.id);
      const other = aPhone(user.id, '+447700900456');
      await store.addPhoneNumber(other);
      expect(await store.deletePhoneNumber(other.id)).toBe(true);
      expect(await store.deletePhoneNumber(other.id)).toBe(false);
      expect(await store.deletePhoneNumber(phone.id)).toBe(true);
      expect((await store.getUser(user.id))?.primaryPhoneNumberId).toBeNull();
      const last = aPhone(user.id, '+447700900789');
      await store.addPhoneNumber(last);
      await store.deleteUser(user.id, T0 + 3);
      expect(await store.getPhoneNumber(last.id)).toBeNull();
      expect(await store.getPhoneNumber(phone.id)).toBeNull();
    });
  });
}
