import { useUsher, useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { Card } from '../../primitives/Card.tsx';
import { TotpSetup } from '../shared/TotpSetup.tsx';
import { useRouter } from '../../router/RouterProvider.tsx';
import { SIGN_IN_ROUTES, useSignInFlow } from './sign-in-context.ts';

/**
 * Required 2-step verification, right after signing in: an account without a second factor sets up
 * an authenticator app (QR code, key, first code, backup codes) before it goes on. Signing out is
 * the only other way out; the server also refuses removing the last factor on such an instance.
 */
export function SignInSetupTwoStep() {
  const usher = useUsher();
  const { user } = useUsherSnapshot();
  const { t } = useLocalization();
  const flow = useSignInFlow();
  const { navigate } = useRouter();
  if (!user) return null;
  const signOut = async () => {
    await usher.signOut();
    await navigate(SIGN_IN_ROUTES.start, { replace: true });
  };
  return (
    <Card title={t('twoStepSignIn.setup.title')} subtitle={t('twoStepSignIn.setup.subtitle')}>
      <TotpSetup user={user} headingLevel={2} onDone={() => void flow.leave()} />
      <Button variant="link" element="footerActionLink" elementId="signOut" onClick={() => void signOut()}>
        {t('twoStepSignIn.setup.signOut')}
      </Button>
    </Card>
  );
}
