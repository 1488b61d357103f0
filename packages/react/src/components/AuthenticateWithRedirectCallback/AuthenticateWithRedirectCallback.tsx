import { AppearanceScope } from '../../appearance/AppearanceScope.tsx';
import type { Appearance } from '../../appearance/types.ts';
import { RedirectCallbackView, type RedirectCallbackViewProps } from './RedirectCallbackView.tsx';

export interface AuthenticateWithRedirectCallbackProps extends Omit<RedirectCallbackViewProps, 'inPlace'> {
  /** This component's appearance, over the provider's (`appearance.signIn`). */
  appearance?: Appearance;
}

/**
 * The page a social / OpenID provider sends people back to (the `oauthRedirectUrl` of
 * <SignIn/> and <SignUp/>, or the `redirectUrl` of `authenticateWithRedirect()`). It takes the
 * provider's answer (`?__usher_oauth=`) out of the address bar, hands it to the server once, then:
 * signed in → the flow's target (or the `…ForceRedirectUrl`/`…FallbackRedirectUrl` props); a
 * sign-in that needs more (a second factor, or proving an existing account) → the sign-in's
 * continue step; a sign-up that misses fields or an email code → the sign-up's continue step;
 * an account connected in UserProfile → back there. Failures show why, with a way back.
 * Shows "Signing you in…" (role=status) meanwhile; safe under React StrictMode.
 *
 * @example
 * // app/sso-callback/page.tsx
 * <AuthenticateWithRedirectCallback signInUrl="/sign-in" signUpUrl="/sign-up" signInFallbackRedirectUrl="/dashboard" />
 */
export function AuthenticateWithRedirectCallback({ appearance, ...props }: AuthenticateWithRedirectCallbackProps) {
  return (
    <AppearanceScope component="signIn" appearance={appearance}>
      <RedirectCallbackView {...props} />
    </AppearanceScope>
  );
}
