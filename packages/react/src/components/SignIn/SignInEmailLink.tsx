import { useEffect, useRef, useState } from 'react';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Alert } from '../../primitives/Alert.tsx';
import { Button } from '../../primitives/Button.tsx';
import { Card } from '../../primitives/Card.tsx';
import { ResendLink } from '../../primitives/ResendLink.tsx';
import { Spinner } from '../../primitives/Spinner.tsx';
import { useRouter } from '../../router/RouterProvider.tsx';
import { linkLandingUrl } from './email-link-landing.ts';
import { SIGN_IN_ROUTES, useSignInFlow } from './sign-in-context.ts';
import { SignInIdentity } from './SignInIdentity.tsx';
import { useActiveAttempt } from './use-active-attempt.ts';
import { useStepError } from './use-step-error.tsx';

const NO_FIELDS: readonly string[] = [];
/** How often the waiting tab asks whether its link was confirmed. */
const POLL_MS = 2000;
const RESEND_SECONDS = 30;

/**
 * "Check your email" after a sign-in link was sent. The step asks the server every 2 s whether the
 * link was confirmed — in this browser (the sign-in is then complete) or on another device (then
 * this tab completes it) — and goes on by itself; an expired link offers a new one.
 */
export function SignInEmailLink() {
  const attempt = useActiveAttempt();
  const { environment } = useUsherSnapshot();
  const { t } = useLocalization();
  const { navigate, href } = useRouter();
  const flow = useSignInFlow();
  const error = useStepError(NO_FIELDS);
  const [expired, setExpired] = useState(false);
  const finishing = useRef(false);
  const current = useRef(attempt);
  current.current = attempt;

  useEffect(() => {
    const timer = setInterval(() => {
      const signIn = current.current;
      if (!signIn || finishing.current) return;
      void (async () => {
        try {
          const fresh = await signIn.reload();
          if (finishing.current) return;
          if (fresh.status === 'complete' || fresh.status === 'needs_second_factor') {
            finishing.current = true;
            await flow.complete(fresh);
          } else if (fresh.firstFactorVerification?.status === 'verified') {
            finishing.current = true;
            await flow.complete(await fresh.attemptFirstFactor({ strategy: 'email_link' }));
          } else if (fresh.firstFactorVerification?.status === 'expired') {
            setExpired(true);
          }
        } catch (caught) {
          finishing.current = false;
          error.report(caught);
        }
      })();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [flow, error.report]);

  if (!attempt) return null;
  const identifier = attempt.supportedFirstFactors.find((factor) => factor.strategy === 'email_link')?.safeIdentifier ?? attempt.identifier ?? '';
  const others = attempt.supportedFirstFactors.some((factor) => factor.strategy !== 'email_link' && !factor.strategy.startsWith('reset_password'));

  const send = async () => {
    error.clear();
    try {
      await attempt.prepareFirstFactor({ strategy: 'email_link', redirectUrl: linkLandingUrl(href, environment?.displayConfig.signInUrl ?? '/sign-in') });
      setExpired(false);
    } catch (caught) {
      error.report(caught);
      throw caught;
    }
  };

  return (
    <Card title={t('signIn.emailLink.title')} subtitle={t('signIn.emailLink.subtitle', { identifier })}>
      <SignInIdentity attempt={attempt} />
      {error.alert}
      {expired ? (
        <>
          <Alert variant="warning">{t('signIn.emailLink.expired')}</Alert>
          <Button element="formButtonPrimary" onClick={() => void send().catch(() => undefined)}>
            {t('signIn.emailLink.sendAgain')}
          </Button>
        </>
      ) : (
        <>
          <p role="status">
            <Spinner decorative /> {t('signIn.emailLink.verifying')}
          </p>
          <ResendLink seconds={RESEND_SECONDS} onResend={send} prompt={t('signIn.emailLink.resendPrompt')} />
        </>
      )}
      {others ? (
        <Button variant="link" element="alternativeMethodsBlockButton" elementId="toggle" onClick={() => void navigate(`${SIGN_IN_ROUTES.methods}?from=email_link`)}>
          {t('signIn.emailCodeActionLink')}
        </Button>
      ) : null}
    </Card>
  );
}
