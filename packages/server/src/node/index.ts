/**
 * The Node side of @usher/server: real database drivers, argon2id, SMTP and the HTTP listener.
 *
 * @example
 * import { startUsherServer, productionSettings } from '@usher/server/node';
 * const server = await startUsherServer(productionSettings(process.env));
 */
export { startUsherServer, openStore, type RunningServer } from './server.ts';
export { developmentSettings, productionSettings, UnsafeConfigError, type NodeServerSettings } from './env-config.ts';
export { SmtpMailer } from './smtp-mailer.ts';
export { Argon2Hasher } from './argon2-hasher.ts';
export { openSqliteStore } from './sqlite-store.ts';
export { openPostgresStore } from './postgres-store.ts';
