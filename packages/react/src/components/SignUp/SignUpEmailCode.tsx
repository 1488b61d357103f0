import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isUsherAPIError } from '@usher/core';
import { useElements } from '../../appearance/use-elements.ts';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Alert } from '../../primitives/Alert.tsx';
import { Button } from '../../primitives/Button.tsx';
import { Card, CardFooterAction } from '../../primitives/Card.tsx';
import { Form } from '../../primitives/Form.tsx';
import { OtpInput } from '../../primitives/OtpInput.tsx';
import { ResendLink } from '../../primitives/ResendLink.tsx';
import { useRouter } from '../../router/RouterProvider.tsx';
import { retryAfterSeconds } from './submit-sign-up.ts';
import { useSignUpFlow } from './SignUpFlowContext.tsx';
import { useCountdown } from './use-countdown.ts';

const CODE_LENGTH = 6;
/** Errors that belong to the code field rather than to the whole step. */
const CODE_ERRORS = new Set(['form_code_incorrect', 'verification_expired', 'verification_failed', 'form_param_format_invalid', 'form_param_missing']);

/**
 * The second step with a code: the 6-digit code emailed to the address (paste, resend, edit the
 * address); `onUseLink` (instances that also verify with links) offers "Email me a link instead".
 */
export function SignUpEmailCode({ onUseLink }: { onUseLink?: (() => Promise<void>) | undefined }) {
  const el = useElements();
  const { t, resolveError } = useLocalization();
  const { signUp } = useUsherSnapshot();
  const { navigate } = useRouter();
  const { finish, signInUrl } = useSignUpFlow();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [globalError, setGlobalError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [waitSeconds, startWait] = useCountdown();
  const otpRef = useRef<HTMLInputElement>(null);
  const email = signUp?.emailAddress ?? null;
  const usable = !!signUp?.id && signUp.status === 'missing_requirements' && !!email;

  useEffect(() => {
    // Arrived here without a sign-up waiting for its code (reload after expiry, a shared link): start over.
    if (!usable && !busy) void navigate('', { replace: true });
  }, [usable, busy, navigate]);

  useEffect(() => {
    otpRef.current?.focus();
  }, []);

  const verify = async (value: string) => {
    if (!signUp || busy || waitSeconds > 0) return;
    if (value.length < CODE_LENGTH) {
      // Focus stays in the box being typed into; the error is announced (role=alert).
      setCodeError(resolveError({ code: 'form_param_format_invalid', message: '', meta: { paramName: 'code' } }));
      return;
    }
    setBusy(true);
    setGlobalError(null);
    let keepBusy = false;
    try {
      const verified = await signUp.attemptEmailAddressVerification({ code: value });
      if (verified.status === 'complete') {
        keepBusy = true;
        await finish(verified);
        return;
      }
      // Verified, but the instance still needs something from the first step.
      keepBusy = true;
      await navigate('');
    } catch (error) {
      const wait = retryAfterSeconds(error);
      if (wait !== null) {
        startWait(wait);
        setGlobalError(t('signUp.rateLimited'));
      } else if (isUsherAPIError(error) && error.errors.some((e) => CODE_ERRORS.has(e.code))) {
        setCodeError(resolveError(error));
      } else {
        setGlobalError(resolveError(error));
      }
      setCode('');
      otpRef.current?.focus();
    } finally {
      if (!keepBusy) setBusy(false);
    }
  };

  const switchToLink = async () => {
    if (!onUseLink || busy) return;
    setBusy(true);
    setGlobalError(null);
    try {
      await onUseLink();
    } catch (error) {
      const wait = retryAfterSeconds(error);
      if (wait !== null) startWait(wait);
      setGlobalError(wait !== null ? t('signUp.rateLimited') : resolveError(error));
      setBusy(false);
    }
  };

  const resend = async () => {
    if (!signUp) return;
    try {
      await signUp.prepareEmailAddressVerification();
      setCodeError(null);
      setGlobalError(null);
      setCode('');
      otpRef.current?.focus();
    } catch (error) {
      const wait = retryAfterSeconds(error);
      if (wait !== null) startWait(wait);
      setGlobalError(wait !== null ? t('signUp.rateLimited') : resolveError(error));
      throw error;
    }
  };

  if (!usable || !email) return null;
  return (
    <Card
      title={t('signUp.emailCode.title')}
      subtitle={t('signUp.emailCode.subtitle', { identifier: email })}
      footer={<CardFooterAction text={t('signUp.start.actionText')} link={t('signUp.start.actionLink')} href={signInUrl} />}
    >
      {globalError ? <Alert>{globalError}</Alert> : null}
      <Form onSubmit={(_event: FormEvent<HTMLFormElement>) => verify(code)} loading={busy}>
        <OtpInput
          ref={otpRef}
          length={CODE_LENGTH}
          value={code}
          onValueChange={(value) => {
            setCode(value);
            if (codeError) setCodeError(null);
          }}
          onComplete={(value) => void verify(value)}
          label={t('signUp.emailCode.formTitle')}
          error={codeError}
          name="code"
        />
        <ResendLink onResend={resend} />
        <Button type="submit" element="formButtonPrimary" loading={busy}>
          {waitSeconds > 0 ? t('signUp.rateLimitedButton', { seconds: waitSeconds }) : t('formButtonPrimary__verify')}
        </Button>
      </Form>
      {onUseLink ? (
        <Button variant="link" element="alternativeMethodsBlockButton" elementId="email_link" onClick={() => void switchToLink()}>
          {t('emailLink.signUp.useLink')}
        </Button>
      ) : null}
      <button type="button" {...el('backLink')} onClick={() => void navigate('')}>
        {t('signUp.emailCode.editEmailAddress')}
      </button>
    </Card>
  );
}
