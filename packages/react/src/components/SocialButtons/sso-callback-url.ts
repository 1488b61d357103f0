/** The route of <SignIn/> and <SignUp/> that handles a provider's return. */
export const SSO_CALLBACK_ROUTE = 'sso-callback';

/**
 * The absolute URL a provider should send the person back to: the `oauthRedirectUrl` prop, else
 * the component's own `sso-callback` route (path or hash routing). A virtual component (a modal)
 * has no URL of its own: the instance's page for it is used (`/sign-in#/sso-callback`, which a
 * path-routed component there turns into `/sign-in/sso-callback`).
 */
export function ssoCallbackUrl(prop: string | undefined, href: (to: string) => string, page: string): string {
  const own = href(SSO_CALLBACK_ROUTE);
  const target = prop ?? (own === '#' ? `${page.split('#')[0]}#/${SSO_CALLBACK_ROUTE}` : own);
  return new URL(target, window.location.href).href;
}
