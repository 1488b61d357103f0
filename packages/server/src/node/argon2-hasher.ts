import { hash, verify, type Algorithm } from '@node-rs/argon2';
import type { PasswordHasher } from '../deps.ts';

/** OWASP's argon2id parameters (m=19 MiB, t=2, p=1); a test pins them by parsing the PHC string. */
export const ARGON2_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

/** `Algorithm.Argon2id`; the package declares its enum as an ambient const enum, which isolated modules cannot read. */
const ARGON2ID = 2 as Algorithm;

/**
 * The production password hasher: argon2id through @node-rs/argon2 (native, runs off the event
 * loop). Produces PHC strings like `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`.
 *
 * @example
 * createUsherApp({ ..., hasher: new Argon2Hasher() });
 */
export class Argon2Hasher implements PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password, { ...ARGON2_PARAMS, algorithm: ARGON2ID });
  }

  async verify(phc: string, password: string): Promise<boolean> {
    if (!phc.startsWith('$argon2')) return false;
    try {
      return await verify(phc, password);
    } catch {
      // A malformed stored hash is a failed verification, not a crash of the request.
      return false;
    }
  }
}

/** Same as `new Argon2Hasher()`. */
export function createArgon2Hasher(): PasswordHasher {
  return new Argon2Hasher();
}
