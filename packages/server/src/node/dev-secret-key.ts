import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../crypto/digest.ts';
import { createSecretKey } from '../services/backend/secret-keys.ts';
import type { Store } from '../store/types.ts';

/**
 * The development instance's Backend API key: kept in `<dataDir>/secret-key` (mode 600) so
 * `usher dev` can print it at every start. A file whose key the database does not know (or
 * revoked) is replaced by a new key. Production keys are never written to disk: see
 * `usher secret-keys create`.
 */
export async function ensureDevSecretKey(store: Store, dataDir: string): Promise<string> {
  const file = join(dataDir, 'secret-key');
  const saved = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (saved) {
    const known = await store.findApiKeyByHash(await sha256Hex(saved));
    if (known && known.revokedAt === null) return saved;
  }
  const { secretKey } = await createSecretKey(
    { store, clock: { now: () => Date.now() }, random: { bytes: (n) => new Uint8Array(randomBytes(n)) } },
    { environment: 'development', name: 'dev' },
  );
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${secretKey}\n`, { mode: 0o600 });
  return secretKey;
}
