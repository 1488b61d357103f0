import { resolve } from 'node:path';
import type { AdminCommand } from './admin-cli.ts';
import { ADMIN_HELP } from './admin-help.ts';
import { developmentSettings, productionSettings, UnsafeConfigError, type NodeServerSettings } from './env-config.ts';

const HELP = `usher — self-hosted authentication server

Usage:
  usher dev     Start a development instance on http://localhost:4000
                (SQLite under ./.usher, dev mailbox at /v1/dev/mailbox, keys created on first start,
                a Backend API secret key printed and kept in ./.usher/secret-key)
  usher start   Start a production instance configured by the environment:
                  DATABASE_URL           postgres://… or a SQLite file path      (required)
                  USHER_PUBLIC_URL       https URL browsers use to reach the API  (required)
                  USHER_ALLOWED_ORIGINS  comma-separated origins of your app      (required)
                  SMTP_URL               smtp(s)://user:pass@host:port            (required)
                  USHER_MAIL_FROM, USHER_TRUSTED_PROXIES, PORT, HOST              (optional)

Options for dev: PORT (default 4000), USHER_DATA_DIR (default ./.usher), USHER_APP_URL (your app's
URL, allowed as an origin; default http://localhost:5173), USHER_PUBLIC_URL, DATABASE_URL, SMTP_URL,
USHER_RATE_LIMITS=off (lets your own end-to-end tests sign in faster than a person; dev only).
`;

const ADMIN_COMMANDS = new Set(['secret-keys', 'users', 'config', 'keys', 'webhooks']);

async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${HELP}\n${ADMIN_HELP}`);
    return command ? 0 : 1;
  }
  if (ADMIN_COMMANDS.has(command)) {
    const { runAdminCommand } = await import('./admin-cli.ts');
    return runAdminCommand(command as AdminCommand, argv.slice(1), process.env, {
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
    });
  }
  if (command !== 'dev' && command !== 'start') {
    process.stderr.write(`Unknown command "${command}".\n\n${HELP}`);
    return 1;
  }

  const dataDir = resolve(process.env.USHER_DATA_DIR ?? '.usher');
  let settings: NodeServerSettings;
  try {
    settings = command === 'dev'
      ? developmentSettings(process.env, dataDir)
      : productionSettings(process.env);
  } catch (error) {
    if (error instanceof UnsafeConfigError) {
      process.stderr.write(`${error.message}\n\nRun "usher --help" for the list of settings.\n`);
      return 2;
    }
    throw error;
  }

  // Loaded only now, so help and configuration errors answer without loading database drivers.
  const { startUsherServer } = await import('./server.ts');
  const server = await startUsherServer(settings);
  // Not settings.server.publicUrl: with PORT=0 only the running server knows its port.
  const { publicUrl } = server;
  const lines = [
    `Usher ${command === 'dev' ? 'development' : 'production'} server listening on ${server.url}`,
    `  Frontend API   ${publicUrl}/v1`,
    `  JWKS           ${publicUrl}/.well-known/jwks.json`,
    `  Database       ${settings.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}`,
  ];
  lines.splice(2, 0, `  Backend API    ${publicUrl}/backend/v1`);
  if (command === 'dev') {
    lines.push(settings.smtpUrl ? '  Mail           SMTP' : `  Dev mailbox    ${publicUrl}/v1/dev/mailbox`);
    const { ensureDevSecretKey } = await import('./dev-secret-key.ts');
    lines.push(`  Secret key     ${await ensureDevSecretKey(server.store, dataDir)}  (Backend API; also in ${dataDir}/secret-key)`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  const stop = () => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`usher: error while stopping: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`usher: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
