import { REDIRECT_URL_PARAM } from '../../control/auth-urls.ts';
import { SSO_CALLBACK_ROUTE } from '../SocialButtons/sso-callback-url.ts';

/**
 * Where a provider sends the user back after connecting an account from UserProfile: the
 * `oauthRedirectUrl` prop, else the sign-in page's return route (`/sign-in#/sso-callback`, which
 * <SignIn/> handles for a signed-in user too). It carries this page as `redirect_url`, so a failed
 * connection offers the way back here.
 */
export function connectRedirectUrl(prop: string | undefined, signInPage: string): string {
  const url = new URL(prop ?? `${signInPage.split('#')[0]}#/${SSO_CALLBACK_ROUTE}`, window.location.href);
  url.searchParams.set(REDIRECT_URL_PARAM, window.location.href);
  return url.href;
}
