import type { Context, Hono } from 'hono';
import type { ClientResponseJSON, ErrorCode } from '@usher/protocol';
import { isWellFormedId, type IdPrefix } from '../crypto/ids.ts';
import { UsherError } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import type { Runtime } from '../services/runtime.ts';
import { loadClientJSON } from '../services/serializers/load.ts';

export type App = Hono<AppEnv>;
export type AppContext = Context<AppEnv>;

/** The envelope of every Frontend API answer about the client: the resource and the whole client. */
export async function withClient<T>(rt: Runtime, c: AppContext, response: T): Promise<ClientResponseJSON<T>> {
  return { response, client: await loadClientJSON(rt, c.get('clientContext').client, c.get('instance')) };
}

/** A path id of the right shape, else 404 with `code` (no store lookup for garbage). */
export function pathId(c: AppContext, prefix: IdPrefix, code: ErrorCode): string {
  const id = c.req.param('id') ?? '';
  if (!isWellFormedId(prefix, id)) throw new UsherError(code);
  return id;
}
