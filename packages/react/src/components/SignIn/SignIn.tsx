import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import type { StartedSignIn } from '@usher/core';
import { AppearanceScope } from '../../appearance/AppearanceScope.tsx';
import type { Appearance } from '../../appearance/types.ts';
import { authPageUrl, currentLocation } from '../../control/auth-urls.ts';
import { useNavigate } from '../../control/navigation.ts';
import { useUsher, useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Card } from '../../primitives/Card.tsx';
import { Spinner } from '../../primitives/Spinner.tsx';
import type { RoutingMode } from '../../router/RouterContext.ts';
import { RouterProvider, useRouter } from '../../router/RouterProvider.tsx';
import { useLeaveWhenSignedIn } from '../shared/use-leave-when-signed-in.ts';
import { afterSignInTarget } from './redirect-target.ts';
import { SignInFlowContext, SIGN_IN_ROUTES, type SignInFlow } from './sign-in-context.ts';
import { SignInAlternativeMethods } from './SignInAlternativeMethods.tsx';
import { SignInEmailCode } from './SignInEmailCode.tsx';
import { SignInEmailLink } from './SignInEmailLink.tsx';
import { SignInPassword } from './SignInPassword.tsx';
import { SignInResetPassword } from './SignInResetPassword.tsx';
import { SignInSecondFactor } from './SignInSecondFactor.tsx';
import { SignInSecondFactorMethods } from './SignInSecondFactorMethods.tsx';
import { SignInStart } from './SignInStart.tsx';

/** Only a provider's return leads to its steps: they load on demand. */
// The page an emailed link opens is its own visit: loaded on demand, off the sign-in page's first load.
const SignInEmailLinkConfirm = lazy(() => import('./SignInEmailLinkConfirm.tsx').then((m) => ({ default: m.SignInEmailLinkConfirm })));
const SignInOAuthStep = lazy(() => import('./SignInOAuthStep.tsx').then((m) => ({ default: m.SignInOAuthStep })));

/** Only instances that require 2-step verification show it, once per account: it (and its QR code) loads on demand. */
const SignInSetupTwoStep = lazy(() => import('./SignInSetupTwoStep.tsx').then((m) => ({ default: m.SignInSetupTwoStep })));

export interface SignInProps {
  /** 'path' (default when `path` is given) follows the URL below `path`; 'hash' uses `#/…`; 'virtual' keeps steps in memory (modals). */
  routing?: RoutingMode;
  /** The page's path with `routing="path"`, e.g. '/sign-in'. */
  path?: string;
  /** The sign-up page; default the instance's `sign_up_url`. */
  signUpUrl?: string;
  /** Always go here after signing in (still checked against the redirect allow-list). */
  forceRedirectUrl?: string;
  /** Go here after signing in when the URL has no `redirect_url`; default the instance's `after_sign_in_url`. */
  fallbackRedirectUrl?: string;
  /** Prefills the identifier field. */
  initialValues?: { identifier?: string };
  /**
   * The page a social / OpenID provider sends people back to; it renders
   * `<AuthenticateWithRedirectCallback/>`. Default: this component's own `sso-callback` route
   * (`/sign-in/sso-callback` with path routing, `#/sso-callback` with hash routing; with virtual
   * routing, the instance's sign-in page), which handles the return itself.
   */
  oauthRedirectUrl?: string;
  appearance?: Appearance;
}

/** @internal for stories and tests: start virtual routing at a step. */
export interface SignInInternalProps extends SignInProps {
  initialRoute?: string;
}

/**
 * The sign-in flow: identifier → password or email code (with "use another method" between
 * them; "Forgot password?" → emailed reset code → new password) → for an account with 2-step
 * verification, its second factor (authenticator, texted code or backup code) → session activated
 * → (set up 2-step verification, when the instance requires it and the account has none) → redirect. Steps follow the instance settings (username, strategies);
 * errors appear on their field; the card shows a skeleton until the instance settings are known.
 * Someone already signed in on a single-session instance is sent straight to the redirect target.
 * With social / OpenID providers enabled, the first step shows their buttons (`appearance.layout`
 * `socialButtonsPlacement`/`socialButtonsVariant`); a provider's return lands on `oauthRedirectUrl`
 * (default: the `sso-callback` route), and a sign-in that needs more goes on at the `continue` route.
 *
 * @example
 * <SignIn routing="path" path="/sign-in" signUpUrl="/sign-up" fallbackRedirectUrl="/dashboard" />
 */
export function SignIn(props: SignInProps) {
  return <SignInInternal {...props} />;
}

/** @internal */
export function SignInInternal({ routing, path, appearance, initialRoute, ...props }: SignInInternalProps) {
  const mode: RoutingMode = routing ?? (path ? 'path' : 'hash');
  return (
    <AppearanceScope component="signIn" appearance={appearance}>
      <RouterProvider routing={mode} path={path} initialRoute={initialRoute}>
        <SignInFlowRoot {...props} />
      </RouterProvider>
    </AppearanceScope>
  );
}

function SignInFlowRoot({ signUpUrl, forceRedirectUrl, fallbackRedirectUrl, initialValues, oauthRedirectUrl }: Omit<SignInProps, 'routing' | 'path' | 'appearance'>) {
  const usher = useUsher();
  const { environment, user, session } = useUsherSnapshot();
  const { navigate, route } = useRouter();
  const [identifier, setIdentifier] = useState(initialValues?.identifier ?? '');
  const push = useNavigate('push', undefined);
  const codeSentTo = useRef(new Set<string>()).current;

  const target = useCallback(() => afterSignInTarget({ forceRedirectUrl, fallbackRedirectUrl }, environment, currentLocation()), [forceRedirectUrl, fallbackRedirectUrl, environment]);

  const location = currentLocation();
  const signUpHref = location && environment ? authPageUrl({ page: 'signUp', url: signUpUrl, redirectUrl: target() }, environment, location) : null;

  // Required 2-step verification for an account without it: the set-up step, whatever the route (a reload included).
  const mfa = environment?.userSettings.mfa;
  const needsTwoStep = !!(mfa?.required && mfa.totp && session && user && !user.twoFactorEnabled);
  // Once shown, the set-up stays until it is done (its backup codes come after 2-step is on) or the user signs out.
  const [settingUpTwoStep, setSettingUpTwoStep] = useState(false);
  if (needsTwoStep && !settingUpTwoStep) setSettingUpTwoStep(true);
  if (settingUpTwoStep && !session) setSettingUpTwoStep(false);
  const showTwoStep = needsTwoStep || settingUpTwoStep;
  // The link page stays for whoever is signed in: an address link of UserProfile lands there.
  // So does a provider's return page: it signs in (or connects an account) and navigates by itself.
  const { leaving, finishing } = useLeaveWhenSignedIn(target, { stay: showTwoStep || route === SIGN_IN_ROUTES.verifyLink || route === SIGN_IN_ROUTES.ssoCallback });
  const leave = useCallback(async () => {
    await push(target());
  }, [push, target]);
  const complete = useCallback(
    async (attempt: StartedSignIn) => {
      // The first factor was right; the account asks for its second one (a reset's password waits for it too).
      if (attempt.status === 'needs_second_factor') {
        await navigate(SIGN_IN_ROUTES.secondFactor);
        return;
      }
      finishing();
      await attempt.finalize();
      // An instance that requires 2-step verification: an account without it stays for the set-up
      // step (rendered in place of the steps while that is so), which leaves when it is done.
      const signedIn = usher.getSnapshot().user;
      if (environment?.userSettings.mfa.required && environment.userSettings.mfa.totp && signedIn && !signedIn.twoFactorEnabled) return;
      await leave();
    },
    [navigate, finishing, usher, environment, leave],
  );

  const flow = useMemo<SignInFlow>(
    () => ({ identifier, setIdentifier, complete, leave, codeSentTo, signUpHref, goToSignUp: () => signUpHref && void push(signUpHref), social: { oauthRedirectUrl, target } }),
    [identifier, complete, leave, codeSentTo, signUpHref, push, oauthRedirectUrl, target],
  );

  if (!environment || leaving) return <SignInSkeleton />;
  return (
    <SignInFlowContext.Provider value={flow}>
      {showTwoStep ? (
        <Suspense fallback={<SignInSkeleton />}>
          <SignInSetupTwoStep />
        </Suspense>
      ) : (
        <SignInSteps />
      )}
    </SignInFlowContext.Provider>
  );
}

function SignInSteps() {
  const { route } = useRouter();
  switch (route) {
    case SIGN_IN_ROUTES.password:
      return <SignInPassword />;
    case SIGN_IN_ROUTES.emailCode:
      return <SignInEmailCode />;
    case SIGN_IN_ROUTES.emailLink:
      return <SignInEmailLink />;
    case SIGN_IN_ROUTES.verifyLink:
      return (
        <Suspense fallback={<SignInSkeleton />}>
          <SignInEmailLinkConfirm />
        </Suspense>
      );
    case SIGN_IN_ROUTES.methods:
      return <SignInAlternativeMethods />;
    case SIGN_IN_ROUTES.forgotPassword:
      return <SignInEmailCode key="reset" strategy="reset_password_email_code" />;
    case SIGN_IN_ROUTES.forgotPasswordSms:
      return <SignInEmailCode key="reset-sms" strategy="reset_password_phone_code" />;
    case SIGN_IN_ROUTES.resetPassword:
      return <SignInResetPassword />;
    case SIGN_IN_ROUTES.secondFactor:
      return <SignInSecondFactor />;
    case SIGN_IN_ROUTES.secondFactorMethods:
      return <SignInSecondFactorMethods />;
    case SIGN_IN_ROUTES.continue:
    case SIGN_IN_ROUTES.ssoCallback:
      return (
        <Suspense fallback={<SignInSkeleton />}>
          <SignInOAuthStep />
        </Suspense>
      );
    default:
      return <SignInStart />;
  }
}

/** The card before the instance settings are known: busy, and no "Sign in to " with an empty name. */
function SignInSkeleton() {
  const { t } = useLocalization();
  return (
    <Card loading aria-label={t('signIn.loadingLabel')}>
      <Spinner size="lg" label={t('signIn.loadingLabel')} />
    </Card>
  );
}
