import type { OAuthCallbackJSON } from '@usher/protocol';
import { UsherMisuseError } from '../errors.ts';
import { ExternalAccount } from './external-account.ts';
import { OAUTH_CALLBACK_PARAM } from './oauth.ts';
import type { ResourceContext } from './resource-context.ts';

/** What the return from a provider led to (`usher.handleRedirectCallback()`). */
export interface RedirectCallbackResult {
  /**
   * `signed_in`: a session was created (and made active unless `activate: false`);
   * `needs_sign_in`: the client's sign-in has a further step (`usher.signIn.status`);
   * `needs_sign_up`: the client's sign-up misses fields or an email verification (`usher.signUp`);
   * `connected`: the provider account was added to the signed-in user.
   */
  readonly outcome: OAuthCallbackJSON['outcome'];
  readonly createdSessionId: string | null;
  readonly externalAccount: ExternalAccount | null;
  /** The `redirectUrlComplete` the flow was started with (checked by the server), if any. */
  readonly redirectUrl: string | null;
}

export interface HandleRedirectCallbackParams {
  /** The callback page's URL; default the current page. */
  url?: string;
  /** Make a created session the active one (default true). */
  activate?: boolean;
}

function currentHref(): string | null {
  const href = (globalThis as { location?: { href?: unknown } }).location?.href;
  return typeof href === 'string' ? href : null;
}

/** Takes the forwarded answer out of the address bar, so a reload or a shared URL replays nothing. */
function removeFromAddressBar(value: string): void {
  const history = (globalThis as { history?: History }).history;
  const href = currentHref();
  if (!href || !history?.replaceState) return;
  const url = new URL(href);
  if (url.searchParams.get(OAUTH_CALLBACK_PARAM) !== value) return;
  url.searchParams.delete(OAUTH_CALLBACK_PARAM);
  history.replaceState(history.state, '', url.href);
}

/**
 * @internal `usher.handleRedirectCallback`: posts each forwarded answer once (a second call with
 * the same `url`, e.g. React StrictMode's second effect, shares the first call's result).
 */
export function redirectCallbackHandler(ctx: ResourceContext): (params?: HandleRedirectCallbackParams) => Promise<RedirectCallbackResult> {
  const handled = new Map<string, Promise<RedirectCallbackResult>>();
  return async (params = {}) => {
    const href = params.url ?? currentHref();
    const value = href ? new URL(href, 'http://localhost').searchParams.get(OAUTH_CALLBACK_PARAM) : null;
    if (!value) throw new UsherMisuseError('argument_invalid', `Usher.handleRedirectCallback: the page was not opened by a provider (no ${OAUTH_CALLBACK_PARAM} parameter).`);
    removeFromAddressBar(value);
    let pending = handled.get(value);
    if (!pending) {
      pending = (async () => {
        const json = await ctx.call<OAuthCallbackJSON>({ method: 'POST', path: '/client/oauth_callback', body: { params: value } });
        if (json.outcome === 'signed_in' && json.created_session_id && params.activate !== false) await ctx.setActive(json.created_session_id);
        const account = json.external_account;
        return Object.freeze({
          outcome: json.outcome,
          createdSessionId: json.created_session_id,
          externalAccount: account ? new ExternalAccount(account, ctx) : null,
          redirectUrl: json.redirect_url,
        });
      })();
      handled.set(value, pending);
    }
    return pending;
  };
}
