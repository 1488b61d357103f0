export { createSqlStore } from './sql-store.ts';
export type { Database } from './schema.ts';
export type { SqlDialect } from './context.ts';
