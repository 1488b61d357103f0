import * as oauth from 'oauth4webapi';
import { UsherError } from '../errors.ts';
import { discoveryIssuer, isLoopbackHttp, PRESETS, providerKind, type OAuthProviderRecord } from './providers.ts';

/** Discovered metadata is reused for an hour; a provider rotating endpoints is picked up after that. */
const METADATA_TTL_MS = 3600_000;

/**
 * What an app keeps between OAuth calls: discovered provider metadata and the providers' signing
 * keys (JWKS), per app instance (no module-level state), and the fetch used for every outbound
 * call (injectable: UsherAppDeps.fetch).
 */
export class OAuthClientState {
  private readonly metadata = new Map<string, { as: oauth.AuthorizationServer; at: number }>();
  private readonly jwks = new Map<string, oauth.JWKSCacheInput>();

  constructor(readonly fetch: typeof globalThis.fetch) {}

  /** Options for an oauth4webapi call to `url`: our fetch, and plain http only for loopback providers. */
  http(url: string): { [oauth.customFetch]: typeof globalThis.fetch; [oauth.allowInsecureRequests]: boolean; signal: AbortSignal } {
    return { [oauth.customFetch]: this.fetch, [oauth.allowInsecureRequests]: isLoopbackHttp(url), signal: AbortSignal.timeout(10_000) };
  }

  /** The JWKS cache object oauth4webapi fills in (one per issuer). */
  jwksCache(issuer: string): oauth.JWKSCacheInput {
    let cache = this.jwks.get(issuer);
    if (!cache) {
      cache = {};
      this.jwks.set(issuer, cache);
    }
    return cache;
  }

  /** The authorization server: discovered for OpenID Connect providers, from the explicit endpoints otherwise. */
  async authorizationServer(provider: OAuthProviderRecord, now: number): Promise<oauth.AuthorizationServer> {
    if (providerKind(provider) !== 'oidc') return explicitServer(provider);
    const issuer = discoveryIssuer(provider);
    if (issuer === null) throw new UsherError('oauth_provider_unreachable', { longMessage: `The provider ${provider.name} has no issuer configured.` });
    const cached = this.metadata.get(issuer);
    if (cached && now - cached.at < METADATA_TTL_MS) return cached.as;
    const as = await discover(this, provider, issuer);
    this.metadata.set(issuer, { as, at: now });
    return as;
  }
}

async function discover(state: OAuthClientState, provider: OAuthProviderRecord, issuer: string): Promise<oauth.AuthorizationServer> {
  const url = new URL(issuer);
  try {
    const response = await oauth.discoveryRequest(url, { algorithm: 'oidc', ...state.http(issuer) });
    // Microsoft's multi-tenant endpoints publish a templated issuer (`{tenantid}`): it is checked
    // against the token's own `tid` when the ID token arrives (see exchange.ts).
    if (provider.preset === 'microsoft' && !isTenantId(provider.tenant)) {
      const as = (await response.json()) as oauth.AuthorizationServer;
      if (typeof as.issuer !== 'string' || !as.issuer.includes('{tenantid}')) throw new TypeError('unexpected Microsoft metadata');
      return as;
    }
    return await oauth.processDiscoveryResponse(url, response);
  } catch (error) {
    throw new UsherError('oauth_provider_unreachable', { longMessage: `${provider.name} could not be reached to start the sign-in. Try again in a moment.`, cause: error });
  }
}

const isTenantId = (tenant: string | null): boolean => tenant !== null && /^[0-9a-f-]{36}$/i.test(tenant);

function explicitServer(provider: OAuthProviderRecord): oauth.AuthorizationServer {
  const defaults = PRESETS[provider.preset];
  const authorization = provider.authorizationEndpoint ?? defaults.authorizationEndpoint;
  const token = provider.tokenEndpoint ?? defaults.tokenEndpoint;
  if (!authorization || !token) throw new UsherError('oauth_provider_unreachable', { longMessage: `The provider ${provider.name} has no authorization or token endpoint configured.` });
  return {
    issuer: new URL(authorization).origin,
    authorization_endpoint: authorization,
    token_endpoint: token,
    userinfo_endpoint: provider.userinfoEndpoint ?? defaults.userinfoEndpoint,
  };
}
