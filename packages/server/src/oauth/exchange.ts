import { decodeJwt } from 'jose';
import * as oauth from 'oauth4webapi';
import { UsherError } from '../errors.ts';
import type { ProviderIdentity } from '../store/types.ts';
import type { OAuthClientState } from './client-state.ts';
import { gitHubIdentity } from './github.ts';
import { appleUserName, identityFromClaims, isAsserted, oidcEmailVerified } from './identity-claims.ts';
import { DEFAULT_CLAIM_MAPPING, isLoopbackHttp, providerKind, type OAuthProviderRecord } from './providers.ts';

export interface CodeExchange {
  provider: OAuthProviderRecord;
  /** The client secret in clear (opened from its seal), or Apple's signed one; null for public clients. */
  clientSecret: string | null;
  codeVerifier: string;
  nonce: string | null;
  /** The state value sent with the authorization request (checked again against the response). */
  state: string;
  /** The provider's answer as it reached the redirect URI (`code`, `state`, `iss`, or `error`). */
  callback: URLSearchParams;
  /** The redirect URI of the authorization request. */
  redirectUri: string;
}

function clientAuth(provider: OAuthProviderRecord, secret: string | null): oauth.ClientAuth {
  if (secret === null) return oauth.None();
  return provider.tokenEndpointAuthMethod === 'client_secret_post' ? oauth.ClientSecretPost(secret) : oauth.ClientSecretBasic(secret);
}

/** The name of a failed ID token check, for the error's meta (`signature`, `nonce`, `iss`, `aud`, `exp`, …). */
function failedCheck(error: oauth.OperationProcessingError): string {
  if (error.code === oauth.JWT_TIMESTAMP_CHECK) return (error.cause as { claim?: string } | undefined)?.claim ?? 'exp';
  if (error.code === oauth.JWT_CLAIM_COMPARISON) return (error.cause as { claim?: string } | undefined)?.claim ?? 'claims';
  if (/signature/i.test(error.message) || error.code === oauth.KEY_SELECTION) return 'signature';
  return 'format';
}

/** oauth4webapi's failures as typed API errors, worded for the person signing in. */
function asUsherError(provider: OAuthProviderRecord, error: unknown): UsherError {
  if (error instanceof UsherError) return error;
  if (error instanceof oauth.AuthorizationResponseError) {
    if (error.error === 'access_denied') return new UsherError('oauth_access_denied', { longMessage: `You cancelled the sign-in with ${provider.name}. Try again, or use another method.` });
    return new UsherError('oauth_provider_error', { longMessage: `${provider.name} could not complete the sign-in (${error.error}). Try again, or use another method.`, meta: { provider_error: error.error } });
  }
  if (error instanceof oauth.ResponseBodyError) {
    return new UsherError('oauth_token_exchange_failed', { longMessage: `${provider.name} did not accept the sign-in code. Start the sign-in again.`, meta: { provider_error: error.error } });
  }
  if (error instanceof oauth.OperationProcessingError) {
    if (error.code === oauth.JSON_ATTRIBUTE_COMPARISON && /"iss"/.test(error.message)) {
      return new UsherError('oauth_state_mismatch', { longMessage: `This answer did not come from ${provider.name}. Start the sign-in again.`, meta: { check: 'iss' } });
    }
    if (error.code === oauth.RESPONSE_IS_NOT_CONFORM || error.code === oauth.RESPONSE_IS_NOT_JSON || error.code === oauth.HTTP_REQUEST_FORBIDDEN || error.code === oauth.REQUEST_PROTOCOL_FORBIDDEN) {
      return new UsherError('oauth_provider_unreachable', { longMessage: `${provider.name} answered something unexpected. Try again in a moment.`, cause: error });
    }
    const check = failedCheck(error);
    return new UsherError('oauth_id_token_invalid', { longMessage: `${provider.name}’s answer failed a security check (${check}), so nobody was signed in. Start the sign-in again.`, meta: { check }, cause: error });
  }
  return new UsherError('oauth_provider_unreachable', { longMessage: `${provider.name} could not be reached. Try again in a moment.`, cause: error });
}

/** Microsoft's multi-tenant issuer is a template: the token's own tenant fills it in (and its signature is then checked). */
function tenantIssuer(as: oauth.AuthorizationServer, idToken: unknown): oauth.AuthorizationServer {
  if (!as.issuer.includes('{tenantid}') || typeof idToken !== 'string') return as;
  try {
    const { tid } = decodeJwt(idToken);
    return typeof tid === 'string' && /^[0-9a-f-]{36}$/i.test(tid) ? { ...as, issuer: as.issuer.replace('{tenantid}', tid) } : as;
  } catch {
    return as;
  }
}

async function oidcIdentity(oc: OAuthClientState, x: CodeExchange, as: oauth.AuthorizationServer, client: oauth.Client, params: URLSearchParams): Promise<ProviderIdentity> {
  const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth(x.provider, x.clientSecret), params, x.redirectUri, x.codeVerifier, oc.http(as.token_endpoint!));
  const body = (await response.clone().json().catch(() => null)) as { id_token?: unknown } | null;
  const issuerChecked = tenantIssuer(as, body?.id_token);
  const result = await oauth.processAuthorizationCodeResponse(issuerChecked, client, response, { expectedNonce: x.nonce ?? oauth.expectNoNonce, requireIdToken: true });
  // The token came straight from the provider over TLS, but we check its signature anyway: a
  // provider's key is the one thing a proxy or a misrouted request cannot forge.
  await oauth.validateApplicationLevelSignature(issuerChecked, response, { ...oc.http(as.jwks_uri ?? as.issuer), [oauth.jwksCache]: oc.jwksCache(as.issuer) });
  const idClaims = oauth.getValidatedIdTokenClaims(result)!;
  let claims: Record<string, unknown> = { ...idClaims };
  if (as.userinfo_endpoint) {
    const info = await oauth.processUserInfoResponse(issuerChecked, client, idClaims.sub, await oauth.userInfoRequest(issuerChecked, client, result.access_token, oc.http(as.userinfo_endpoint)));
    // The ID token is signed: its claims win; userinfo only fills the gaps.
    claims = { ...info, ...claims };
    if (idClaims.email === undefined && info.email !== undefined) claims.email_verified = info.email_verified;
  }
  if (x.provider.preset === 'apple') claims = { ...appleUserName(x.callback), ...claims };
  const verified = oidcEmailVerified(x.provider, claims);
  const mapping = x.provider.preset === 'apple' ? { ...DEFAULT_CLAIM_MAPPING, firstName: 'firstName', lastName: 'lastName' } : DEFAULT_CLAIM_MAPPING;
  const identity = identityFromClaims(x.provider, claims, verified, mapping);
  if (!identity) throw new UsherError('oauth_id_token_invalid', { longMessage: `${x.provider.name}’s answer did not say who you are.`, meta: { check: 'sub' } });
  return identity;
}

async function oauth2Identity(oc: OAuthClientState, x: CodeExchange, as: oauth.AuthorizationServer, client: oauth.Client, params: URLSearchParams): Promise<ProviderIdentity> {
  const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth(x.provider, x.clientSecret), params, x.redirectUri, x.codeVerifier, oc.http(as.token_endpoint!));
  // GitHub answers a refused code with HTTP 200 and an OAuth error body.
  const early = (await response.clone().json().catch(() => null)) as { error?: unknown } | null;
  if (response.ok && typeof early?.error === 'string') {
    throw new UsherError('oauth_token_exchange_failed', { longMessage: `${x.provider.name} did not accept the sign-in code. Start the sign-in again.`, meta: { provider_error: early.error } });
  }
  const result = await oauth.processAuthorizationCodeResponse(as, client, response);
  if (providerKind(x.provider) === 'github') return gitHubIdentity(oc.fetch, x.provider, result.access_token);
  if (!as.userinfo_endpoint) throw new UsherError('oauth_provider_error', { longMessage: `The provider ${x.provider.name} has no userinfo endpoint configured.` });
  const info = await oauth.protectedResourceRequest(result.access_token, 'GET', new URL(as.userinfo_endpoint), new Headers({ accept: 'application/json' }), null, { [oauth.customFetch]: (url, init) => oc.fetch(url, init as RequestInit), [oauth.allowInsecureRequests]: isLoopbackHttp(as.userinfo_endpoint) });
  if (!info.ok) throw new UsherError('oauth_provider_error', { longMessage: `${x.provider.name} did not share your profile (HTTP ${info.status}).` });
  const claims = (await info.json()) as Record<string, unknown>;
  const mapping = x.provider.claimMapping ?? DEFAULT_CLAIM_MAPPING;
  const verified = mapping.emailVerified ? isAsserted(claims[mapping.emailVerified]) : x.provider.trustEmails;
  const identity = identityFromClaims(x.provider, claims, verified, mapping);
  if (!identity) throw new UsherError('oauth_provider_error', { longMessage: `${x.provider.name} did not say who you are (no \`${mapping.subject}\`).` });
  return identity;
}

/**
 * The provider's redirect back, turned into a checked identity: the response's state and issuer
 * (RFC 9207) are checked, the code is exchanged with the PKCE verifier, and for OpenID Connect
 * the ID token's signature, iss, aud, exp and nonce are checked before userinfo is read.
 */
export async function exchangeCode(oc: OAuthClientState, x: CodeExchange, now: number): Promise<ProviderIdentity> {
  try {
    const as = await oc.authorizationServer(x.provider, now);
    const client: oauth.Client = { client_id: x.provider.clientId };
    const params = oauth.validateAuthResponse(as, client, x.callback, x.state);
    return providerKind(x.provider) === 'oidc' ? await oidcIdentity(oc, x, as, client, params) : await oauth2Identity(oc, x, as, client, params);
  } catch (error) {
    throw asUsherError(x.provider, error);
  }
}
