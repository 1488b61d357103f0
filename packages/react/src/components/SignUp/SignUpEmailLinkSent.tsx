import { useEffect, useRef, useState } from 'react';
import { useElements } from '../../appearance/use-elements.ts';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Alert } from '../../primitives/Alert.tsx';
import { Button } from '../../primitives/Button.tsx';
import { Card, CardFooterAction } from '../../primitives/Card.tsx';
import { ResendLink } from '../../primitives/ResendLink.tsx';
import { Spinner } from '../../primitives/Spinner.tsx';
import { useRouter } from '../../router/RouterProvider.tsx';
import { useStepError } from '../SignIn/use-step-error.tsx';
import { signUpLinkPageUrl } from './sign-up-link.ts';
import { useSignUpFlow } from './SignUpFlowContext.tsx';

const NO_FIELDS: readonly string[] = [];
/** How often the waiting tab asks whether its link was confirmed. */
const POLL_MS = 2000;
const RESEND_SECONDS = 30;

/**
 * "Check your email" after a sign-up link was sent. The step asks the server every 2 s whether the
 * link was confirmed — in this browser (the sign-up is then complete) or on another device (then
 * this tab finishes it) — and goes on by itself; an expired link offers a new one. `onUseCode`
 * (instances that also verify with codes) offers "Enter a code instead".
 */
export function SignUpEmailLinkSent({ onUseCode }: { onUseCode?: (() => Promise<void>) | undefined }) {
  const el = useElements();
  const { t } = useLocalization();
  const { signUp, environment } = useUsherSnapshot();
  const { navigate, href } = useRouter();
  const { finish, signInUrl } = useSignUpFlow();
  const error = useStepError(NO_FIELDS);
  const [expired, setExpired] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const busy = useRef(false);
  const current = useRef(signUp);
  current.current = signUp;
  const email = signUp?.emailAddress ?? null;
  const usable = !!signUp?.id && signUp.status === 'missing_requirements' && !!email;

  useEffect(() => {
    // Arrived here without a sign-up waiting for its link (reload after expiry, a shared link): start over.
    if (!usable && !finishing) void navigate('', { replace: true });
  }, [usable, finishing, navigate]);

  useEffect(() => {
    const settle = () => {
      busy.current = true;
      setFinishing(true);
    };
    const timer = setInterval(() => {
      const attempt = current.current;
      if (!attempt?.id || attempt.status !== 'missing_requirements' || busy.current) return;
      void (async () => {
        try {
          const fresh = await attempt.reload();
          if (busy.current) return;
          const verification = fresh.verifications.emailAddress;
          if (fresh.status === 'complete') {
            settle();
            await finish(fresh);
          } else if (!fresh.unverifiedFields.includes('email_address')) {
            settle();
            // Confirmed on another device: this tab finishes (or fills in what the instance still needs).
            const done = verification?.strategy === 'email_link' ? await fresh.attemptEmailAddressVerification({ strategy: 'email_link' }) : fresh;
            if (done.status === 'complete') await finish(done);
            else await navigate('');
          } else if (verification?.status === 'expired') {
            setExpired(true);
          }
        } catch (caught) {
          busy.current = false;
          setFinishing(false);
          error.report(caught);
        }
      })();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [finish, navigate, error.report]);

  const send = async () => {
    if (!signUp) return;
    error.clear();
    try {
      await signUp.prepareEmailAddressVerification({ strategy: 'email_link', redirectUrl: signUpLinkPageUrl(href, environment) });
      setExpired(false);
    } catch (caught) {
      error.report(caught);
      throw caught;
    }
  };

  const switchToCode = async () => {
    if (!onUseCode) return;
    error.clear();
    try {
      await onUseCode();
    } catch (caught) {
      error.report(caught);
    }
  };

  if (!usable || !email) return null;
  return (
    <Card
      title={t('emailLink.signUp.title')}
      subtitle={t('emailLink.signUp.subtitle', { identifier: email })}
      footer={<CardFooterAction text={t('signUp.start.actionText')} link={t('signUp.start.actionLink')} href={signInUrl} />}
      loading={finishing}
    >
      {error.alert}
      {expired ? (
        <>
          <Alert variant="warning">{t('emailLink.signUp.expired')}</Alert>
          <Button element="formButtonPrimary" disabled={error.waiting} onClick={() => void send().catch(() => undefined)} autoFocus>
            {t('emailLink.signUp.sendAgain')}
          </Button>
        </>
      ) : (
        <>
          <p role="status">
            <Spinner decorative /> {t('emailLink.signUp.verifying')}
          </p>
          <ResendLink seconds={RESEND_SECONDS} onResend={send} prompt={t('emailLink.signUp.resendPrompt')} />
        </>
      )}
      {onUseCode ? (
        <Button variant="link" element="alternativeMethodsBlockButton" elementId="email_code" disabled={error.waiting} onClick={() => void switchToCode()}>
          {t('emailLink.signUp.useCode')}
        </Button>
      ) : null}
      <button type="button" {...el('backLink')} onClick={() => void navigate('')}>
        {t('signUp.emailCode.editEmailAddress')}
      </button>
    </Card>
  );
}
