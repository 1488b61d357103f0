import { StoreConflictError } from '../types.ts';

/**
 * Recognises a unique violation of one of the identifier indexes (named in migrations.ts) from
 * either driver without importing it: Postgres reports SQLSTATE 23505 with the constraint name,
 * better-sqlite3 reports SQLITE_CONSTRAINT_UNIQUE with the index name in the message.
 */
export function toStoreConflict(error: unknown): StoreConflictError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, constraint, message } = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (code !== '23505' && code !== 'SQLITE_CONSTRAINT_UNIQUE') return null;
  const where = `${typeof constraint === 'string' ? constraint : ''} ${typeof message === 'string' ? message : ''}`;
  if (where.includes('email_addresses_email_unique') || where.includes('email_addresses_verified_unique')) return new StoreConflictError('email_address');
  // SQLite names a plain column index by its column, not by the index name.
  if (where.includes('phone_numbers_verified_unique') || where.includes('phone_numbers.phone_number')) return new StoreConflictError('phone_number');
  if (where.includes('users_username_unique')) return new StoreConflictError('username');
  if (where.includes('jwt_templates_name_unique')) return new StoreConflictError('name');
  if (where.includes('external_accounts_provider_subject_unique') || where.includes('external_accounts.provider, external_accounts.subject')) return new StoreConflictError('external_account');
  return null;
}

/** Runs a write and rethrows identifier collisions as StoreConflictError; other errors pass through. */
export async function withConflicts<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw toStoreConflict(error) ?? error;
  }
}
