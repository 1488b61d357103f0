/**
 * @usher/testing/oidc — a real OpenID Provider (oidc-provider) on loopback for tests of OIDC
 * clients. Node-only.
 */
export { startOidcProvider } from './start-oidc-provider.ts';
export { AuthorizeError } from './browser-dance.ts';
export type {
  AuthorizeOptions,
  IdTokenClaimOverrides,
  OidcAccount,
  OidcClientRegistration,
  OidcMisbehaviour,
  OidcProviderFixture,
  OidcProviderOptions,
} from './types.ts';
