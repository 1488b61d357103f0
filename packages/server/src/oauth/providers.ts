/**
 * The social / OpenID Connect providers an instance offers. Each is one entry of the
 * `oauth_providers` setting, managed through the Backend API (client secrets are sealed at rest
 * and never answered back). Built-in presets fill in the endpoints users would otherwise look up.
 */

export type ProviderPreset = 'google' | 'github' | 'microsoft' | 'apple' | 'oidc' | 'oauth2';

/** How a generic OAuth2 provider's userinfo JSON maps onto a person (dotted paths are not supported: top-level keys). */
export interface ClaimMapping {
  subject: string;
  email: string | null;
  emailVerified: string | null;
  firstName: string | null;
  lastName: string | null;
  name: string | null;
  username: string | null;
  picture: string | null;
}

export interface OAuthProviderRecord {
  /** `[a-z0-9_]{1,32}`; the strategy is `oauth_<id>`. For presets usually the preset's name. */
  id: string;
  preset: ProviderPreset;
  /** Shown on the button ("Continue with Google"). */
  name: string;
  enabled: boolean;
  clientId: string;
  /** Sealed (AES-256-GCM under the instance secret); null for public clients. */
  sealedClientSecret: string | null;
  scopes: string[];
  /** OpenID Connect: the issuer; its metadata is discovered at `<issuer>/.well-known/openid-configuration`. */
  issuer: string | null;
  /** OAuth2 (and GitHub): explicit endpoints. */
  authorizationEndpoint: string | null;
  tokenEndpoint: string | null;
  userinfoEndpoint: string | null;
  /** GitHub's REST API base (https://api.github.com; GitHub Enterprise has its own). */
  apiBaseUrl: string | null;
  tokenEndpointAuthMethod: 'client_secret_basic' | 'client_secret_post';
  /** Generic OAuth2 only: whether its email addresses count as verified (it has no standard claim for it). */
  trustEmails: boolean;
  claimMapping: ClaimMapping | null;
  /** Microsoft: `common`, `organizations`, `consumers` or a tenant id. */
  tenant: string | null;
  /** Apple signs in with a client secret that is a JWT we sign with the team's key. */
  apple: { teamId: string; keyId: string; sealedPrivateKey: string } | null;
  createdAt: number;
  updatedAt: number;
}

/** The setting key holding `OAuthProviderRecord[]`. */
export const OAUTH_PROVIDERS_KEY = 'oauth_providers';

export const DEFAULT_CLAIM_MAPPING: ClaimMapping = {
  subject: 'sub',
  email: 'email',
  emailVerified: 'email_verified',
  firstName: 'given_name',
  lastName: 'family_name',
  name: 'name',
  username: 'preferred_username',
  picture: 'picture',
};

interface PresetDefaults {
  name: string;
  kind: 'oidc' | 'oauth2' | 'github';
  scopes: string[];
  issuer?: string;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  userinfoEndpoint?: string;
  apiBaseUrl?: string;
}

export const PRESETS: Record<ProviderPreset, PresetDefaults> = {
  google: { name: 'Google', kind: 'oidc', scopes: ['openid', 'email', 'profile'], issuer: 'https://accounts.google.com' },
  microsoft: { name: 'Microsoft', kind: 'oidc', scopes: ['openid', 'email', 'profile'], issuer: 'https://login.microsoftonline.com/{tenant}/v2.0' },
  apple: { name: 'Apple', kind: 'oidc', scopes: ['openid', 'email', 'name'], issuer: 'https://appleid.apple.com' },
  github: {
    name: 'GitHub',
    kind: 'github',
    scopes: ['read:user', 'user:email'],
    authorizationEndpoint: 'https://github.com/login/oauth/authorize',
    tokenEndpoint: 'https://github.com/login/oauth/access_token',
    apiBaseUrl: 'https://api.github.com',
  },
  oidc: { name: 'OpenID Connect', kind: 'oidc', scopes: ['openid', 'email', 'profile'] },
  oauth2: { name: 'OAuth', kind: 'oauth2', scopes: [] },
};

export function providerKind(provider: Pick<OAuthProviderRecord, 'preset'>): PresetDefaults['kind'] {
  return PRESETS[provider.preset].kind;
}

/** The issuer to discover, with Microsoft's tenant filled in. */
export function discoveryIssuer(provider: OAuthProviderRecord): string | null {
  const issuer = provider.issuer ?? PRESETS[provider.preset].issuer ?? null;
  return issuer === null ? null : issuer.replace('{tenant}', encodeURIComponent(provider.tenant ?? 'common'));
}

/** `oauth_<id>` ↔ id. */
export const strategyOf = (id: string): `oauth_${string}` => `oauth_${id}`;
export function providerIdOf(strategy: string): string | null {
  return /^oauth_[a-z0-9_]{1,32}$/.test(strategy) ? strategy.slice('oauth_'.length) : null;
}

/** Loopback hosts may use plain http (local providers in development and tests); everything else needs https. */
export function isLoopbackHttp(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  } catch {
    return false;
  }
}
