import { sql, type Kysely } from 'kysely';
import type { SqlDialect } from './context.ts';
import { initialSchema } from './initial-schema.ts';
import type { Database } from './schema.ts';

export interface Migration {
  id: string;
  // Migrations see the schema as it was when they were written, not today's Database type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>): Promise<void>;
}

/** Append-only: a released migration is never edited, a change is a new entry. */
const MIGRATIONS: Migration[] = [
  initialSchema,
  {
    id: '0002_backend_api',
    async up(db) {
      await db.schema.alterTable('users').addColumn('banned_at', 'bigint').execute();
      await db.schema.createIndex('users_created_at').on('users').columns(['created_at', 'id']).execute();
      await db.schema.createIndex('sessions_created_at').on('sessions').columns(['created_at', 'id']).execute();
      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('hint', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();
    },
  },
  {
    id: '0003_jwt_templates',
    async up(db) {
      await db.schema
        .createTable('jwt_templates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('claims', 'text', (c) => c.notNull())
        .addColumn('lifetime_seconds', 'integer', (c) => c.notNull())
        .addColumn('allowed_clock_skew_seconds', 'integer', (c) => c.notNull())
        .addColumn('audience', 'text')
        .addColumn('signing_algorithm', 'text', (c) => c.notNull())
        .addColumn('signing_key', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      // The name is how errors.ts maps a unique violation back to the field.
      await db.schema.createIndex('jwt_templates_name_unique').on('jwt_templates').unique().expression(sql`lower(name)`).execute();
    },
  },
  {
    id: '0004_webhook_endpoints',
    async up(db) {
      await db.schema
        .createTable('webhook_endpoints')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('events', 'text')
        .addColumn('disabled_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  {
    // Users add addresses they have not verified yet. Only a verified address is unique, so an
    // unverified one never blocks its real owner (who may sign up or add it, and wins it).
    id: '0005_unverified_email_addresses',
    async up(db) {
      await db.schema.dropIndex('email_addresses_email_unique').execute();
      await db.schema
        .createIndex('email_addresses_verified_unique')
        .on('email_addresses')
        .unique()
        .expression(sql`lower(email_address)`)
        .where(sql.ref('verified_at'), 'is not', null)
        .execute();
      await db.schema.createIndex('email_addresses_email').on('email_addresses').expression(sql`lower(email_address)`).execute();
    },
  },
  {
    // The device a session was created on (user agent, IP, proxy-given location), for "Active devices".
    id: '0006_session_devices',
    async up(db) {
      await db.schema.alterTable('sessions').addColumn('device', 'text').execute();
    },
  },
  {
    id: '0007_user_images',
    async up(db) {
      await db.schema
        .createTable('user_images')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('user_images_user_id').on('user_images').column('user_id').execute();
    },
  },
  {
    // Phone numbers follow the email-address rules: unique only once verified.
    id: '0008_phone_numbers',
    async up(db) {
      await db.schema
        .createTable('phone_numbers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('phone_number', 'text', (c) => c.notNull())
        .addColumn('verified_at', 'bigint')
        .addColumn('reserved_for_second_factor', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('phone_numbers_verified_unique').on('phone_numbers').unique().column('phone_number').where(sql.ref('verified_at'), 'is not', null).execute();
      await db.schema.createIndex('phone_numbers_user_id').on('phone_numbers').column('user_id').execute();
      await db.schema.alterTable('users').addColumn('primary_phone_number_id', 'text').execute();
    },
  },
  {
    // Second factors: an authenticator app per user, single-use backup codes, and what a
    // sign-in needs to wait for one (the second-factor step, a reset's password held back).
    id: '0009_second_factors',
    async up(db) {
      await db.schema
        .createTable('user_totp')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('sealed_secret', 'text', (c) => c.notNull())
        .addColumn('verified_at', 'bigint')
        .addColumn('last_used_step', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('backup_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('backup_codes_user_code').on('backup_codes').columns(['user_id', 'code_hash']).execute();
      await db.schema.alterTable('users').addColumn('default_second_factor', 'text').execute();
      for (const column of ['second_factor_strategy', 'second_factor_status', 'second_factor_phone_number_id', 'pending_password_hash']) {
        await db.schema.alterTable('sign_ins').addColumn(column, 'text').execute();
      }
      await db.schema.alterTable('sign_ins').addColumn('pending_sign_out_others', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  },
  {
    // Sign-in with OAuth / OpenID Connect providers: the trips to a provider (single use, holding
    // the identity a further step needs), and the provider accounts linked to users.
    id: '0010_oauth',
    async up(db) {
      await db.schema
        .createTable('oauth_attempts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('state_hash', 'text', (c) => c.notNull())
        .addColumn('sealed_code_verifier', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text')
        .addColumn('redirect_url', 'text', (c) => c.notNull())
        .addColumn('action_complete_redirect_url', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('identity', 'text')
        .addColumn('expire_at', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('oauth_attempts_owner_id').on('oauth_attempts').column('owner_id').execute();
      await db.schema
        .createTable('external_accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('email_address', 'text')
        .addColumn('email_verified', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('first_name', 'text')
        .addColumn('last_name', 'text')
        .addColumn('username', 'text')
        .addColumn('image_url', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      // The name is how errors.ts maps a unique violation back to the field (SQLite reports the columns instead).
      await db.schema.createIndex('external_accounts_provider_subject_unique').on('external_accounts').unique().columns(['provider', 'subject']).execute();
      await db.schema.createIndex('external_accounts_user_id').on('external_accounts').column('user_id').execute();
    },
  },
];

/** Arbitrary constant ("ushr") that namespaces Usher's advisory lock among the database's other users. */
const ADVISORY_LOCK_KEY = 0x75736872;

async function applyPending(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('usher_migrations')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'bigint', (c) => c.notNull())
    .execute();
  const applied = new Set((await db.selectFrom('usher_migrations').select('id').execute()).map((row) => row.id));
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.id)) continue;
    await migration.up(db);
    await db.insertInto('usher_migrations').values({ id: migration.id, applied_at: Date.now() }).execute();
  }
}

/**
 * Applies pending migrations in one transaction, so a failed upgrade leaves the schema as it was.
 * Concurrent starters queue behind a lock and then find nothing left to do: on Postgres a
 * transaction-scoped advisory lock (per schema, so isolated schemas do not wait on each other), on
 * SQLite `BEGIN IMMEDIATE`, which takes the write lock up front instead of failing on upgrade.
 */
export async function migrate(db: Kysely<Database>, dialect: SqlDialect): Promise<void> {
  if (dialect === 'postgres') {
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${sql.lit(ADVISORY_LOCK_KEY)}, hashtext(coalesce(current_schema(), '')))`.execute(trx);
      await applyPending(trx);
    });
    return;
  }
  await db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      await applyPending(conn);
      await sql`commit`.execute(conn);
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}
