import { forwardRef } from 'react';
import { useUsher } from '../hooks/use-usher.ts';
import { authPageUrl, currentLocation } from './auth-urls.ts';
import { AuthTrigger, type AuthTriggerButtonProps } from './AuthTrigger.tsx';
import { useLocalization } from '../localization/use-localization.ts';
import { useNavigate, type Navigate } from './navigation.ts';

export interface SignInButtonProps extends AuthTriggerButtonProps {
  /** `redirect` (the only mode until the modal sign-in ships): go to the sign-in page. */
  mode?: 'redirect';
  /** The sign-in page; default the instance's `sign_in_url` (display config), else `/sign-in`. */
  signInUrl?: string;
  /** Sent as `force_redirect_url`: always go there after signing in. Must pass the redirect allow-list. */
  forceRedirectUrl?: string;
  /** Sent as `fallback_redirect_url`: go there when no other target is given. Must pass the allow-list. */
  fallbackRedirectUrl?: string;
  /** Performs the navigation; default the provider's `routerPush`, else `location.assign`. */
  navigate?: Navigate;
}

/**
 * A "Sign in" button that opens the sign-in page, with `redirect_url` set to the current page
 * (and `force_redirect_url`/`fallback_redirect_url` when given and allowed). Wrap one element to
 * use it as the trigger instead. The ref reaches the rendered button (or element).
 *
 * @example
 * <SignInButton />
 * <SignInButton fallbackRedirectUrl="/dashboard">
 *   <a className="nav-link">Log in</a>
 * </SignInButton>
 */
export const SignInButton = forwardRef<HTMLButtonElement, SignInButtonProps>(function SignInButton(
  { mode: _mode, signInUrl, forceRedirectUrl, fallbackRedirectUrl, navigate, ...rest },
  ref,
) {
  const { t } = useLocalization();
  const usher = useUsher();
  const go = useNavigate('push', navigate);
  const open = () => {
    const location = currentLocation();
    if (!location) return;
    void go(authPageUrl({ page: 'signIn', url: signInUrl, forceRedirectUrl, fallbackRedirectUrl }, usher.environment, location));
  };
  return <AuthTrigger ref={ref} defaultLabel={t('controls.signInButton')} onActivate={open} {...rest} />;
});
