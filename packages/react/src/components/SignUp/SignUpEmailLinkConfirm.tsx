import type { StartedSignIn, StartedSignUp } from '@usher/core';
import { useLocalization } from '../../localization/use-localization.ts';
import { useRouter } from '../../router/RouterProvider.tsx';
import { EmailLinkConfirm } from '../shared/EmailLinkConfirm.tsx';
import { useSignUpFlow } from './SignUpFlowContext.tsx';

/**
 * <SignUp/>'s `verify` route: the page a sign-up link opens. Confirmed in the browser that started
 * the sign-up, it completes (or goes back to the fields the instance still needs); elsewhere it
 * says to return to the original tab. A sign-in link opened here is handed to the sign-in page.
 */
export function SignUpEmailLinkConfirm() {
  const { t } = useLocalization();
  const { navigate, redirect } = useRouter();
  const { finish, signInUrl } = useSignUpFlow();
  const onSignUp = async (signUp: StartedSignUp) => (signUp.status === 'complete' ? finish(signUp) : navigate('', { replace: true }));
  const onSignIn = async (signIn: StartedSignIn) => {
    if (signIn.status === 'complete') await signIn.finalize();
    await redirect(signInUrl);
  };
  return <EmailLinkConfirm onSignIn={onSignIn} onSignUp={onSignUp} onBack={() => void navigate('', { replace: true })} backLabel={t('emailLink.confirm.backToSignUp')} />;
}
