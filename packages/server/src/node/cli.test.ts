/**
 * The `usher` command as an operator meets it: each test spawns the real bin/usher.mjs in its own
 * process, with its own environment (nothing inherited from the test runner), a temp directory and
 * PORT=0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite-store.ts';

const USHER = fileURLToPath(new URL('../../bin/usher.mjs', import.meta.url));

interface Usher {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

const started: Usher[] = [];
const directories: string[] = [];
const smtpServers: { close: () => Promise<void> }[] = [];

afterEach(async () => {
  for (const usher of started.splice(0)) {
    if (usher.child.exitCode === null && usher.child.signalCode === null) {
      usher.child.kill('SIGKILL');
      await usher.exited;
    }
  }
  await Promise.all(smtpServers.splice(0).map((smtp) => smtp.close()));
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function tempDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'usher-cli-'));
  directories.push(directory);
  return directory;
}

function usher(args: string[], env: Record<string, string>, cwd: string): Usher {
  const child = spawn(process.execPath, [USHER, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const running = { child, stdout: () => stdout, stderr: () => stderr, exited };
  started.push(running);
  return running;
}

/** Waits until stdout matches, and answers the match; fails if the process ends first. */
async function waitForOutput(running: Usher, pattern: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = running.stdout().match(pattern);
    if (match) return match;
    if (running.child.exitCode !== null) throw new Error(`usher exited with ${running.child.exitCode} before printing ${pattern}:\n${running.stdout()}\n${running.stderr()}`);
    if (Date.now() > deadline) throw new Error(`usher did not print ${pattern} within ${timeoutMs} ms:\n${running.stdout()}\n${running.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends SIGTERM and answers the exit code and how long the process took to end. */
async function stop(running: Usher): Promise<{ code: number | null; ms: number }> {
  const at = Date.now();
  running.child.kill('SIGTERM');
  const code = await running.exited;
  return { code, ms: Date.now() - at };
}

async function jwksKids(baseUrl: string): Promise<string[]> {
  const res = await fetch(`${baseUrl}/.well-known/jwks.json`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { keys: { kid?: string }[] };
  return body.keys.map((key) => key.kid ?? '');
}

interface CapturedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
async function smtpCapture(): Promise<{ url: string; received: CapturedMail[]; close: () => Promise<void> }> {
  const received: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const capture = { url: `smtp://127.0.0.1:${port}?ignoreTLS=true`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  smtpServers.push(capture);
  return capture;
}

describe('usher unknown commands and --help', () => {
  it('an unknown command exits 1 and shows the help on stderr', async () => {
    const run = usher(['deploy'], {}, tempDirectory());
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('Unknown command "deploy"');
    expect(run.stderr()).toContain('usher dev');
    expect(run.stderr()).toContain('usher start');
  });

  it('--help exits 0 and shows the help on stdout', async () => {
    const run = usher(['--help'], {}, tempDirectory());
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toContain('usher dev');
    expect(run.stdout()).toContain('usher start');
    expect(run.stdout()).toContain('DATABASE_URL');
  });
});

// Each start loads the TypeScript sources (a few seconds on a busy machine); a restart pays twice.
describe('usher start', { timeout: 45_000 }, () => {
  it('given an empty environment, refuses to start with exit code 2 and names every missing setting', async () => {
    const run = usher(['start'], {}, tempDirectory());
    expect(await run.exited).toBe(2);
    for (const setting of ['DATABASE_URL', 'USHER_PUBLIC_URL', 'USHER_ALLOWED_ORIGINS', 'SMTP_URL']) expect(run.stderr()).toContain(setting);
    expect(run.stdout()).toBe('');
  });

  it('given a plain-http public URL outside localhost, refuses to start and says it must use https', async () => {
    const run = usher(['start'], { USHER_PUBLIC_URL: 'http://example.com' }, tempDirectory());
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toMatch(/USHER_PUBLIC_URL must use https.*http:\/\/example\.com/);
  });

  describe('given a complete safe environment (SQLite file, https public URL, SMTP on loopback)', () => {
    async function startProduction() {
      const smtp = await smtpCapture();
      const directory = tempDirectory();
      const env = {
        DATABASE_URL: join(directory, 'data', 'usher.db'),
        USHER_PUBLIC_URL: 'https://auth.example.com',
        USHER_ALLOWED_ORIGINS: 'https://app.example.com',
        SMTP_URL: smtp.url,
        HOST: '127.0.0.1',
        PORT: '0',
      };
      const run = usher(['start'], env, directory);
      const [, listening] = await waitForOutput(run, /listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
      return { run, listening: listening!, smtp, directory };
    }

    it('starts, answers GET /v1/environment with 200 and keeps its data in the SQLite file', async () => {
      const { run, listening, directory } = await startProduction();
      expect(run.stdout()).toContain('Usher production server');
      expect(run.stdout()).toContain('Frontend API   https://auth.example.com/v1');
      const res = await fetch(`${listening}/v1/environment`);
      expect(res.status).toBe(200);
      expect(existsSync(join(directory, 'data', 'usher.db'))).toBe(true);
    });

    it('has no dev mailbox: GET /v1/dev/mailbox is 404', async () => {
      const { listening } = await startProduction();
      expect((await fetch(`${listening}/v1/dev/mailbox`)).status).toBe(404);
    });

    it('delivers a sign-up verification code through SMTP_URL', async () => {
      const { listening, smtp } = await startProduction();
      const headers = { origin: 'https://app.example.com', 'content-type': 'application/json', 'x-usher-bearer': '1' };
      const created = await fetch(`${listening}/v1/client/sign_ups`, { method: 'POST', headers, body: JSON.stringify({ email_address: 'ada@example.com' }) });
      expect(created.status).toBe(200);
      const token = created.headers.get('x-usher-client-token');
      const { response } = (await created.json()) as { response: { id: string } };
      const prepared = await fetch(`${listening}/v1/client/sign_ups/${response.id}/prepare_verification`, {
        method: 'POST',
        headers: { origin: headers.origin, 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ strategy: 'email_code' }),
      });
      expect(prepared.status).toBe(200);
      await expect.poll(() => smtp.received.length, { timeout: 10_000, interval: 100 }).toBe(1);
      expect(smtp.received[0]!.to).toEqual(['ada@example.com']);
      expect(smtp.received[0]!.raw).toMatch(/\b\d{6}\b/);
    });
  });
});

describe('usher dev', { timeout: 45_000 }, () => {
  it('given PORT=0, prints the Frontend API, JWKS and Dev mailbox URLs of the port it bound, and they answer', async () => {
    const run = usher(['dev'], { PORT: '0', USHER_DATA_DIR: join(tempDirectory(), '.usher') }, tempDirectory());
    const [, port] = await waitForOutput(run, /listening on http:\/\/127\.0\.0\.1:(\d+)\n/);
    const [, frontendApi] = await waitForOutput(run, /Frontend API +(\S+)\n/);
    const [, jwks] = await waitForOutput(run, /JWKS +(\S+)\n/);
    const [, devMailbox] = await waitForOutput(run, /Dev mailbox +(\S+)\n/);
    expect(frontendApi).toBe(`http://localhost:${port}/v1`);
    expect(jwks).toBe(`http://localhost:${port}/.well-known/jwks.json`);
    expect(devMailbox).toBe(`http://localhost:${port}/v1/dev/mailbox`);
    expect((await fetch(`${frontendApi}/environment`)).status).toBe(200);
    expect((await fetch(jwks!)).status).toBe(200);
  });

  it('without USHER_DATA_DIR, creates .usher/usher.db in the working directory', async () => {
    const cwd = tempDirectory();
    const run = usher(['dev'], { PORT: '0' }, cwd);
    await waitForOutput(run, /Dev mailbox +\S+\n/);
    expect(existsSync(join(cwd, '.usher', 'usher.db'))).toBe(true);
  });

  it('given USHER_DATA_DIR, creates usher.db there', async () => {
    const dataDir = join(tempDirectory(), 'state');
    const run = usher(['dev'], { PORT: '0', USHER_DATA_DIR: dataDir }, tempDirectory());
    await waitForOutput(run, /Dev mailbox +\S+\n/);
    expect(existsSync(join(dataDir, 'usher.db'))).toBe(true);
  });

  it('publishes at least one signing key with a kid at /.well-known/jwks.json', async () => {
    const run = usher(['dev'], { PORT: '0', USHER_DATA_DIR: join(tempDirectory(), '.usher') }, tempDirectory());
    const [, listening] = await waitForOutput(run, /listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    const kids = await jwksKids(listening!);
    expect(kids.length).toBeGreaterThanOrEqual(1);
    for (const kid of kids) expect(kid).not.toBe('');
  });

  it('after a restart on the same data directory, publishes the same keys (kept, not recreated)', async () => {
    const env = { PORT: '0', USHER_DATA_DIR: join(tempDirectory(), '.usher') };
    const first = usher(['dev'], env, tempDirectory());
    const [, firstUrl] = await waitForOutput(first, /listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    const before = await jwksKids(firstUrl!);
    expect((await stop(first)).code).toBe(0);

    const second = usher(['dev'], env, tempDirectory());
    const [, secondUrl] = await waitForOutput(second, /listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    expect(await jwksKids(secondUrl!)).toEqual(before);
  });

  it('prints a Backend API secret key that works, and the same one after a restart', async () => {
    const env = { PORT: '0', USHER_DATA_DIR: join(tempDirectory(), '.usher') };
    const first = usher(['dev'], env, tempDirectory());
    const [, key] = await waitForOutput(first, /Secret key +(sk_test_\S+)/);
    const [, backendApi] = await waitForOutput(first, /Backend API +(\S+)\n/);
    expect((await fetch(`${backendApi}/users`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    expect((await fetch(`${backendApi}/users`, { headers: { authorization: 'Bearer sk_test_wrong' } })).status).toBe(401);
    expect((await stop(first)).code).toBe(0);
    const second = usher(['dev'], env, tempDirectory());
    const [, again] = await waitForOutput(second, /Secret key +(sk_test_\S+)/);
    expect(again).toBe(key);
  });

  it('serves the dev mailbox: GET /v1/dev/mailbox is 200 with an empty list at first', async () => {
    const run = usher(['dev'], { PORT: '0', USHER_DATA_DIR: join(tempDirectory(), '.usher') }, tempDirectory());
    const [, listening] = await waitForOutput(run, /listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    const res = await fetch(`${listening}/v1/dev/mailbox`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: [], total_count: 0 });
  });

  it('on SIGTERM, stops cleanly with exit code 0 within a few seconds, even with a keep-alive connection open', async () => {
    const run = usher(['dev'], { PORT: '0', USHER_DATA_DIR: join(tempDirectory(), '.usher') }, tempDirectory());
    const [, listening] = await waitForOutput(run, /listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    expect((await fetch(`${listening}/v1/environment`)).status).toBe(200);
    const { code, ms } = await stop(run);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5_000);
    expect(run.stderr()).toBe('');
  });
});

/** Runs an operator command to its end. */
async function command(args: string[], env: Record<string, string>, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = usher(args, env, cwd);
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

describe('usher secret-keys and users (operator commands on the database)', { timeout: 60_000 }, () => {
  it('creates, lists and revokes secret keys; manages users by id or email', async () => {
    const cwd = tempDirectory();
    const env = { USHER_DATA_DIR: join(cwd, '.usher') };
    const created = await command(['secret-keys', 'create', '--name', 'ci'], env, cwd);
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^sk_test_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toContain('not shown again');
    const listed = await command(['secret-keys', 'list'], env, cwd);
    expect(listed.stdout).toContain(' ci ');
    expect(listed.stdout).not.toContain(key);
    const id = /^(key_\S+)/.exec(listed.stdout)?.[1];
    expect((await command(['secret-keys', 'revoke', id!], env, cwd)).code).toBe(0);
    expect((await command(['secret-keys', 'revoke', id!], env, cwd)).code).toBe(1);
    expect((await command(['secret-keys', 'create'], { ...env, USHER_ENVIRONMENT: 'production' }, cwd)).stdout).toMatch(/^sk_live_/);

    const user = await command(['users', 'create', '--email', 'Ada@Example.com', '--password', 'correct horse battery'], env, cwd);
    expect(user.code).toBe(0);
    expect(user.stdout).toMatch(/^user_\S+ {2}ada@example\.com\n$/);
    expect((await command(['users', 'ban', 'ada@example.com'], env, cwd)).stdout).toContain('[banned]');
    expect((await command(['users', 'lock', 'ada@example.com'], env, cwd)).stdout).toContain('banned,locked');
    expect((await command(['users', 'unban', 'ada@example.com'], env, cwd)).stdout).toContain('[locked]');
    const unlocked = await command(['users', 'unlock', user.stdout.split(' ')[0]!], env, cwd);
    expect(unlocked.stdout).not.toContain('[');
    const noMfa = await command(['users', 'disable-mfa', 'ada@example.com'], env, cwd);
    expect(noMfa.code).toBe(0);
    expect(noMfa.stdout).toMatch(/^user_\S+ {2}ada@example\.com\n$/);
    const list = await command(['users', 'list', '--query', 'ada'], env, cwd);
    expect(list.stdout).toContain('ada@example.com');
    expect(list.stderr).toContain('1 of 1 users');
  });

  it('keys rotate: the JWKS publishes both keys, the new one signs', async () => {
    const cwd = tempDirectory();
    const env = { USHER_DATA_DIR: join(cwd, '.usher') };
    const first = await command(['keys', 'list'], env, cwd);
    const oldKid = first.stdout.split(' ')[0]!;
    expect(first.stdout).toContain('signing');
    const rotated = await command(['keys', 'rotate'], env, cwd);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain(`retired ${oldKid}`);
    const listed = (await command(['keys', 'list'], env, cwd)).stdout.trim().split('\n');
    expect(listed).toHaveLength(2);
    expect(listed.find((line) => line.startsWith(oldKid))).toContain('retired');
    const run = usher(['dev'], { PORT: '0', USHER_DATA_DIR: env.USHER_DATA_DIR }, cwd);
    const [, url] = await waitForOutput(run, /listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    expect((await jwksKids(url!)).sort()).toEqual(listed.map((line) => line.split(' ')[0]!).sort());
  });

  it('config get prints the settings; config set changes them, and refuses a bad value with exit code 2', async () => {
    const cwd = tempDirectory();
    const env = { USHER_DATA_DIR: join(cwd, '.usher') };
    const set = await command(['config', 'set', 'sign_up_mode=restricted', 'lockout_max_attempts=20', 'application_name=Acme Inc'], env, cwd);
    expect(set.code).toBe(0);
    const got = JSON.parse((await command(['config', 'get'], env, cwd)).stdout) as Record<string, unknown>;
    expect(got).toMatchObject({ sign_up_mode: 'restricted', lockout_max_attempts: 20, application_name: 'Acme Inc' });
    const bad = await command(['config', 'set', 'lockout_max_attempts=many'], env, cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('lockout_max_attempts');
  });

  it('webhooks: create prints the signing secret; list; a dead delivery shows in messages and replay --dead requeues it', async () => {
    const cwd = tempDirectory();
    const env = { USHER_DATA_DIR: join(cwd, '.usher') };
    const created = await command(['webhooks', 'create', '--url', 'https://hooks.example.com/usher', '--events', 'user.created,user.deleted'], env, cwd);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Signing secret \(verify webhooks with it\): whsec_[A-Za-z0-9+/=]+/);
    const endpointId = /^(whep_[0-9a-z]+)/.exec(created.stdout)![1]!;
    expect((await command(['webhooks', 'list'], env, cwd)).stdout).toBe(`${endpointId}  https://hooks.example.com/usher  user.created,user.deleted\n`);
    expect((await command(['webhooks', 'create', '--url', 'ftp://nope'], env, cwd)).code).toBe(2);

    const store = await openSqliteStore(join(cwd, '.usher', 'usher.db'));
    const id = `msg_${'0'.repeat(36)}.${endpointId}`;
    await store.enqueueOutbox({ id, kind: 'webhook', payload: { endpoint_id: endpointId, event_id: `msg_${'0'.repeat(36)}`, event_type: 'user.created', body: '{}' }, status: 'pending', attempts: 0, nextAttemptAt: 0, lockedUntil: null, lastError: null, createdAt: 1, updatedAt: 1 });
    await store.claimOutbox({ now: 1, limit: 1, leaseMs: 1000 });
    await store.markOutboxFailed(id, { error: 'The endpoint answered HTTP 500.', nextAttemptAt: 2, dead: true, now: 2 });
    await store.close();

    expect((await command(['webhooks', 'messages', '--status', 'dead'], env, cwd)).stdout).toBe(`${id}  user.created  dead  attempts 1  The endpoint answered HTTP 500.\n`);
    const replay = await command(['webhooks', 'replay', '--dead'], env, cwd);
    expect(replay.stdout).toContain('Replaying 1 message');
    expect((await command(['webhooks', 'messages', '--status', 'dead'], env, cwd)).stdout).toBe('');
    expect((await command(['webhooks', 'messages', '--status', 'pending'], env, cwd)).stdout).toContain(`${id}  user.created  pending  attempts 0`);
    expect((await command(['webhooks', 'replay', id], env, cwd)).stderr).toMatch(/still pending or in flight/);
    expect((await command(['webhooks', 'delete', endpointId], env, cwd)).stdout).toBe(`Deleted ${endpointId}.\n`);
  });

  it('says what is wrong, with exit code 2: a taken address, a bad one, an unknown user or option', async () => {
    const cwd = tempDirectory();
    const env = { USHER_DATA_DIR: join(cwd, '.usher') };
    await command(['users', 'create', '--email', 'ada@example.com'], env, cwd);
    const taken = await command(['users', 'create', '--email', 'ada@example.com'], env, cwd);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/another user/);
    expect((await command(['users', 'create', '--email', 'nope'], env, cwd)).stderr).toMatch(/valid email address/);
    expect((await command(['users', 'ban', 'ghost@example.com'], env, cwd)).stderr).toMatch(/No user has this id/);
    const bogus = await command(['users', 'list', '--bogus'], env, cwd);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain('Operator commands');
  });
});
