import { useRouter } from '../../router/RouterProvider.tsx';
import { RedirectCallbackView } from '../AuthenticateWithRedirectCallback/RedirectCallbackView.tsx';
import { SIGN_IN_ROUTES, useSignInFlow } from './sign-in-context.ts';

/**
 * <SignIn/>'s `sso-callback` route: the return from a provider. A sign-in that needs more
 * continues here, in this component; a sign-up goes to the sign-up page's continue step.
 */
export function SignInSsoCallback() {
  const { navigate } = useRouter();
  const { signUpHref } = useSignInFlow();
  return (
    <RedirectCallbackView
      continueSignUpUrl={signUpHref ? `${signUpHref}#/${SIGN_IN_ROUTES.continue}` : undefined}
      inPlace={{ needs_sign_in: () => navigate(SIGN_IN_ROUTES.continue, { replace: true }) }}
    />
  );
}
