import * as oauth from 'oauth4webapi';
import type { InstanceConfig } from '../config/instance.ts';
import { hmacSha256Hex } from '../crypto/digest.ts';
import { bytesToBase64Url, utf8 } from '../crypto/encoding.ts';
import { sealSecret } from '../crypto/sealed-secret.ts';
import { UsherError } from '../errors.ts';
import { providerIdOf, providerKind, type OAuthProviderRecord } from '../oauth/providers.ts';
import type { OAuthAttemptRecord } from '../store/types.ts';
import { appPageUrl } from './app-page-url.ts';
import { enabledProvider, oauthRedirectUri } from './oauth-providers.ts';
import { assertRedirectUrl } from './redirect-policy.ts';
import type { Runtime } from './runtime.ts';

/** A trip to the provider must come back within this (the state, PKCE verifier and nonce die with it). */
export const OAUTH_ATTEMPT_TTL_MS = 10 * 60_000;
export const PKCE_PURPOSE = 'oauth_pkce';

/**
 * The stored form of a state's secret: an HMAC under the instance secret bound to the attempt, the
 * provider and the client, so a state only ever works for the trip and the browser it was made for.
 */
export function stateHash(rt: Runtime, attempt: Pick<OAuthAttemptRecord, 'id' | 'provider' | 'clientId'>, secret: string): Promise<string> {
  return hmacSha256Hex(rt.secret, `oauth_state:${attempt.id}:${attempt.provider}:${attempt.clientId}:${secret}`);
}

/** The enabled provider a strategy names, or 422 strategy_not_allowed. */
export async function providerForStrategy(rt: Runtime, strategy: string): Promise<OAuthProviderRecord> {
  const id = providerIdOf(strategy);
  const provider = id === null ? null : await enabledProvider(rt, id);
  if (!provider) throw new UsherError('strategy_not_allowed', { paramName: 'strategy', longMessage: 'This sign-in provider is not enabled for this application.' });
  return provider;
}

export interface OAuthStart {
  purpose: OAuthAttemptRecord['purpose'];
  ownerId: string;
  clientId: string;
  provider: OAuthProviderRecord;
  redirectUrl: string;
  actionCompleteRedirectUrl: string | undefined;
  /** The calling page's Origin (resolves a relative redirect_url). */
  origin: string | null;
}

/**
 * Starts a trip to the provider: authorization code with PKCE S256, a state of the attempt id and
 * 256 random bits (only its HMAC is stored), a nonce for OpenID Connect. Answers the provider's
 * authorization URL the browser must open.
 */
export async function startOAuth(rt: Runtime, _config: InstanceConfig, start: OAuthStart): Promise<{ attempt: OAuthAttemptRecord; authorizationUrl: string }> {
  const redirect = appPageUrl(rt, start.redirectUrl, start.origin, 'the provider should return to');
  const complete = start.actionCompleteRedirectUrl === undefined ? null : assertRedirectUrl(rt, start.actionCompleteRedirectUrl);
  const now = rt.now();
  const as = await rt.oauth.authorizationServer(start.provider, now);
  if (!as.authorization_endpoint) throw new UsherError('oauth_provider_unreachable', { longMessage: `${start.provider.name} publishes no authorization endpoint.` });
  const codeVerifier = bytesToBase64Url(rt.random.bytes(32));
  const secret = bytesToBase64Url(rt.random.bytes(32));
  const oidc = providerKind(start.provider) === 'oidc';
  const attempt: OAuthAttemptRecord = {
    id: rt.newId('oat'),
    provider: start.provider.id,
    purpose: start.purpose,
    ownerId: start.ownerId,
    clientId: start.clientId,
    stateHash: '',
    sealedCodeVerifier: await sealSecret(rt.secret, rt.random, PKCE_PURPOSE, utf8(codeVerifier)),
    nonce: oidc ? bytesToBase64Url(rt.random.bytes(24)) : null,
    redirectUrl: redirect.href,
    actionCompleteRedirectUrl: complete,
    status: 'pending',
    identity: null,
    expireAt: now + OAUTH_ATTEMPT_TTL_MS,
    createdAt: now,
    updatedAt: now,
  };
  attempt.stateHash = await stateHash(rt, attempt, secret);
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set('client_id', start.provider.clientId);
  url.searchParams.set('redirect_uri', oauthRedirectUri(rt));
  url.searchParams.set('response_type', 'code');
  if (start.provider.scopes.length > 0) url.searchParams.set('scope', start.provider.scopes.join(' '));
  url.searchParams.set('state', `${attempt.id}.${secret}`);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  if (attempt.nonce !== null) url.searchParams.set('nonce', attempt.nonce);
  // Apple answers with a form POST whenever a name or email is asked for.
  if (start.provider.preset === 'apple') url.searchParams.set('response_mode', 'form_post');
  await rt.store.createOAuthAttempt(attempt);
  return { attempt, authorizationUrl: url.href };
}
