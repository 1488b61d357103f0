import { useAuthPageRedirect } from './use-auth-page-redirect.ts';
import type { Navigate } from './navigation.ts';

export interface RedirectToSignInProps {
  /** The sign-in page; default the instance's `sign_in_url` (display config), else `/sign-in`. */
  signInUrl?: string;
  /** Where to come back after signing in; default the current page. Must pass the redirect allow-list. */
  redirectUrl?: string;
  /** Sent as `force_redirect_url`: always go there after signing in. Must pass the allow-list. */
  forceRedirectUrl?: string;
  /** Sent as `fallback_redirect_url`: go there when no other target is given. Must pass the allow-list. */
  fallbackRedirectUrl?: string;
  /** Performs the navigation; default the provider's `routerReplace`, else `location.replace`. */
  navigate?: Navigate;
}

/**
 * Sends the visitor to the sign-in page with `redirect_url` set to the current page, as soon as
 * it mounts in the browser (never during a server render). Renders nothing. Redirect targets
 * that the allow-list refuses (`//evil.com`, other origins, `javascript:`) are dropped.
 *
 * @example
 * <SignedOut>
 *   <RedirectToSignIn />
 * </SignedOut>
 */
export function RedirectToSignIn({ signInUrl, navigate, ...redirects }: RedirectToSignInProps): null {
  useAuthPageRedirect({ page: 'signIn', url: signInUrl, ...redirects }, navigate);
  return null;
}
