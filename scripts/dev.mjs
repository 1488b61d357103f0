// Starts the whole development stack: the Usher server (SQLite, dev mailbox) and the playground
// (Vite, proxying /v1 and /.well-known to the server so browser, cookies and API share one origin).
// Ports: USHER_PORT (4000) and PLAYGROUND_PORT (5173). Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const usherPort = process.env.USHER_PORT ?? '4000';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '5173';
const playgroundUrl = `http://localhost:${playgroundPort}`;

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
  env: { ...process.env, USHER_API_TARGET: `http://127.0.0.1:${usherPort}` },
});
process.stdout.write(`\n  Playground   ${playgroundUrl}\n  Dev mailbox  ${playgroundUrl}/mailbox\n  API          http://localhost:${usherPort}/v1\n\n`);
