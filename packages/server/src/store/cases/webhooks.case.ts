import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store, WebhookEndpointRecord } from '../types.ts';
import type { ChangeEventFactory } from '../change-events.ts';
import { MINUTE, T0, aMessage, aSession, aSignIn, aSignUp, aUser, anEmail, conflictOn, givenClient, givenSession, givenUser, hashOf, nextId, type MakeStore, type TeardownStore } from './fixtures.ts';

/** An event factory that remembers what it was asked for, in order. */
function recordingEmit(): { emit: ChangeEventFactory; events: () => Array<[string, string]> } {
  const calls: Array<[string, string]> = [];
  const emit: ChangeEventFactory = (type, objectId) => {
    calls.push([type, objectId]);
    return aMessage({ kind: 'event', payload: { type, object_id: objectId } });
  };
  return { emit, events: () => [...calls] };
}

const anEndpoint = (o: Partial<WebhookEndpointRecord> = {}): WebhookEndpointRecord => ({
  id: nextId('whep'),
  url: 'https://hooks.example.com/usher',
  secret: 'whsec_c2VjcmV0',
  description: 'CRM sync',
  events: ['user.created'],
  disabledAt: null,
  createdAt: T0,
  updatedAt: T0,
  ...o,
});

/** Registers the conformance cases for webhook endpoints, change events and the outbox operations fan-outs and replays use. */
export function webhooksCases(make: MakeStore, teardown: TeardownStore): void {
  describe('webhooks', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    it('endpoints round-trip, list oldest first, update (null included) and delete', async () => {
      const first = anEndpoint();
      const second = anEndpoint({ events: null, description: null, createdAt: T0 + 1 });
      await store.createWebhookEndpoint(first);
      await store.createWebhookEndpoint(second);
      expect(await store.getWebhookEndpoint(first.id)).toEqual(first);
      expect((await store.listWebhookEndpoints()).map((e) => e.id)).toEqual([first.id, second.id]);
      const updated = await store.updateWebhookEndpoint(first.id, { events: null, description: null, disabledAt: T0 + 5 }, T0 + 5);
      expect(updated).toEqual({ ...first, events: null, description: null, disabledAt: T0 + 5, updatedAt: T0 + 5 });
      expect(await store.updateWebhookEndpoint('whep_unknown', { url: 'https://x.example' }, T0)).toBeNull();
      expect(await store.deleteWebhookEndpoint(first.id)).toBe(true);
      expect(await store.deleteWebhookEndpoint(first.id)).toBe(false);
      expect(await store.getWebhookEndpoint(first.id)).toBeNull();
    });

    it('enqueueOutboxOnce inserts only the ids not stored yet; a repeated fan-out adds nothing', async () => {
      const first = [aMessage({ id: 'msg_evt1.whep_a', kind: 'webhook' }), aMessage({ id: 'msg_evt1.whep_b', kind: 'webhook' })];
      expect(await store.enqueueOutboxOnce(first)).toBe(2);
      expect(await store.enqueueOutboxOnce([...first, aMessage({ id: 'msg_evt1.whep_c', kind: 'webhook' })])).toBe(1);
      expect(await store.enqueueOutboxOnce([])).toBe(0);
      expect((await store.listOutbox({ kind: 'webhook' })).map((m) => m.id).sort()).toEqual(['msg_evt1.whep_a', 'msg_evt1.whep_b', 'msg_evt1.whep_c']);
      expect(await store.listOutbox({ kind: 'email' })).toEqual([]);
    });

    it('listOutbox filters by kind, status and id suffix (literally), newest first, limited', async () => {
      const rows = [
        aMessage({ id: 'msg_e1.whep_a', kind: 'webhook', createdAt: T0 + 1 }),
        aMessage({ id: 'msg_e2.whep_a', kind: 'webhook', createdAt: T0 + 2 }),
        aMessage({ id: 'msg_e2.whep_b', kind: 'webhook', createdAt: T0 + 2 }),
        aMessage({ id: 'msg_e3xwhep_a', kind: 'webhook', createdAt: T0 + 3 }),
        aMessage({ kind: 'email', createdAt: T0 + 4 }),
      ];
      for (const row of rows) await store.enqueueOutbox(row);
      const ids = async (filter: Parameters<Store['listOutbox']>[0]) => (await store.listOutbox(filter)).map((m) => m.id);
      expect(await ids({ kind: 'webhook', idSuffix: '.whep_a' })).toEqual(['msg_e1.whep_a', 'msg_e2.whep_a']);
      expect(await ids({ kind: 'webhook', idSuffix: '.whep_a', newestFirst: true, limit: 1 })).toEqual(['msg_e2.whep_a']);
      // `_` and `.` are plain characters, not wildcards.
      expect(await ids({ idSuffix: '_a' })).toEqual(['msg_e1.whep_a', 'msg_e2.whep_a', 'msg_e3xwhep_a']);
      expect(await ids({ idSuffix: '%' })).toEqual([]);
      expect(await ids({ kind: 'webhook', status: 'sent' })).toEqual([]);
      expect(await ids({ newestFirst: true, limit: 2 })).toEqual([rows[4]!.id, 'msg_e3xwhep_a']);
    });

    it('enqueueOutboxOnce under concurrency: 10 racing fan-outs of one event store each delivery once', async () => {
      const deliveries = ['a', 'b', 'c'].map((e) => aMessage({ id: `msg_evt2.whep_${e}`, kind: 'webhook' }));
      const counts = await Promise.all(Array.from({ length: 10 }, () => store.enqueueOutboxOnce(deliveries)));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
      expect(await store.listOutbox({ kind: 'webhook' })).toHaveLength(3);
    });

    it('requeueOutbox replays a sent or dead message from scratch, never one pending or in flight', async () => {
      const dead = aMessage({ kind: 'webhook' });
      const pending = aMessage({ kind: 'webhook' });
      await store.enqueueOutbox(dead);
      await store.enqueueOutbox(pending);
      await store.claimOutbox({ now: T0, limit: 1, leaseMs: 60_000 });
      await store.markOutboxFailed(dead.id, { error: 'HTTP 500', nextAttemptAt: T0 + 1, dead: true, now: T0 });
      expect(await store.requeueOutbox(dead.id, T0 + 10)).toBe(true);
      expect(await store.getOutbox(dead.id)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: T0 + 10, lastError: null, lockedUntil: null });
      expect(await store.requeueOutbox(dead.id, T0 + 11)).toBe(false);
      expect(await store.requeueOutbox(pending.id, T0 + 11)).toBe(false);
      expect(await store.requeueOutbox('msg_unknown', T0)).toBe(false);
      expect(await store.getOutbox('msg_unknown')).toBeNull();
      const [claimed] = await store.claimOutbox({ now: T0 + 10, limit: 10, leaseMs: 60_000 });
      expect(await store.requeueOutbox(claimed!.id, T0 + 12)).toBe(false);
    });

    it('every change to users and sessions writes its events with the change', async () => {
      const { emit, events } = recordingEmit();
      const { client, user, session } = await givenUser(store);
      const other = aUser();
      await store.createUser({ user: other, emailAddresses: [], emit });
      await store.updateUser(user.id, { firstName: 'Grace' }, T0 + 1, emit);
      await store.setUserLock(user.id, T0 + 60 * MINUTE, T0 + 2, emit);
      const second = await givenSession(store, client.id, user.id);
      await store.setSessionStatus(second.id, ['active'], 'revoked', T0 + 3, emit);
      await store.setSessionStatus(second.id, ['active'], 'ended', T0 + 4, emit); // refused: reports nothing
      await store.endClientSessions(client.id, 'ended', T0 + 5, emit);
      await store.setUserBanned(other.id, T0 + 6, T0 + 6, emit);
      await store.deleteUser(other.id, T0 + 7, emit);
      await store.deleteUser(other.id, T0 + 8, emit); // absent: reports nothing
      await store.updateUser('user_unknown', { firstName: 'X' }, T0 + 9, emit);
      expect(events()).toEqual([
        ['user.created', other.id],
        ['user.updated', user.id],
        ['user.updated', user.id],
        ['session.revoked', second.id],
        ['session.ended', session.id],
        ['user.updated', other.id],
        ['user.deleted', other.id],
      ]);
      const stored = await store.listOutbox({ kind: 'event' });
      expect(stored.map((m) => [m.payload.type, m.payload.object_id])).toEqual(events());
    });

    it('sign-up, sign-in, a reset that signs other devices out, and a ban report every session they touch', async () => {
      const { emit, events } = recordingEmit();
      const client = await givenClient(store);
      const signUp = aSignUp(client.id);
      await store.createSignUp(signUp);
      const user = aUser();
      const first = aSession(client.id, user.id);
      expect(await store.completeSignUp({ signUpId: signUp.id, user, emailAddress: null, session: first, clientTokenHash: hashOf(nextId('tok')), now: T0, emit })).toBe(true);
      const signIn = aSignIn(client.id, { userId: user.id, status: 'needs_new_password' });
      await store.createSignIn(signIn);
      const second = aSession(client.id, user.id);
      const passwordReset = { passwordHash: 'new-hash', revokeOtherSessions: true, notification: null };
      expect(await store.completeSignIn({ signInId: signIn.id, fromStatuses: ['needs_new_password'], session: second, clientTokenHash: hashOf(nextId('tok')), now: T0 + 1, passwordReset, emit })).toBe(true);
      await store.setUserBanned(user.id, T0 + 2, T0 + 2, emit);
      expect(events()).toEqual([
        ['user.created', user.id],
        ['session.created', first.id],
        ['session.revoked', first.id],
        ['session.created', second.id],
        ['user.updated', user.id],
        ['session.revoked', second.id],
      ]);
      expect(await store.listOutbox({ kind: 'event' })).toHaveLength(6);
    });

    it('a refused change writes no event: a taken address at sign-up, a sign-in completed twice', async () => {
      const { emit, events } = recordingEmit();
      const { client } = await givenUser(store, { email: 'taken@example.com' });
      const signUp = aSignUp(client.id);
      await store.createSignUp(signUp);
      const user = aUser();
      const clash = { signUpId: signUp.id, user, emailAddress: anEmail(user.id, 'TAKEN@example.com'), session: aSession(client.id, user.id), clientTokenHash: hashOf(nextId('tok')), now: T0, emit };
      await expect(store.completeSignUp(clash)).rejects.toEqual(conflictOn('email_address'));
      const signIn = aSignIn(client.id, { userId: user.id });
      await store.createSignIn(signIn);
      expect(await store.completeSignIn({ signInId: signIn.id, fromStatuses: ['needs_second_factor'], session: aSession(client.id, user.id), clientTokenHash: hashOf(nextId('tok')), now: T0, emit })).toBe(false);
      expect(await store.listOutbox({ kind: 'event' })).toEqual([]);
      // The factory may have been called for rows that were rolled back; none of them is stored.
      void events;
    });
  });
}
