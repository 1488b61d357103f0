import type { InstanceConfig } from '../config/instance.ts';
import { openSecret } from '../crypto/sealed-secret.ts';
import { timingSafeEqual } from '../crypto/constant-time.ts';
import { isWellFormedId } from '../crypto/ids.ts';
import { UsherError } from '../errors.ts';
import { exchangeCode } from '../oauth/exchange.ts';
import type { OAuthAttemptRecord, ProviderIdentity } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { clientSecretOf, enabledProvider, oauthRedirectUri } from './oauth-providers.ts';
import { PKCE_PURPOSE, stateHash } from './oauth-start.ts';
import type { Runtime } from './runtime.ts';

/** The attempt id a state names (`<oat id>.<secret>`), or null. */
export function attemptIdOfState(state: string | null): string | null {
  const dot = state?.indexOf('.') ?? -1;
  const id = state && dot > 0 ? state.slice(0, dot) : '';
  return isWellFormedId('oat', id) ? id : null;
}

const invalidCallback = (longMessage?: string) => new UsherError('oauth_callback_invalid', { paramName: 'params', ...(longMessage ? { longMessage } : {}) });

/**
 * The app's callback page posts the provider's answer back (POST /v1/client/oauth_callback). The
 * state must name a pending attempt of THIS client (a state made in another browser is refused:
 * no login CSRF), match its HMAC (bound to the attempt, provider and client), and is spent once;
 * only then is the code exchanged and the identity checked.
 */
export async function receiveOAuthCallback(rt: Runtime, _config: InstanceConfig, ctx: ClientContext, params: URLSearchParams): Promise<{ attempt: OAuthAttemptRecord; identity: ProviderIdentity }> {
  const state = params.get('state');
  const id = attemptIdOfState(state);
  if (id === null || state === null) throw invalidCallback('This return from the provider carries no valid state. Start the sign-in again.');
  const attempt = await rt.store.getOAuthAttempt(id);
  if (!attempt) throw invalidCallback();
  if (!ctx.client || ctx.client.id !== attempt.clientId) {
    throw new UsherError('oauth_state_mismatch', { paramName: 'params', meta: { check: 'client' }, longMessage: 'This sign-in was started in another browser. Start it again here.' });
  }
  if (!timingSafeEqual(await stateHash(rt, attempt, state.slice(id.length + 1)), attempt.stateHash)) {
    throw new UsherError('oauth_state_mismatch', { paramName: 'params', meta: { check: 'state' }, longMessage: 'This return from the provider does not match the sign-in it claims to finish. Start the sign-in again.' });
  }
  if (attempt.expireAt <= rt.now()) throw invalidCallback('This sign-in took longer than 10 minutes and has expired. Start it again.');
  const spent = await rt.store.consumeOAuthAttempt(attempt.id, rt.now());
  if (!spent) throw invalidCallback('This return from the provider was already used. Start the sign-in again.');
  const provider = await enabledProvider(rt, attempt.provider);
  if (!provider) throw new UsherError('strategy_not_allowed', { longMessage: 'This sign-in provider was turned off meanwhile.' });
  const verifier = await openSecret(rt.secret, PKCE_PURPOSE, attempt.sealedCodeVerifier);
  if (!verifier) throw invalidCallback();
  const identity = await exchangeCode(
    rt.oauth,
    { provider, clientSecret: await clientSecretOf(rt, provider), codeVerifier: new TextDecoder().decode(verifier), nonce: attempt.nonce, state, callback: params, redirectUri: oauthRedirectUri(rt) },
    rt.now(),
  );
  return { attempt: spent, identity };
}

/**
 * GET|POST /v1/oauth_callback, where providers send people back: nothing is spent here. The
 * answer (`code`, `state`, `iss`, or `error`; Apple's form fields) is forwarded to the app page the
 * attempt named, in `__usher_oauth`, and the page posts it with its own client credential — which
 * works for cookie and bearer clients alike, and only for the browser that started the attempt.
 */
export async function forwardTarget(rt: Runtime, params: URLSearchParams): Promise<string | null> {
  const id = attemptIdOfState(params.get('state'));
  const attempt = id === null ? null : await rt.store.getOAuthAttempt(id);
  if (!attempt || attempt.status !== 'pending') return null;
  const url = new URL(attempt.redirectUrl);
  url.searchParams.set(FORWARD_PARAM, params.toString());
  return url.href;
}

/** The query parameter of the app's callback page that carries the provider's answer. */
export const FORWARD_PARAM = '__usher_oauth';
