import { forwardRef } from 'react';
import { useUsher } from '../hooks/use-usher.ts';
import { authPageUrl, currentLocation } from './auth-urls.ts';
import { AuthTrigger, type AuthTriggerButtonProps } from './AuthTrigger.tsx';
import { useLocalization } from '../localization/use-localization.ts';
import { useNavigate, type Navigate } from './navigation.ts';

export interface SignUpButtonProps extends AuthTriggerButtonProps {
  /** `redirect` (the only mode until the modal sign-up ships): go to the sign-up page. */
  mode?: 'redirect';
  /** The sign-up page; default the instance's `sign_up_url` (display config), else `/sign-up`. */
  signUpUrl?: string;
  /** Sent as `force_redirect_url`: always go there after signing up. Must pass the redirect allow-list. */
  forceRedirectUrl?: string;
  /** Sent as `fallback_redirect_url`: go there when no other target is given. Must pass the allow-list. */
  fallbackRedirectUrl?: string;
  /** Performs the navigation; default the provider's `routerPush`, else `location.assign`. */
  navigate?: Navigate;
}

/**
 * A "Sign up" button that opens the sign-up page, with `redirect_url` set to the current page
 * (and `force_redirect_url`/`fallback_redirect_url` when given and allowed). Wrap one element to
 * use it as the trigger instead. The ref reaches the rendered button (or element).
 *
 * @example
 * <SignUpButton />
 * <SignUpButton fallbackRedirectUrl="/dashboard">
 *   <a className="nav-link">Create an account</a>
 * </SignUpButton>
 */
export const SignUpButton = forwardRef<HTMLButtonElement, SignUpButtonProps>(function SignUpButton(
  { mode: _mode, signUpUrl, forceRedirectUrl, fallbackRedirectUrl, navigate, ...rest },
  ref,
) {
  const { t } = useLocalization();
  const usher = useUsher();
  const go = useNavigate('push', navigate);
  const open = () => {
    const location = currentLocation();
    if (!location) return;
    void go(authPageUrl({ page: 'signUp', url: signUpUrl, forceRedirectUrl, fallbackRedirectUrl }, usher.environment, location));
  };
  return <AuthTrigger ref={ref} defaultLabel={t('controls.signUpButton')} onActivate={open} {...rest} />;
});
