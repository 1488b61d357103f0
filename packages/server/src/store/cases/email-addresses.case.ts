import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmailAddressRecord, Store } from '../types.ts';
import { T0, aMessage, aSession, aSignUp, aUser, anEmail, conflictOn, givenClient, givenUser, hashOf, nextId, type MakeStore, type TeardownStore } from './fixtures.ts';

const unverified = (userId: string, emailAddress: string): EmailAddressRecord => ({ ...anEmail(userId, emailAddress), verifiedAt: null, createdAt: T0 + 1 });

/** Registers the conformance cases for the addresses a user adds, verifies, removes and makes primary. */
export function emailAddressesCases(make: MakeStore, teardown: TeardownStore): void {
  describe('email addresses', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    it('an added address is unverified, finds nobody, and blocks nobody', async () => {
      const { user } = await givenUser(store, { email: 'ada@example.com' });
      const added = unverified(user.id, 'grace@example.com');
      await store.addEmailAddress(added);
      expect(await store.getEmailAddress(added.id)).toEqual(added);
      expect((await store.listEmailAddresses(user.id)).map((e) => e.emailAddress)).toEqual(['ada@example.com', 'grace@example.com']);
      expect(await store.findUserByEmailAddress('grace@example.com')).toBeNull();
      // Another account may add it too, and the real owner may sign up with it.
      const { user: other } = await givenUser(store, { email: 'other@example.com' });
      await store.addEmailAddress(unverified(other.id, 'GRACE@example.com'));
      const { user: grace } = await givenUser(store, { email: 'grace@example.com' });
      expect((await store.findUserByEmailAddress('grace@example.com'))?.id).toBe(grace.id);
      // Her sign-up removed every unverified copy.
      expect(await store.getEmailAddress(added.id)).toBeNull();
      expect((await store.listEmailAddresses(other.id)).map((e) => e.emailAddress)).toEqual(['other@example.com']);
    });

    it('verifying wins the address: other unverified copies go; an address verified elsewhere conflicts', async () => {
      const { user } = await givenUser(store, { email: 'ada@example.com' });
      const { user: eve } = await givenUser(store, { email: 'eve@example.com' });
      const mine = unverified(user.id, 'shared@example.com');
      const squatter = unverified(eve.id, 'Shared@example.com');
      await store.addEmailAddress(mine);
      await store.addEmailAddress(squatter);
      expect(await store.verifyEmailAddress(mine.id, T0 + 5)).toEqual({ ...mine, verifiedAt: T0 + 5 });
      expect(await store.getEmailAddress(squatter.id)).toBeNull();
      expect((await store.findUserByEmailAddress('shared@example.com'))?.id).toBe(user.id);
      // Verifying again answers it as it is; an unknown id is null.
      expect((await store.verifyEmailAddress(mine.id, T0 + 9))?.verifiedAt).toBe(T0 + 5);
      expect(await store.verifyEmailAddress('idn_unknown', T0)).toBeNull();

      const late = unverified(eve.id, 'ada@example.com');
      await store.addEmailAddress(late);
      await expect(store.verifyEmailAddress(late.id, T0 + 6)).rejects.toEqual(conflictOn('email_address'));
      expect((await store.getEmailAddress(late.id))?.verifiedAt).toBeNull();
    });

    it('a verified address stays unique against sign-up and admin creation too', async () => {
      await givenUser(store, { email: 'ada@example.com' });
      const client = await givenClient(store);
      const signUp = aSignUp(client.id);
      await store.createSignUp(signUp);
      const user = aUser();
      const clash = { signUpId: signUp.id, user, emailAddress: anEmail(user.id, 'ADA@example.com'), session: aSession(client.id, user.id), clientTokenHash: hashOf(nextId('tok')), now: T0 };
      await expect(store.completeSignUp(clash)).rejects.toEqual(conflictOn('email_address'));
      const admin = aUser();
      await expect(store.createUser({ user: admin, emailAddresses: [anEmail(admin.id, 'ada@example.com')] })).rejects.toEqual(conflictOn('email_address'));
    });

    it('setPrimaryEmailAddress takes only a verified address of the same user, with its notice', async () => {
      const { user } = await givenUser(store, { email: 'ada@example.com' });
      const { user: eve, email: eveEmail } = await givenUser(store, { email: 'eve@example.com' });
      const second = unverified(user.id, 'ada@work.example');
      await store.addEmailAddress(second);
      expect(await store.setPrimaryEmailAddress({ userId: user.id, emailAddressId: second.id, now: T0 + 1, notification: aMessage() })).toBeNull();
      expect(await store.setPrimaryEmailAddress({ userId: user.id, emailAddressId: eveEmail!.id, now: T0 + 1, notification: null })).toBeNull();
      expect(await store.listOutbox({ kind: 'email' })).toEqual([]);
      await store.verifyEmailAddress(second.id, T0 + 2);
      const notice = aMessage();
      const updated = await store.setPrimaryEmailAddress({ userId: user.id, emailAddressId: second.id, now: T0 + 3, notification: notice });
      expect(updated).toMatchObject({ id: user.id, primaryEmailAddressId: second.id, updatedAt: T0 + 3 });
      expect((await store.listOutbox({ kind: 'email' })).map((m) => m.id)).toEqual([notice.id]);
      expect((await store.getUser(eve.id))?.primaryEmailAddressId).toBe(eveEmail!.id);
    });

    it('adding, verifying and removing an address or a number report user.updated with the change', async () => {
      const { user } = await givenUser(store, { email: 'ada@example.com' });
      const events: string[] = [];
      const emit = (type: string, id: string) => (events.push(`${type} ${id}`), aMessage({ kind: 'event', payload: { type, object_id: id } }));
      const email = unverified(user.id, 'ada@work.example');
      await store.addEmailAddress(email, emit);
      await store.verifyEmailAddress(email.id, T0 + 1, emit);
      await store.deleteEmailAddress(email.id, emit);
      expect(await store.deleteEmailAddress(email.id, emit)).toBe(false);
      const phone = { id: nextId('idn'), userId: user.id, phoneNumber: '+15555550100', verifiedAt: null, reservedForSecondFactor: false, createdAt: T0 };
      await store.addPhoneNumber(phone, emit);
      await store.verifyPhoneNumber(phone.id, T0 + 2, emit);
      await store.deletePhoneNumber(phone.id, emit);
      expect(events).toEqual(Array.from({ length: 6 }, () => `user.updated ${user.id}`));
      expect(await store.listOutbox({ kind: 'event' })).toHaveLength(6);
    });

    it('deleteEmailAddress removes one address', async () => {
      const { user } = await givenUser(store, { email: 'ada@example.com' });
      const extra = unverified(user.id, 'old@example.com');
      await store.addEmailAddress(extra);
      expect(await store.deleteEmailAddress(extra.id)).toBe(true);
      expect(await store.deleteEmailAddress(extra.id)).toBe(false);
      expect((await store.listEmailAddresses(user.id)).map((e) => e.emailAddress)).toEqual(['ada@example.com']);
    });
  });
}
