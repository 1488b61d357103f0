import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createSqlStore, type Database } from '../store/sql/index.ts';
import type { Store } from '../store/types.ts';

/**
 * Opens (creating if needed) a SQLite database file as a migrated Store. `':memory:'` gives a
 * private in-memory database, handy in tests.
 *
 * @example
 * const store = await openSqliteStore('.usher/usher.db');
 */
export async function openSqliteStore(filename: string): Promise<Store> {
  const database = new BetterSqlite3(filename);
  try {
    // WAL lets readers (other processes, backups) run beside the writer; busy_timeout makes a
    // second process wait for the write lock instead of failing; foreign keys are off by default.
    database.pragma('journal_mode = WAL');
    database.pragma('busy_timeout = 5000');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    database.close();
    throw error;
  }
  const store = createSqlStore(new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), 'sqlite');
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
