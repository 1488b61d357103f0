import type { Logger } from '../deps.ts';

/** The default logger: drops everything. */
export const silentLogger: Logger = {
  info() {},
  warn() {},
  error() {},
};

/**
 * A logger writing one JSON line per entry to the console. Callers never pass secrets.
 *
 * @example
 * createUsherApp({ ..., logger: consoleJsonLogger });
 */
export const consoleJsonLogger: Logger = {
  info: (message, fields) => console.info(JSON.stringify({ level: 'info', message, ...fields })),
  warn: (message, fields) => console.warn(JSON.stringify({ level: 'warn', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};
