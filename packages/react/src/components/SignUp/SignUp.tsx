import { lazy, Suspense } from 'react';
import type { Appearance } from '../../appearance/types.ts';
import { AppearanceScope } from '../../appearance/AppearanceScope.tsx';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import type { RoutingMode } from '../../router/RouterContext.ts';
import { RouterProvider } from '../../router/RouterProvider.tsx';
import { Route } from '../../router/Route.tsx';
import { SignUpFlowProvider, useSignUpFlow } from './SignUpFlowContext.tsx';
import { SignUpSkeleton } from './SignUpSkeleton.tsx';
import { SignUpStart, VERIFY_EMAIL_ROUTE } from './SignUpStart.tsx';
import { SignUpVerifyEmail } from './SignUpVerifyEmail.tsx';
import { SignUpContinue, SIGN_UP_CONTINUE_ROUTE } from './SignUpContinue.tsx';
import { SSO_CALLBACK_ROUTE } from '../SocialButtons/sso-callback-url.ts';
import { SignUpEmailLinkConfirm } from './SignUpEmailLinkConfirm.tsx';
import { VERIFY_LINK_ROUTE } from './sign-up-link.ts';

/** Only the page a provider returns to needs it: it loads on demand. */
const SignUpSsoCallback = lazy(() => import('./SignUpSsoCallback.tsx').then((m) => ({ default: m.SignUpSsoCallback })));

/** Values to pre-fill the sign-up form with (e.g. from an invitation link). */
export interface SignUpInitialValues {
  emailAddress?: string;
  username?: string;
  firstName?: string;
  lastName?: string;
}

export interface SignUpProps {
  /** 'path' (needs `path`), 'hash' or 'virtual' (modals, Storybook). Default 'path' with a `path`, else 'hash'. */
  routing?: RoutingMode;
  /** Where the component is mounted with path routing, e.g. '/sign-up'. */
  path?: string;
  /** The "Sign in" link; default the instance's `sign_in_url`. */
  signInUrl?: string;
  /** Always go here after signing up (wins over `redirect_url`). Must pass the redirect allow-list. */
  forceRedirectUrl?: string;
  /** Go here after signing up when the URL has no allowed `redirect_url`; default the instance's `after_sign_up_url`. */
  fallbackRedirectUrl?: string;
  /** Pre-filled fields. */
  initialValues?: SignUpInitialValues;
  /**
   * The page a social / OpenID provider sends people back to; it renders
   * `<AuthenticateWithRedirectCallback/>`. Default: this component's own `sso-callback` route
   * (`/sign-up/sso-callback` with path routing, `#/sso-callback` with hash routing; with virtual
   * routing, the instance's sign-up page), which handles the return itself.
   */
  oauthRedirectUrl?: string;
  /** This component's appearance, over the provider's (`appearance.signUp`). */
  appearance?: Appearance;
}

function SignUpRoutes() {
  const { isLoaded, environment } = useUsherSnapshot();
  const { leaving } = useSignUpFlow();
  if (!isLoaded || !environment || leaving) return <SignUpSkeleton />;
  return (
    <>
      <Route index>
        <SignUpStart environment={environment} />
      </Route>
      <Route path={VERIFY_EMAIL_ROUTE}>
        <SignUpVerifyEmail />
      </Route>
      <Route path={SIGN_UP_CONTINUE_ROUTE}>
        <SignUpContinue environment={environment} />
      </Route>
      <Route path={SSO_CALLBACK_ROUTE}>
        <Suspense fallback={<SignUpSkeleton />}>
          <SignUpSsoCallback />
        </Suspense>
      </Route>
      <Route path={VERIFY_LINK_ROUTE}>
        <SignUpEmailLinkConfirm />
      </Route>
    </>
  );
}

/**
 * The sign-up card: the instance's fields (required and optional, names, username, email,
 * password with its rules, legal consent), then the emailed code or link (as the instance
 * allows; a link opens the `verify` route, confirmed with a click), then the new session and a
 * redirect to `forceRedirectUrl` › `redirect_url` › `fallbackRedirectUrl` › the instance's
 * after-sign-up URL (each through the redirect allow-list). Shows a skeleton (aria-busy) until
 * the instance settings are loaded, so it renders on the server too. Social / OpenID providers show
 * as buttons on the first step; a provider's return that misses fields (a username, consent) or an
 * email code goes on at the `continue` route, which asks for those only (never a password).
 *
 * @example
 * <SignUp routing="path" path="/sign-up" signInUrl="/sign-in" fallbackRedirectUrl="/welcome"
 *   initialValues={{ emailAddress: invite.email }} appearance={{ layout: { showOptionalFields: false } }} />
 */
export function SignUp(props: SignUpProps) {
  return <SignUpInternal {...props} />;
}

/** @internal SignUp with a start route for virtual routing (Storybook, tests); not exported from the package. */
export function SignUpInternal({ routing, path, signInUrl, oauthRedirectUrl, forceRedirectUrl, fallbackRedirectUrl, initialValues, appearance, initialRoute }: SignUpProps & { initialRoute?: string }) {
  const mode = routing ?? (path ? 'path' : 'hash');
  return (
    <AppearanceScope component="signUp" appearance={appearance}>
      <RouterProvider routing={mode} path={path} initialRoute={initialRoute}>
        <SignUpFlowProvider
          signInUrl={signInUrl}
          oauthRedirectUrl={oauthRedirectUrl}
          forceRedirectUrl={forceRedirectUrl}
          fallbackRedirectUrl={fallbackRedirectUrl}
          initialValues={{ email_address: initialValues?.emailAddress, username: initialValues?.username, first_name: initialValues?.firstName, last_name: initialValues?.lastName }}
        >
          <SignUpRoutes />
        </SignUpFlowProvider>
      </RouterProvider>
    </AppearanceScope>
  );
}
