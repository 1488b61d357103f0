import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../node/postgres-store.ts';
import { storeConformance } from './store.case.ts';
import type { Store } from './types.ts';

const url = process.env.DATABASE_URL;
if (!url && process.env.CI === 'true') {
  // CI promises the PostgreSQL adapter is tested; a silently skipped suite would break that promise.
  throw new Error('CI=true but DATABASE_URL is not set: the PostgreSQL store suite must run in CI (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)');
}

describe.skipIf(!url)('postgres (DATABASE_URL)', () => {
  if (!url) {
    it('runs when DATABASE_URL is set', () => {});
    return;
  }
  let admin: pg.Pool;
  beforeAll(() => {
    admin = new pg.Pool({ connectionString: url, max: 2 });
  });
  afterAll(async () => {
    await admin.end();
  });

  /** Each test gets its own schema, so tests (and parallel test runs) never see each other's rows. */
  const newSchema = async (): Promise<string> => {
    const schema = `usher_test_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE SCHEMA ${schema}`);
    return schema;
  };
  const dropSchema = (schema: string) => admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);

  const schemas = new Map<Store, string>();
  storeConformance(
    'postgres',
    async () => {
      const schema = await newSchema();
      const store = await openPostgresStore(url, { schema });
      schemas.set(store, schema);
      return store;
    },
    async (store) => {
      await store.close();
      await dropSchema(schemas.get(store)!);
      schemas.delete(store);
    },
  );

  it('given 5 instances starting at once on an empty schema, all of them migrate and share one schema', async () => {
    const schema = await newSchema();
    try {
      const stores = await Promise.all(Array.from({ length: 5 }, () => openPostgresStore(url, { schema })));
      await stores[0]!.putSetting('instance', { name: 'Acme' });
      for (const store of stores) expect(await store.getSetting('instance')).toEqual({ name: 'Acme' });
      const { rows } = await admin.query<{ id: string }>(`SELECT id FROM ${schema}.usher_migrations`);
      expect(rows.map((r) => r.id)).toEqual(['0001_initial', '0002_backend_api', '0003_jwt_templates', '0004_webhook_endpoints', '0005_unverified_email_addresses', '0006_session_devices', '0007_user_images', '0008_phone_numbers', '0009_second_factors', '0010_oauth']);
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await dropSchema(schema);
    }
  });

  it('given a right code, 20 redemptions from two instances (separate pools) → exactly one verified', async () => {
    const schema = await newSchema();
    try {
      const stores = [await openPostgresStore(url, { schema }), await openPostgresStore(url, { schema })] as const;
      const now = 1_700_000_000_000;
      const codeHash = 'c'.repeat(64);
      await stores[0].prepareVerification(
        { id: 'ver_1', purpose: 'sign_up', ownerId: 'sua_1', strategy: 'email_code', codeHash, status: 'unverified', attempts: 0, maxAttempts: 5, expireAt: now + 600_000, verifiedAt: null, createdAt: now, updatedAt: now },
        { id: 'msg_1', kind: 'email', payload: {}, status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null, createdAt: now, updatedAt: now },
      );
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2]!.consumeVerification({ ownerId: 'sua_1', purpose: 'sign_up', codeHash, now: now + 1 })));
      expect(results.filter((r) => r.outcome === 'verified')).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'already_verified')).toHaveLength(19);
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await dropSchema(schema);
    }
  });
});
