import type { InstanceConfig } from '../config/instance.ts';
import type { ClientContext } from '../services/client-context.ts';

/** Per-request values the middlewares hand to the routes. */
export interface AppVariables {
  instance: InstanceConfig;
  clientContext: ClientContext;
  /** Bearer mode: the client token travels in headers instead of the `__client` cookie. */
  bearer: boolean;
  /** The request's Origin when it is an allowed one (becomes the token's `azp`). */
  allowedOrigin: string | undefined;
  /** The parsed JSON body of a mutation (undefined when it had none). */
  body: unknown;
  /** The file of an upload route (POST /v1/me/profile_image), as raw bytes. */
  upload: Uint8Array | undefined;
}

export interface AppEnv {
  Variables: AppVariables;
}
