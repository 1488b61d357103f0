import type { StartedSignUp } from '@usher/core';
import { useLocalization } from '../../localization/use-localization.ts';
import { useRouter } from '../../router/RouterProvider.tsx';
import { EmailLinkConfirm } from '../shared/EmailLinkConfirm.tsx';
import { SIGN_IN_ROUTES, useSignInFlow } from './sign-in-context.ts';

/**
 * <SignIn/>'s `verify` route: the page a sign-in link opens, and also where UserProfile's address
 * links land (the sign-in page opens signed out too). A sign-up link opened here completes its
 * sign-up in the browser that started it, then leaves like a finished sign-in.
 */
export function SignInEmailLinkConfirm() {
  const { t } = useLocalization();
  const { navigate } = useRouter();
  const flow = useSignInFlow();
  const onSignUp = async (signUp: StartedSignUp) => {
    if (signUp.status !== 'complete') return flow.goToSignUp();
    await signUp.finalize();
    await flow.leave();
  };
  return <EmailLinkConfirm onSignIn={flow.complete} onSignUp={onSignUp} onBack={() => void navigate(SIGN_IN_ROUTES.start, { replace: true })} backLabel={t('signIn.emailLinkConfirm.backToSignIn')} />;
}
