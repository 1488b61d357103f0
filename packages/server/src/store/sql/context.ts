import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export type SqlDialect = 'sqlite' | 'postgres';

/** What every area of the SQL store works with. */
export interface SqlContext {
  db: Kysely<Database>;
  dialect: SqlDialect;
}
