// Starts the same stack as `pnpm dev` (scripts/dev.mjs) on spare ports with a throwaway SQLite
// directory, and hands its URL to the tests. The tests drive Debian's Chromium against it.
// DATABASE_URL and REDIS_URL are not passed on: CI exports them for the store suites, and a dev
// stack on the shared database would see earlier runs' users and messages.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    playgroundUrl: string;
    /** The dev instance's Backend API key (usher dev keeps it in <data dir>/secret-key). */
    secretKey: string;
    /** The Usher server itself (the Backend API is not proxied by the playground). */
    usherUrl: string;
    /** The stack's output so far is appended to this file (failures quote its tail). */
    stackLog: string;
  }
}

let stack: ChildProcess | undefined;
let dataDir: string | undefined;

/** A port nothing listens on right now (the system picks it), so parallel runs never clash. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The dev stack did not answer ${url} within ${timeoutMs} ms. Output:\n${output()}`);
}

export async function setup(project: TestProject): Promise<void> {
  dataDir = mkdtempSync(join(tmpdir(), 'usher-e2e-'));
  const usherPort = String(await freePort());
  const playgroundPort = String(await freePort());
  const apiPort = String(await freePort());
  let output = '';
  const stackLog = join(dataDir, 'stack.log');
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...env } = process.env;
  stack = spawn(process.execPath, [join(import.meta.dirname, '../scripts/dev.mjs')], {
    // Rate limits off: the browser completes in seconds what a person does in a minute. The limits
    // themselves are proven at the HTTP level (packages/server/src/routes/rate-limits*.test.ts).
    env: { ...env, USHER_PORT: usherPort, PLAYGROUND_PORT: playgroundPort, PLAYGROUND_API_PORT: apiPort, USHER_DATA_DIR: dataDir, USHER_RATE_LIMITS: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const record = (chunk: Buffer) => {
    output += chunk;
    appendFileSync(stackLog, chunk);
  };
  stack.stdout?.on('data', record);
  stack.stderr?.on('data', record);
  const playgroundUrl = `http://localhost:${playgroundPort}`;
  await waitFor(`${playgroundUrl}/v1/environment`, 60_000, () => output);
  await waitFor(playgroundUrl, 30_000, () => output);
  project.provide('playgroundUrl', playgroundUrl);
  project.provide('stackLog', stackLog);
  project.provide('usherUrl', `http://127.0.0.1:${usherPort}`);
  project.provide('secretKey', readFileSync(join(dataDir, 'secret-key'), 'utf8').trim());
}

export async function teardown(): Promise<void> {
  if (stack && stack.exitCode === null) {
    const exited = new Promise((resolve) => stack!.once('exit', resolve));
    stack.kill('SIGTERM');
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
