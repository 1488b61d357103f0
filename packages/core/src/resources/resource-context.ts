import type { SignInJSON, SignUpJSON, UserJSON } from '@usher/protocol';
import type { TransportRequest } from '../transport/transport.ts';
import type { StartedSignIn } from './sign-in.ts';
import type { StartedSignUp } from './sign-up.ts';
import type { User } from './user.ts';

/** Options of getToken(). */
export interface GetTokenOptions {
  /** A JWT template name: mints `…/tokens/{template}` instead of the default session token. */
  template?: string;
  /** The organization the token is for (part of the cache key). */
  organizationId?: string | null;
  /** Mint a new token even when the cached one is still fresh. */
  skipCache?: boolean;
}

/**
 * What a resource needs from the Usher instance that made it. Resources never hold the Usher
 * itself, so they stay plain, immutable values that are cheap to compare.
 * @internal
 */
export interface ResourceContext {
  /** Sends a request; an answer `{ response, client }` replaces the client snapshot and yields `response`. */
  call<T>(request: TransportRequest): Promise<T>;
  /** The snapshot's instance for this JSON when it is the same, else a new one (identity stays stable). */
  signInFor(json: SignInJSON): StartedSignIn;
  signUpFor(json: SignUpJSON): StartedSignUp;
  userFor(json: UserJSON): User;
  /** The session `/me` calls act for: the active one when it is this user's. */
  sessionIdFor(userId: string): string | null;
  setActive(sessionId: string): Promise<void>;
  getToken(sessionId: string, options?: GetTokenOptions): Promise<string | null>;
  endSession(sessionId: string): Promise<void>;
  /** Leaves for another page (a provider's): `UsherOptions.navigate`, else `location.assign`. */
  navigate(url: string): Promise<unknown>;
}
