/**
 * `usher secret-keys|users|config|keys|webhooks …`: operator commands that work on the database directly
 * (the server may be running or not). The database is DATABASE_URL, else the dev instance's
 * SQLite file under USHER_DATA_DIR (default ./.usher).
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BackendUserJSON } from '@usher/protocol';
import { UsherError } from '../errors.ts';
import { createSecretKey } from '../services/backend/secret-keys.ts';
import { toInstanceSettingsJSON, updateInstanceSettings } from '../services/backend/instance-settings.ts';
import { createUser, disableMfa, listUsers, setBanned, setLocked } from '../services/backend/users.ts';
import { createWebhookEndpoint, deleteWebhookEndpoint, listWebhookMessages, replayWebhookMessage } from '../services/backend/webhook-endpoints.ts';
import { backendCreateWebhookEndpointBody, backendInstanceSettingsBody, backendListWebhookMessagesQuery } from '@usher/protocol';
import { parseBody } from '../http/validate.ts';
import { Runtime } from '../services/runtime.ts';
import { loadBackendUserJSON } from '../services/serializers/load.ts';
import type { Clock, Random } from '../deps.ts';
import type { Store, UserRecord } from '../store/types.ts';
import { createArgon2Hasher } from './argon2-hasher.ts';
import { ADMIN_HELP } from './admin-help.ts';
import { openStore } from './server.ts';

const clock: Clock = { now: () => Date.now() };
const random: Random = { bytes: (n) => new Uint8Array(randomBytes(n)) };

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

function environmentOf(env: NodeJS.ProcessEnv): 'development' | 'production' {
  return env.USHER_ENVIRONMENT === 'production' || env.NODE_ENV === 'production' ? 'production' : 'development';
}

async function withRuntime<T>(env: NodeJS.ProcessEnv, work: (rt: Runtime, store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(env.DATABASE_URL ?? `${resolve(env.USHER_DATA_DIR ?? '.usher')}/usher.db`);
  try {
    const publicUrl = env.USHER_PUBLIC_URL ?? 'http://localhost:4000';
    const rt = new Runtime({ store, hasher: createArgon2Hasher(), clock, random, config: { environment: environmentOf(env), publicUrl, allowedOrigins: [], trustedProxies: [], secureCookies: false } });
    await rt.ready();
    return await work(rt, store);
  } finally {
    await store.close();
  }
}

async function findUser(store: Store, idOrEmail: string | undefined): Promise<UserRecord> {
  if (!idOrEmail) throw new UsherError('form_param_missing', { longMessage: 'Name the user: a user id or an email address.' });
  const user = idOrEmail.includes('@') ? await store.findUserByEmailAddress(idOrEmail.trim().toLowerCase()) : await store.getUser(idOrEmail);
  if (!user) throw new UsherError('user_not_found');
  return user;
}

async function userJson(rt: Runtime, user: UserRecord): Promise<BackendUserJSON> {
  return loadBackendUserJSON(rt, user, await rt.instanceConfig());
}

function userLine(u: BackendUserJSON): string {
  const email = u.email_addresses.find((e) => e.id === u.primary_email_address_id)?.email_address ?? u.username ?? '';
  const flags = [u.banned ? 'banned' : '', u.locked ? 'locked' : '', u.two_factor_enabled ? '2fa' : ''].filter(Boolean).join(',');
  return `${u.id}  ${email}${flags ? `  [${flags}]` : ''}`;
}

async function secretKeys(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { name: { type: 'string' } } });
  const [action, id] = positionals;
  return withRuntime(env, async (rt, store) => {
    if (action === 'create') {
      const { secretKey, record } = await createSecretKey({ store, clock, random }, { environment: environmentOf(env), name: values.name ?? 'default' });
      io.out(`${secretKey}\n`);
      io.err(`Created ${record.id} (${record.name}). Store it now: it is not shown again.\n`);
      return 0;
    }
    if (action === 'list') {
      for (const key of await store.listApiKeys()) {
        io.out(`${key.id}  ${key.hint}  ${key.name}  created ${new Date(key.createdAt).toISOString()}${key.revokedAt ? `  revoked ${new Date(key.revokedAt).toISOString()}` : ''}\n`);
      }
      return 0;
    }
    if (action === 'revoke' && id) {
      if (!(await store.revokeApiKey(id, rt.now()))) {
        io.err(`No live key ${id}.\n`);
        return 1;
      }
      io.out(`Revoked ${id}.\n`);
      return 0;
    }
    io.err(ADMIN_HELP);
    return 1;
  });
}

async function users(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { query: { type: 'string' }, limit: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' }, 'first-name': { type: 'string' }, 'last-name': { type: 'string' } },
  });
  const [action, target] = positionals;
  return withRuntime(env, async (rt, store) => {
    const config = await rt.instanceConfig();
    if (action === 'list') {
      const limit = Math.min(500, Math.max(1, Number(values.limit ?? 50) || 50));
      const page = await listUsers(rt, { query: values.query, limit, offset: 0, order_by: '-created_at' });
      for (const user of page.data) io.out(`${userLine(await userJson(rt, user))}\n`);
      io.err(`${page.data.length} of ${page.totalCount} users\n`);
      return 0;
    }
    if (action === 'create') {
      const user = await createUser(rt, config, {
        email_address: values.email ? [values.email] : undefined,
        password: values.password,
        first_name: values['first-name'],
        last_name: values['last-name'],
      });
      io.out(`${userLine(await userJson(rt, user))}\n`);
      return 0;
    }
    const apply = { ban: (id: string) => setBanned(rt, id, true), unban: (id: string) => setBanned(rt, id, false), lock: (id: string) => setLocked(rt, config, id, true), unlock: (id: string) => setLocked(rt, config, id, false), 'disable-mfa': (id: string) => disableMfa(rt, id) }[action ?? ''];
    if (apply) {
      const user = await apply((await findUser(store, target)).id);
      io.out(`${userLine(await userJson(rt, user))}\n`);
      return 0;
    }
    io.err(ADMIN_HELP);
    return 1;
  });
}

/** `usher config get` prints the settings as JSON; `usher config set key=value …` changes them (values are JSON, else text). */
async function config(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const [action, ...pairs] = args;
  return withRuntime(env, async (rt) => {
    if (action === 'get') {
      io.out(`${JSON.stringify(toInstanceSettingsJSON(await rt.instanceConfig()), null, 2)}\n`);
      return 0;
    }
    if (action === 'set' && pairs.length) {
      const body: Record<string, unknown> = {};
      for (const pair of pairs) {
        const at = pair.indexOf('=');
        if (at <= 0) throw new UsherError('form_param_value_invalid', { longMessage: `Expected key=value, got "${pair}".` });
        const raw = pair.slice(at + 1);
        let value: unknown = raw;
        try {
          value = JSON.parse(raw);
        } catch {
          // Plain text, e.g. application_name=Acme.
        }
        body[pair.slice(0, at)] = value;
      }
      io.out(`${JSON.stringify(toInstanceSettingsJSON(await updateInstanceSettings(rt, parseBody(backendInstanceSettingsBody, body))), null, 2)}\n`);
      return 0;
    }
    io.err(ADMIN_HELP);
    return 1;
  });
}

/** `usher keys rotate` (new signing key; the old one stays in the JWKS until its tokens expired) and `usher keys list`. */
async function keys(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const [action] = args;
  return withRuntime(env, async (rt, store) => {
    if (action === 'rotate') {
      const { kid, retired } = await rt.keys.rotate();
      io.out(`Signing with ${kid} now${retired.length ? `; retired ${retired.join(', ')} (still published for 24 h so their tokens verify)` : ''}.\n`);
      io.err('Other running instances switch to the new key within 5 minutes.\n');
      return 0;
    }
    if (action === 'list') {
      for (const key of await store.listSigningKeys()) io.out(`${key.kid}  ${key.alg}  created ${new Date(key.createdAt).toISOString()}${key.retiredAt ? `  retired ${new Date(key.retiredAt).toISOString()}` : '  signing'}\n`);
      return 0;
    }
    io.err(ADMIN_HELP);
    return 1;
  });
}

/**
 * `usher webhooks list|create|delete` (endpoints), `usher webhooks messages` (deliveries) and
 * `usher webhooks replay MESSAGE_ID… | --dead` (send again, same webhook-id).
 */
async function webhooks(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { url: { type: 'string' }, events: { type: 'string' }, description: { type: 'string' }, status: { type: 'string' }, endpoint: { type: 'string' }, limit: { type: 'string' }, dead: { type: 'boolean' } },
  });
  return withRuntime(env, async (rt, store) => {
    if (action === 'list') {
      for (const e of await store.listWebhookEndpoints()) io.out(`${e.id}  ${e.url}  ${e.events?.join(',') ?? 'all events'}${e.disabledAt ? '  [disabled]' : ''}\n`);
      return 0;
    }
    if (action === 'create') {
      const body = parseBody(backendCreateWebhookEndpointBody, { url: values.url, ...(values.events ? { events: values.events.split(',') } : {}), ...(values.description ? { description: values.description } : {}) });
      const endpoint = await createWebhookEndpoint(rt, body);
      io.out(`${endpoint.id}  ${endpoint.url}\nSigning secret (verify webhooks with it): ${endpoint.secret}\n`);
      return 0;
    }
    if (action === 'delete' && positionals[0]) {
      await deleteWebhookEndpoint(rt, positionals[0]);
      io.out(`Deleted ${positionals[0]}.\n`);
      return 0;
    }
    const query = parseBody(backendListWebhookMessagesQuery, { ...(values.status ? { status: values.status } : {}), ...(values.endpoint ? { endpoint_id: values.endpoint } : {}), ...(values.limit ? { limit: values.limit } : {}) });
    if (action === 'messages') {
      const messages = await listWebhookMessages(rt, { limit: query.limit, ...(query.status ? { status: query.status } : {}), ...(query.endpoint_id ? { endpointId: query.endpoint_id } : {}) });
      for (const m of messages) io.out(`${m.id}  ${m.event_type}  ${m.status}  attempts ${m.attempts}${m.last_error ? `  ${m.last_error}` : ''}\n`);
      return 0;
    }
    if (action === 'replay' && (values.dead || positionals.length)) {
      const ids = values.dead ? (await listWebhookMessages(rt, { limit: 500, status: 'dead', ...(query.endpoint_id ? { endpointId: query.endpoint_id } : {}) })).map((m) => m.id) : positionals;
      for (const id of ids) await replayWebhookMessage(rt, id);
      io.out(`Replaying ${ids.length} message${ids.length === 1 ? '' : 's'}; a running server delivers ${ids.length === 1 ? 'it' : 'them'} within seconds.\n`);
      return 0;
    }
    io.err(ADMIN_HELP);
    return 1;
  });
}

const COMMANDS = { 'secret-keys': secretKeys, users, config, keys, webhooks } as const;
export type AdminCommand = keyof typeof COMMANDS;

/** Runs an operator command; answers the exit code. API errors print their long message. */
export async function runAdminCommand(command: AdminCommand, args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  try {
    return await COMMANDS[command](args, env, io);
  } catch (error) {
    if (error instanceof UsherError) {
      io.err(`usher: ${error.longMessage}${error.paramName ? ` (${error.paramName})` : ''}\n`);
      return 2;
    }
    if (error instanceof TypeError && /parseArgs|Unknown option|ERR_PARSE_ARGS/.test(`${(error as { code?: string }).code ?? ''} ${error.message}`)) {
      io.err(`usher: ${error.message}\n\n${ADMIN_HELP}`);
      return 2;
    }
    throw error;
  }
}
