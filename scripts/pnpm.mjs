// Runs the pinned pnpm through npx so a newcomer needs nothing but Node.js 20.
// better-sqlite3 builds from source where no prebuilt binary can be fetched; node-gyp then
// needs Node's headers, which Debian's nodejs package ships under /usr/include/node.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PNPM = 'pnpm@12.21.0';
const env = { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: '0' };
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';

const local = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
const usesLocal = local.status === 0 && local.stdout.trim() === PNPM.split('@')[1];
const [cmd, args] = usesLocal ? ['pnpm', process.argv.slice(2)] : ['npx', ['-y', PNPM, ...process.argv.slice(2)]];
const result = spawnSync(cmd, args, { stdio: 'inherit', env });
process.exit(result.status ?? 1);
