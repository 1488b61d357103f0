import { UsherError, UsherMisuseError } from '../errors.ts';
import type { ResourceContext } from './resource-context.ts';
import type { Verification } from './verification.ts';

/** A social / OpenID Connect provider's strategy: `oauth_<provider id>` (see `environment.userSettings.social`). */
export type OAuthStrategy = `oauth_${string}`;

/** Starts a sign-in or sign-up with a provider. */
export interface AuthenticateWithRedirectParams {
  strategy: OAuthStrategy;
  /**
   * The app page the browser comes back to, which calls `usher.handleRedirectCallback()` (the
   * components: `<AuthenticateWithRedirectCallback/>`). A path of this page's origin or an
   * allowed absolute URL.
   */
  redirectUrl: string;
  /** Where to go once signed in (answered back by the callback as `redirectUrl`). */
  redirectUrlComplete?: string;
}

/** The query parameter the server adds to the callback page: the provider's answer, forwarded. */
export const OAUTH_CALLBACK_PARAM = '__usher_oauth';

/** @internal the body of POST /client/sign_ins, /client/sign_ups and /me/external_accounts */
export function oauthStartBody(params: AuthenticateWithRedirectParams, legalAccepted?: boolean): Record<string, unknown> {
  return { strategy: params.strategy, redirect_url: params.redirectUrl, action_complete_redirect_url: params.redirectUrlComplete, legal_accepted: legalAccepted };
}

/** @internal opens the provider page a started flow answered */
export async function goToProvider(ctx: ResourceContext, url: string | null | undefined): Promise<string> {
  if (!url) throw new UsherError('response_invalid', 'No provider page in the answer');
  await ctx.navigate(url);
  return url;
}

/** @internal `UsherOptions.navigate`, else a full page load */
export function pageNavigator(navigate: ((url: string) => unknown) | undefined): (url: string) => Promise<unknown> {
  return async (url) => {
    if (navigate) return navigate(url);
    const location = (globalThis as { location?: Location }).location;
    if (!location) throw new UsherMisuseError('argument_invalid', 'Usher: no page here; pass `navigate`.');
    location.assign(url);
  };
}

/** @internal the provider page of a started sign-in or sign-up */
export const providerPageOf = (verification: Verification | null): string | null => verification?.externalVerificationRedirectUrl ?? null;
