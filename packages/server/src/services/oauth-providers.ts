import type { BackendOAuthProviderBody, BackendOAuthProviderJSON, SocialProviderJSON } from '@usher/protocol';
import { BUILT_IN_PROVIDER_ICONS } from '@usher/protocol';
import { openSecret, sealSecret } from '../crypto/sealed-secret.ts';
import { utf8 } from '../crypto/encoding.ts';
import { UsherError } from '../errors.ts';
import { appleClientSecret } from '../oauth/apple.ts';
import { isLoopbackHttp, OAUTH_PROVIDERS_KEY, PRESETS, strategyOf, type ClaimMapping, type OAuthProviderRecord } from '../oauth/providers.ts';
import type { Runtime } from './runtime.ts';

const SECRET_PURPOSE = 'oauth_client_secret';
const APPLE_KEY_PURPOSE = 'oauth_apple_private_key';

/** The redirect URI every provider sends people back to (register it with the provider). */
export const oauthRedirectUri = (rt: Runtime): string => `${rt.issuer}/v1/oauth_callback`;

export async function listProviders(rt: Runtime): Promise<OAuthProviderRecord[]> {
  return (await rt.store.getSetting<OAuthProviderRecord[]>(OAUTH_PROVIDERS_KEY)) ?? [];
}

/** An enabled provider by id, or null. */
export async function enabledProvider(rt: Runtime, id: string): Promise<OAuthProviderRecord | null> {
  return (await listProviders(rt)).find((p) => p.id === id && p.enabled) ?? null;
}

/** What the components get: enabled providers only, no endpoints, no ids of clients. */
export async function socialProvidersJSON(rt: Runtime): Promise<SocialProviderJSON[]> {
  return (await listProviders(rt))
    .filter((p) => p.enabled)
    .map((p) => ({ strategy: strategyOf(p.id), provider: p.id, name: p.name, icon: (BUILT_IN_PROVIDER_ICONS as readonly string[]).includes(p.preset) ? (p.preset as SocialProviderJSON['icon']) : null }));
}

/** The secret to authenticate at the token endpoint: the stored one opened, or Apple's freshly signed JWT. */
export async function clientSecretOf(rt: Runtime, provider: OAuthProviderRecord): Promise<string | null> {
  if (provider.apple) {
    const key = await openSecret(rt.secret, APPLE_KEY_PURPOSE, provider.apple.sealedPrivateKey);
    if (!key) throw new UsherError('oauth_provider_error', { longMessage: 'The Apple private key cannot be read with this instance secret. Upload it again.' });
    return appleClientSecret({ teamId: provider.apple.teamId, keyId: provider.apple.keyId, clientId: provider.clientId, privateKeyPem: new TextDecoder().decode(key), now: rt.now() });
  }
  if (provider.sealedClientSecret === null) return null;
  const secret = await openSecret(rt.secret, SECRET_PURPOSE, provider.sealedClientSecret);
  if (!secret) throw new UsherError('oauth_provider_error', { longMessage: `The client secret of ${provider.name} cannot be read with this instance secret. Set it again.` });
  return new TextDecoder().decode(secret);
}

export function toProviderJSON(rt: Runtime, p: OAuthProviderRecord): BackendOAuthProviderJSON {
  return {
    object: 'oauth_provider',
    id: p.id,
    strategy: strategyOf(p.id),
    preset: p.preset,
    name: p.name,
    enabled: p.enabled,
    client_id: p.clientId,
    client_secret_set: p.sealedClientSecret !== null || p.apple !== null,
    scopes: [...p.scopes],
    issuer: p.issuer,
    authorization_endpoint: p.authorizationEndpoint,
    token_endpoint: p.tokenEndpoint,
    userinfo_endpoint: p.userinfoEndpoint,
    api_base_url: p.apiBaseUrl,
    token_endpoint_auth_method: p.tokenEndpointAuthMethod,
    trust_emails: p.trustEmails,
    tenant: p.tenant,
    redirect_uri: oauthRedirectUri(rt),
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
}

const invalid = (paramName: string, longMessage: string) => new UsherError('form_param_value_invalid', { paramName, longMessage });

function assertEndpoints(body: BackendOAuthProviderBody): void {
  for (const key of ['issuer', 'authorization_endpoint', 'token_endpoint', 'userinfo_endpoint', 'api_base_url'] as const) {
    const url = body[key];
    if (url && !url.startsWith('https://') && !isLoopbackHttp(url)) throw invalid(key, 'Provider endpoints must use https (plain http only on 127.0.0.1 or localhost).');
  }
  if (body.preset === 'oidc' && !body.issuer) throw invalid('issuer', 'An OpenID Connect provider needs its issuer URL (its metadata is discovered from it).');
  if (body.preset === 'oauth2') {
    for (const key of ['authorization_endpoint', 'token_endpoint', 'userinfo_endpoint'] as const) if (!body[key]) throw invalid(key, `A generic OAuth2 provider needs \`${key}\`.`);
  }
}

function claimMapping(body: BackendOAuthProviderBody['claim_mapping'], current: ClaimMapping | null): ClaimMapping | null {
  if (body === undefined) return current;
  if (body === null) return null;
  return {
    subject: body.subject,
    email: body.email ?? null,
    emailVerified: body.email_verified ?? null,
    firstName: body.first_name ?? null,
    lastName: body.last_name ?? null,
    name: body.name ?? null,
    username: body.username ?? null,
    picture: body.picture ?? null,
  };
}

async function appleSettings(rt: Runtime, body: BackendOAuthProviderBody, current: OAuthProviderRecord | undefined): Promise<OAuthProviderRecord['apple']> {
  if (body.preset !== 'apple') return null;
  const teamId = body.apple_team_id ?? current?.apple?.teamId;
  const keyId = body.apple_key_id ?? current?.apple?.keyId;
  let sealed = current?.apple?.sealedPrivateKey ?? null;
  if (body.apple_private_key !== undefined) {
    if (body.apple_private_key !== null && !/-----BEGIN PRIVATE KEY-----/.test(body.apple_private_key)) throw invalid('apple_private_key', 'Give the .p8 key Apple issued (PKCS #8 PEM, "-----BEGIN PRIVATE KEY-----").');
    sealed = body.apple_private_key === null ? null : await sealSecret(rt.secret, rt.random, APPLE_KEY_PURPOSE, utf8(body.apple_private_key));
  }
  if (!teamId || !keyId || !sealed) throw invalid('apple_private_key', 'Sign in with Apple needs `apple_team_id`, `apple_key_id` and `apple_private_key`.');
  return { teamId, keyId, sealedPrivateKey: sealed };
}

/** PUT /backend/v1/oauth_providers/{id}: creates or replaces one provider; write-only secrets left out stay as they were. */
export async function putProvider(rt: Runtime, id: string, body: BackendOAuthProviderBody): Promise<OAuthProviderRecord> {
  assertEndpoints(body);
  const current = (await listProviders(rt)).find((p) => p.id === id);
  let sealedClientSecret = current?.sealedClientSecret ?? null;
  if (body.client_secret !== undefined) sealedClientSecret = body.client_secret === null ? null : await sealSecret(rt.secret, rt.random, SECRET_PURPOSE, utf8(body.client_secret));
  const now = rt.now();
  const defaults = PRESETS[body.preset];
  const record: OAuthProviderRecord = {
    id,
    preset: body.preset,
    name: body.name ?? current?.name ?? defaults.name,
    enabled: body.enabled ?? current?.enabled ?? true,
    clientId: body.client_id,
    sealedClientSecret,
    scopes: body.scopes ?? (current?.preset === body.preset ? current.scopes : defaults.scopes),
    issuer: body.issuer !== undefined ? body.issuer : (current?.issuer ?? null),
    authorizationEndpoint: body.authorization_endpoint !== undefined ? body.authorization_endpoint : (current?.authorizationEndpoint ?? null),
    tokenEndpoint: body.token_endpoint !== undefined ? body.token_endpoint : (current?.tokenEndpoint ?? null),
    userinfoEndpoint: body.userinfo_endpoint !== undefined ? body.userinfo_endpoint : (current?.userinfoEndpoint ?? null),
    apiBaseUrl: body.api_base_url !== undefined ? body.api_base_url : (current?.apiBaseUrl ?? null),
    tokenEndpointAuthMethod: body.token_endpoint_auth_method ?? current?.tokenEndpointAuthMethod ?? 'client_secret_basic',
    trustEmails: body.trust_emails ?? current?.trustEmails ?? false,
    claimMapping: claimMapping(body.claim_mapping, current?.claimMapping ?? null),
    tenant: body.tenant !== undefined ? body.tenant : (current?.tenant ?? null),
    apple: await appleSettings(rt, body, current),
    createdAt: current?.createdAt ?? now,
    updatedAt: now,
  };
  if (record.sealedClientSecret === null && record.apple === null) throw invalid('client_secret', 'Give the client secret the provider issued for this app.');
  await rt.store.updateSetting<OAuthProviderRecord[]>(OAUTH_PROVIDERS_KEY, (list) => {
    const others = (list ?? []).filter((p) => p.id !== id);
    const index = (list ?? []).findIndex((p) => p.id === id);
    if (index < 0) return [...others, record];
    const next = [...(list ?? [])];
    next[index] = record;
    return next;
  });
  return record;
}

export async function deleteProvider(rt: Runtime, id: string): Promise<boolean> {
  let found = false;
  await rt.store.updateSetting<OAuthProviderRecord[]>(OAUTH_PROVIDERS_KEY, (list) => {
    found = (list ?? []).some((p) => p.id === id);
    return (list ?? []).filter((p) => p.id !== id);
  });
  return found;
}
