import type { GrantInstance, OidcProviderContext } from 'oidc-provider';

/**
 * oidc-provider's `loadExistingGrant`, granting whatever the request asks for: the consent
 * prompt never shows, so a login is the only user step. Called once the session has an account.
 */
export async function autoConsentGrant(ctx: OidcProviderContext): Promise<GrantInstance | undefined> {
  const { oidc } = ctx;
  const client = oidc.client;
  const accountId = oidc.session.accountId;
  if (!client || !accountId) return undefined;

  const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(client.clientId);
  let grant = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
  if (!grant || grant.accountId !== accountId || grant.clientId !== client.clientId) {
    grant = new oidc.provider.Grant({ accountId, clientId: client.clientId });
  }

  const scopes = [...oidc.requestParamOIDCScopes];
  if (scopes.length > 0) grant.addOIDCScope(scopes.join(' '));
  const claims = [...oidc.requestParamClaims];
  if (claims.length > 0) grant.addOIDCClaims(claims);
  await grant.save();
  return grant;
}
