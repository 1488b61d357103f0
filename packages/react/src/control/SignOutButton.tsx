import { forwardRef, useRef, useState } from 'react';
import { useUsher } from '../hooks/use-usher.ts';
import { afterSignOutUrl, currentLocation } from './auth-urls.ts';
import { AuthTrigger, type AuthTriggerButtonProps } from './AuthTrigger.tsx';
import { useLocalization } from '../localization/use-localization.ts';
import { useNavigate, type Navigate } from './navigation.ts';

export interface SignOutButtonProps extends AuthTriggerButtonProps {
  /** Sign out of this session only; default: every session of this browser. */
  sessionId?: string;
  /**
   * Where to go once signed out; default the instance's `after_sign_out_url`, else `/`. Must pass
   * the redirect allow-list (a relative path or the page's origin), else the default is used.
   */
  redirectUrl?: string;
  /** Performs the navigation; default the provider's `routerPush`, else `location.assign`. */
  navigate?: Navigate;
}

/**
 * A "Sign out" button: ends the session(s) on the server, then navigates to `redirectUrl`. While
 * signing out it carries `aria-busy` and `data-state="loading"`, and further clicks are ignored.
 * When the request fails the SDK has still dropped the session locally; the button stays put and
 * the error is rethrown. Wrap one element to use it as the trigger instead.
 *
 * @example
 * <SignedIn>
 *   <SignOutButton redirectUrl="/goodbye" />
 * </SignedIn>
 */
export const SignOutButton = forwardRef<HTMLButtonElement, SignOutButtonProps>(function SignOutButton(
  { sessionId, redirectUrl, navigate, ...rest },
  ref,
) {
  const { t } = useLocalization();
  const usher = useUsher();
  const go = useNavigate('push', navigate);
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);

  const signOut = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      await usher.signOut(sessionId ? { sessionId } : {});
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
    const location = currentLocation();
    if (location) await go(afterSignOutUrl(redirectUrl, usher.environment, location));
  };

  return (
    <AuthTrigger
      ref={ref}
      defaultLabel={t('controls.signOutButton')}
      aria-busy={busy || undefined}
      data-state={busy ? 'loading' : 'idle'}
      onActivate={() => void signOut()}
      {...rest}
    />
  );
});
