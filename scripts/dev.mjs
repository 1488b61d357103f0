// Starts the whole development stack: the Usher server (SQLite, dev mailbox), the playground
// (Vite, proxying /v1 and /.well-known to the server so browser, cookies and API share one origin)
// and the playground's own API server (apps/playground/server/main.ts, proxied under /api).
// Ports: USHER_PORT (4000), PLAYGROUND_PORT (5173), PLAYGROUND_API_PORT (5174). Ctrl+C stops all.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const usherPort = process.env.USHER_PORT ?? '4000';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '5173';
const playgroundUrl = `http://localhost:${playgroundPort}`;
const apiPort = process.env.PLAYGROUND_API_PORT ?? String(Number(playgroundPort) + 1);

const children = [];
function run(name, command, args, options) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  const prefix = (stream, out) => {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`[${name}] exited (${signal ?? code}); stopping the stack.\n`);
    stop(code ?? 1);
  });
  children.push(child);
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 300).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

run('usher', process.execPath, [join(root, 'packages/server/bin/usher.mjs'), 'dev'], {
  cwd: root,
  env: { ...process.env, PORT: usherPort, USHER_APP_URL: playgroundUrl, USHER_PUBLIC_URL: process.env.USHER_PUBLIC_URL ?? playgroundUrl },
});
run('playground', process.execPath, [join(root, 'apps/playground/node_modules/vite/bin/vite.js'), '--port', playgroundPort, '--strictPort', '--bypass-lock'], {
  cwd: join(root, 'apps/playground'),
  env: { ...process.env, USHER_API_TARGET: `http://127.0.0.1:${usherPort}`, PLAYGROUND_API_PORT: apiPort },
});
// The playground's own backend (apps/playground/server/main.ts): GET /api/me behind @usher/backend.
run('api', process.execPath, ['--import', 'tsx', join(root, 'apps/playground/server/main.ts')], {
  cwd: root,
  env: { ...process.env, PLAYGROUND_API_PORT: apiPort, USHER_API_TARGET: `http://127.0.0.1:${usherPort}`, PLAYGROUND_ORIGIN: playgroundUrl, USHER_ISSUER: process.env.USHER_PUBLIC_URL ?? playgroundUrl },
});
process.stdout.write(`\n  Playground   ${playgroundUrl}\n  Dev mailbox  ${playgroundUrl}/mailbox\n  API          http://localhost:${usherPort}/v1\n  App's API    ${playgroundUrl}/api/me (verified with @usher/backend)\n\n`);
