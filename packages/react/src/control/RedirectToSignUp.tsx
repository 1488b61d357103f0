import { useAuthPageRedirect } from './use-auth-page-redirect.ts';
import type { Navigate } from './navigation.ts';

export interface RedirectToSignUpProps {
  /** The sign-up page; default the instance's `sign_up_url` (display config), else `/sign-up`. */
  signUpUrl?: string;
  /** Where to come back after signing up; default the current page. Must pass the redirect allow-list. */
  redirectUrl?: string;
  /** Sent as `force_redirect_url`: always go there after signing up. Must pass the allow-list. */
  forceRedirectUrl?: string;
  /** Sent as `fallback_redirect_url`: go there when no other target is given. Must pass the allow-list. */
  fallbackRedirectUrl?: string;
  /** Performs the navigation; default the provider's `routerReplace`, else `location.replace`. */
  navigate?: Navigate;
}

/**
 * Sends the visitor to the sign-up page with `redirect_url` set to the current page, as soon as
 * it mounts in the browser (never during a server render). Renders nothing. Redirect targets
 * that the allow-list refuses (`//evil.com`, other origins, `javascript:`) are dropped.
 *
 * @example
 * <SignedOut>
 *   <RedirectToSignUp />
 * </SignedOut>
 */
export function RedirectToSignUp({ signUpUrl, navigate, ...redirects }: RedirectToSignUpProps): null {
  useAuthPageRedirect({ page: 'signUp', url: signUpUrl, ...redirects }, navigate);
  return null;
}
