import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createSqlStore, type Database } from '../store/sql/index.ts';
import type { Store } from '../store/types.ts';

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Connects a pool to PostgreSQL and answers a migrated Store. With `schema`, every connection of
 * the pool works in that (existing) schema, so several Usher databases or test runs can share one
 * PostgreSQL database.
 *
 * @example
 * const store = await openPostgresStore(process.env.DATABASE_URL!, { schema: 'usher' });
 */
export async function openPostgresStore(url: string, opts: { schema?: string } = {}): Promise<Store> {
  if (opts.schema !== undefined && !SCHEMA_NAME.test(opts.schema)) throw new TypeError('schema must be a plain SQL identifier');
  // A startup parameter rather than a `SET` after connect: no query can ever run on a pool
  // connection before the search path is in place.
  const pool = new pg.Pool({ connectionString: url, ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}) });
  const store = createSqlStore(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
