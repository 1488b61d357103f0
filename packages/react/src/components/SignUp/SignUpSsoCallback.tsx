import { useRouter } from '../../router/RouterProvider.tsx';
import { RedirectCallbackView } from '../AuthenticateWithRedirectCallback/RedirectCallbackView.tsx';
import { SIGN_UP_CONTINUE_ROUTE } from './SignUpContinue.tsx';
import { useSignUpFlow } from './SignUpFlowContext.tsx';

/**
 * <SignUp/>'s `sso-callback` route: the return from a provider. A sign-up that misses fields or
 * the email code continues here, in this component; a sign-in goes to the sign-in page's continue step.
 */
export function SignUpSsoCallback() {
  const { navigate } = useRouter();
  const { signInUrl } = useSignUpFlow();
  return <RedirectCallbackView signInUrl={signInUrl.split('?')[0]} inPlace={{ needs_sign_up: () => navigate(SIGN_UP_CONTINUE_ROUTE, { replace: true }) }} />;
}
