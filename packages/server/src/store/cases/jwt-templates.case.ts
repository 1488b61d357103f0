import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JwtTemplateRecord, Store } from '../types.ts';
import { T0, conflictOn, nextId, type MakeStore, type TeardownStore } from './fixtures.ts';

const aTemplate = (o: Partial<JwtTemplateRecord> = {}): JwtTemplateRecord => ({
  id: nextId('jtmp'),
  name: 'supabase',
  claims: { role: 'authenticated', email: '{{user.primary_email_address}}', meta: { plan: '{{user.public_metadata.plan}}' } },
  lifetimeSeconds: 60,
  allowedClockSkewSeconds: 5,
  audience: 'authenticated',
  signingAlgorithm: 'HS256',
  signingKey: 'super-secret-jwt-key-of-32-chars!!',
  createdAt: T0,
  updatedAt: T0,
  ...o,
});

/** Registers the conformance cases for JWT templates. */
export function jwtTemplatesCases(make: MakeStore, teardown: TeardownStore): void {
  describe('jwt templates', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    it('round-trips a template, finds it by name in any case, lists oldest first', async () => {
      const first = aTemplate();
      const second = aTemplate({ name: 'hasura', signingAlgorithm: 'instance', signingKey: null, audience: null, createdAt: T0 + 1 });
      await store.createJwtTemplate(first);
      await store.createJwtTemplate(second);
      expect(await store.getJwtTemplate(first.id)).toEqual(first);
      expect(await store.findJwtTemplateByName('SupaBase')).toEqual(first);
      expect(await store.findJwtTemplateByName('nope')).toBeNull();
      expect((await store.listJwtTemplates()).map((t) => t.name)).toEqual(['supabase', 'hasura']);
    });

    it('names are unique in any case, at creation and on replace', async () => {
      const first = aTemplate();
      const second = aTemplate({ name: 'hasura' });
      await store.createJwtTemplate(first);
      await store.createJwtTemplate(second);
      await expect(store.createJwtTemplate(aTemplate({ name: 'SUPABASE' }))).rejects.toEqual(conflictOn('name'));
      await expect(store.replaceJwtTemplate({ ...second, name: 'Supabase' })).rejects.toEqual(conflictOn('name'));
      expect(await store.getJwtTemplate(second.id)).toEqual(second);
    });

    it('replace keeps id and createdAt; delete answers whether it removed one', async () => {
      const template = aTemplate();
      await store.createJwtTemplate(template);
      const replaced = await store.replaceJwtTemplate({ ...template, createdAt: 1, lifetimeSeconds: 300, claims: { a: 1 }, updatedAt: T0 + 9 });
      expect(replaced).toEqual({ ...template, lifetimeSeconds: 300, claims: { a: 1 }, updatedAt: T0 + 9 });
      expect(await store.replaceJwtTemplate(aTemplate({ name: 'ghost' }))).toBeNull();
      expect(await store.deleteJwtTemplate(template.id)).toBe(true);
      expect(await store.deleteJwtTemplate(template.id)).toBe(false);
      expect(await store.findJwtTemplateByName('supabase')).toBeNull();
    });
  });
}
