import { emptyBody, oauthCallbackBody, oauthStartBody, type OAuthAuthorizationJSON, type OAuthCallbackJSON } from '@usher/protocol';
import { UsherError } from '../../errors.ts';
import { parseBody } from '../../http/validate.ts';
import { strategyOf } from '../../oauth/providers.ts';
import { getMe } from '../../services/current-user.ts';
import { disconnectExternalAccount } from '../../services/external-accounts.ts';
import { forwardTarget, receiveOAuthCallback } from '../../services/oauth-callback.ts';
import { resolveIdentity } from '../../services/oauth-resolve.ts';
import { providerForStrategy, startOAuth } from '../../services/oauth-start.ts';
import type { Runtime } from '../../services/runtime.ts';
import { loadUserJSON } from '../../services/serializers/user.ts';
import { pathId, withClient, type App, type AppContext } from '../types.ts';

/** The largest provider answer forwarded (a code, a state, Apple's user JSON): anything bigger is not a provider's. */
const MAX_FORWARD_BYTES = 8 * 1024;

function invalidReturnPage(): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in link not valid</title><meta name="viewport" content="width=device-width,initial-scale=1"></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1>This sign-in can’t continue</h1><p>The return from the sign-in provider is not valid, has expired or was already used. Go back to the app and start the sign-in again.</p></body></html>`;
  return new Response(html, { status: 400, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'", 'referrer-policy': 'no-referrer' } });
}

/**
 * Where providers send people back (the redirect URI to register: `<public URL>/v1/oauth_callback`).
 * GET for most; POST form for Apple's `form_post`. Registered ahead of the /v1 chain: it changes
 * nothing and a provider's POST carries no allowed Origin.
 */
export function registerOAuthForwardRoute(app: App, rt: Runtime): void {
  const forward = async (c: AppContext, params: URLSearchParams) => {
    const target = await forwardTarget(rt, params);
    if (target === null) return invalidReturnPage();
    return new Response(null, { status: 303, headers: { location: target, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } });
  };
  app.get('/v1/oauth_callback', (c) => forward(c, new URL(c.req.url).searchParams));
  app.post('/v1/oauth_callback', async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (Number(c.req.header('content-length') ?? 0) > MAX_FORWARD_BYTES) return invalidReturnPage();
    const text = await c.req.text();
    if (!type.startsWith('application/x-www-form-urlencoded') || text.length > MAX_FORWARD_BYTES) return invalidReturnPage();
    return forward(c, new URLSearchParams(text));
  });
}

export function registerOAuthRoutes(app: App, rt: Runtime): void {
  /** The app's callback page posts the forwarded answer; the flow it belongs to continues here. */
  app.post('/v1/client/oauth_callback', async (c) => {
    const body = parseBody(oauthCallbackBody, c.get('body'));
    const ctx = c.get('clientContext');
    const config = c.get('instance');
    const { attempt, identity } = await receiveOAuthCallback(rt, config, ctx, new URLSearchParams(body.params));
    const outcome = await resolveIdentity(rt, config, ctx, attempt, identity);
    const response: OAuthCallbackJSON = { object: 'oauth_callback', ...outcome, redirect_url: attempt.actionCompleteRedirectUrl };
    return c.json(await withClient(rt, c, response));
  });

  /** Starts connecting a provider account to the signed-in user (UserProfile). */
  app.post('/v1/me/external_accounts', async (c) => {
    const body = parseBody(oauthStartBody, c.get('body'));
    if (body.legal_accepted !== undefined) throw new UsherError('form_param_unknown', { paramName: 'legal_accepted' });
    const ctx = c.get('clientContext');
    const { user, session } = await getMe(rt, ctx, c.req.query('_session_id') || null);
    const provider = await providerForStrategy(rt, body.strategy);
    const { authorizationUrl } = await startOAuth(rt, c.get('instance'), {
      purpose: 'connect',
      ownerId: user.id,
      clientId: session.clientId,
      provider,
      redirectUrl: body.redirect_url,
      actionCompleteRedirectUrl: body.action_complete_redirect_url,
      origin: c.req.header('origin') ?? null,
    });
    const response: OAuthAuthorizationJSON = { object: 'oauth_authorization', strategy: strategyOf(provider.id), external_verification_redirect_url: authorizationUrl };
    return c.json(await withClient(rt, c, response));
  });

  /** Disconnects one, unless it is the last way to sign in. */
  app.delete('/v1/me/external_accounts/:id', async (c) => {
    parseBody(emptyBody, c.get('body') ?? {});
    const { user } = await getMe(rt, c.get('clientContext'), c.req.query('_session_id') || null);
    await disconnectExternalAccount(rt, c.get('instance'), user, pathId(c, 'eac', 'external_account_not_found'));
    const fresh = (await rt.store.getUser(user.id)) ?? user;
    return c.json(await withClient(rt, c, await loadUserJSON(rt, fresh, c.get('instance'))));
  });
}
