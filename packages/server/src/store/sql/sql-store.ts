import type { Kysely } from 'kysely';
import type { Store } from '../types.ts';
import { sqlAccounts } from './accounts.ts';
import { sqlAdmin } from './admin.ts';
import { sqlEmailAddresses } from './email-addresses.ts';
import { sqlUserImages } from './user-images.ts';
import { sqlPhoneNumbers } from './phone-numbers.ts';
import { sqlSecondFactors } from './second-factors.ts';
import { sqlJwtTemplates } from './jwt-templates.ts';
import { sqlWebhooks } from './webhooks.ts';
import type { SqlContext, SqlDialect } from './context.ts';
import { migrate } from './migrations.ts';
import { sqlOAuth } from './oauth.ts';
import { sqlOutbox } from './outbox.ts';
import type { Database } from './schema.ts';
import { sqlSessions } from './sessions.ts';
import { sqlSettings } from './settings.ts';
import { sqlSignFlows } from './sign-flows.ts';
import { sqlVerifications } from './verifications.ts';

/**
 * A Store over an injected Kysely instance on SQLite or PostgreSQL. The caller owns the driver
 * (see node/sqlite-store.ts and node/postgres-store.ts); close() destroys the Kysely instance.
 *
 * @example
 * const store = createSqlStore(new Kysely<Database>({ dialect }), 'postgres');
 * await store.migrate();
 */
export function createSqlStore(db: Kysely<Database>, dialect: SqlDialect): Store {
  const ctx: SqlContext = { db, dialect };
  return {
    migrate: () => migrate(db, dialect),
    close: () => db.destroy(),
    ...sqlSettings(ctx),
    ...sqlAccounts(ctx),
    ...sqlEmailAddresses(ctx),
    ...sqlUserImages(ctx),
    ...sqlPhoneNumbers(ctx),
    ...sqlSecondFactors(ctx),
    ...sqlOAuth(ctx),
    ...sqlSignFlows(ctx),
    ...sqlVerifications(ctx),
    ...sqlSessions(ctx),
    ...sqlOutbox(ctx),
    ...sqlAdmin(ctx),
    ...sqlJwtTemplates(ctx),
    ...sqlWebhooks(ctx),
  };
}
