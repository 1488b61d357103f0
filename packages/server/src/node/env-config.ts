import type { ServerConfig } from '../deps.ts';

/** A setting that would make a production deployment unsafe; `usher start` refuses to run with one. */
export class UnsafeConfigError extends Error {
  override readonly name = 'UnsafeConfigError';
  constructor(readonly problems: string[]) {
    super(`Refusing to start with unsafe settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export interface NodeServerSettings {
  server: ServerConfig;
  port: number;
  host: string;
  /** `postgres://…` or a SQLite file path. */
  databaseUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  redisUrl: string | null;
  /** A k-anonymity range API for the breached-password check (USHER_BREACH_RANGE_URL); null: the bundled offline list only. */
  breachRangeUrl: string | null;
  /** Twilio (or a Twilio-compatible API) for text messages; null: the dev SMS box in development, none in production. */
  twilio: TwilioSettings | null;
  /** Development only: USHER_RATE_LIMITS=off switches per-IP limits off for automated test suites. */
  rateLimitsOff: boolean;
}

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  from?: string;
  messagingServiceSid?: string;
  apiUrl?: string;
}

/** TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN + (TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID) [+ TWILIO_API_URL], all or none. */
function twilioSettings(env: NodeJS.ProcessEnv, problems: string[]): TwilioSettings | null {
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM: from, TWILIO_MESSAGING_SERVICE_SID: messagingServiceSid, TWILIO_API_URL: apiUrl } = env;
  if (!accountSid && !authToken && !from && !messagingServiceSid) return null;
  if (!accountSid || !authToken) problems.push('TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN go together: set both to send text messages.');
  if (!from && !messagingServiceSid) problems.push('Set TWILIO_FROM (the sending number) or TWILIO_MESSAGING_SERVICE_SID.');
  if (apiUrl) parseUrl('TWILIO_API_URL', apiUrl, problems);
  if (!accountSid || !authToken) return null;
  return { accountSid, authToken, ...(from ? { from } : {}), ...(messagingServiceSid ? { messagingServiceSid } : {}), ...(apiUrl ? { apiUrl } : {}) };
}

/** USHER_BREACH_RANGE_URL, e.g. https://api.pwnedpasswords.com/range (only 5 hex characters of a SHA-1 are sent). */
function breachRangeUrl(env: NodeJS.ProcessEnv, problems: string[]): string | null {
  const value = env.USHER_BREACH_RANGE_URL;
  if (!value) return null;
  parseUrl('USHER_BREACH_RANGE_URL', value, problems);
  return value;
}

const isLoopback = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function parseUrl(name: string, value: string, problems: string[]): URL | null {
  try {
    return new URL(value);
  } catch {
    problems.push(`${name} is not a URL: ${JSON.stringify(value)}`);
    return null;
  }
}

function parsePort(value: string | undefined, fallback: number, problems: string[]): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a port number, got ${JSON.stringify(value)}`);
  return port;
}

/** Development defaults: SQLite under .usher/, the dev mailbox, the playground's origin allowed. */
export function developmentSettings(env: NodeJS.ProcessEnv, dataDir: string): NodeServerSettings {
  const problems: string[] = [];
  const port = parsePort(env.PORT ?? env.USHER_PORT, 4000, problems);
  const publicUrl = env.USHER_PUBLIC_URL ?? `http://localhost:${port}`;
  const appUrl = env.USHER_APP_URL ?? 'http://localhost:5173';
  const allowedOrigins = [...new Set([new URL(publicUrl).origin, new URL(appUrl).origin, `http://localhost:${port}`, ...list(env.USHER_ALLOWED_ORIGINS)])];
  const rateLimits = env.USHER_RATE_LIMITS ?? 'on';
  if (rateLimits !== 'on' && rateLimits !== 'off') problems.push(`USHER_RATE_LIMITS must be "on" or "off", got ${JSON.stringify(rateLimits)}`);
  const twilio = twilioSettings(env, problems);
  const breachRange = breachRangeUrl(env, problems);
  if (problems.length) throw new UnsafeConfigError(problems);
  return {
    rateLimitsOff: rateLimits === 'off',
    server: { environment: 'development', publicUrl, allowedOrigins, trustedProxies: list(env.USHER_TRUSTED_PROXIES), secureCookies: new URL(publicUrl).protocol === 'https:' },
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL ?? `${dataDir}/usher.db`,
    smtpUrl: env.SMTP_URL ?? null,
    mailFrom: env.USHER_MAIL_FROM ?? 'Usher <no-reply@localhost>',
    redisUrl: env.REDIS_URL ?? null,
    breachRangeUrl: breachRange,
    twilio,
  };
}

/**
 * Production settings, read only from the environment. Every problem is collected so the
 * operator fixes them in one go instead of one restart per mistake.
 */
export function productionSettings(env: NodeJS.ProcessEnv): NodeServerSettings {
  const problems: string[] = [];
  const port = parsePort(env.PORT, 4000, problems);
  const databaseUrl = env.DATABASE_URL ?? '';
  if (!databaseUrl) problems.push('DATABASE_URL is required (postgres://… or a SQLite file path).');

  const publicUrlText = env.USHER_PUBLIC_URL ?? '';
  let publicUrl: URL | null = null;
  if (!publicUrlText) problems.push('USHER_PUBLIC_URL is required: the URL browsers use to reach the API (it becomes the token issuer and the base of links in emails).');
  else publicUrl = parseUrl('USHER_PUBLIC_URL', publicUrlText, problems);
  if (publicUrl && publicUrl.protocol !== 'https:' && !isLoopback(publicUrl)) {
    problems.push(`USHER_PUBLIC_URL must use https outside localhost (got ${publicUrl.origin}); session cookies would travel in clear text.`);
  }

  const origins = list(env.USHER_ALLOWED_ORIGINS);
  if (origins.length === 0) problems.push('USHER_ALLOWED_ORIGINS is required: the comma-separated origins of your app (e.g. https://app.example.com).');
  for (const origin of origins) {
    if (origin === '*') {
      problems.push('USHER_ALLOWED_ORIGINS may not be "*": any site could then act on behalf of your signed-in users.');
      continue;
    }
    const url = parseUrl('USHER_ALLOWED_ORIGINS', origin, problems);
    if (url && url.origin !== origin.replace(/\/$/, '')) problems.push(`USHER_ALLOWED_ORIGINS entries must be bare origins (scheme://host[:port]), got ${JSON.stringify(origin)}`);
    else if (url && url.protocol !== 'https:' && !isLoopback(url)) problems.push(`Allowed origin ${origin} must use https.`);
  }

  const smtpUrl = env.SMTP_URL ?? null;
  if (!smtpUrl) problems.push('SMTP_URL is required in production (e.g. smtps://user:pass@smtp.example.com:465): verification codes must reach real inboxes.');
  else parseUrl('SMTP_URL', smtpUrl, problems);

  if (env.USHER_RATE_LIMITS === 'off') problems.push('USHER_RATE_LIMITS=off is for development only; production always limits sign-in attempts.');
  const twilio = twilioSettings(env, problems);
  const breachRange = breachRangeUrl(env, problems);

  if (problems.length) throw new UnsafeConfigError(problems);
  const origin = publicUrl!.origin;
  return {
    rateLimitsOff: false,
    server: {
      environment: 'production',
      publicUrl: publicUrl!.toString().replace(/\/$/, ''),
      allowedOrigins: [...new Set([origin, ...origins.map((o) => o.replace(/\/$/, ''))])],
      trustedProxies: list(env.USHER_TRUSTED_PROXIES),
      secureCookies: publicUrl!.protocol === 'https:',
    },
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    smtpUrl,
    mailFrom: env.USHER_MAIL_FROM ?? `no-reply@${publicUrl!.hostname}`,
    redisUrl: env.REDIS_URL ?? null,
    breachRangeUrl: breachRange,
    twilio,
  };
}

/**
 * Port 0 asks the system for any free port (tests, parallel dev instances). Settings derived from
 * it then say `:0`, which no browser can reach; once the server is bound, those URLs get the real
 * port. Explicit URLs with a real port are left alone.
 *
 * @example
 * withBoundPort(developmentSettings({ PORT: '0' }, dir).server, 53124).publicUrl; // 'http://localhost:53124'
 */
export function withBoundPort(config: ServerConfig, port: number): ServerConfig {
  const bind = (url: string) => url.replace(/^(https?:\/\/(?:\[[^\]]*\]|[^/:[]+)):0(?=\/|$)/, `$1:${port}`);
  return { ...config, publicUrl: bind(config.publicUrl), allowedOrigins: [...new Set(config.allowedOrigins.map(bind))] };
}
