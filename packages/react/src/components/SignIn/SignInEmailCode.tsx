import { useEffect, useRef, useState } from 'react';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { Card } from '../../primitives/Card.tsx';
import { Form } from '../../primitives/Form.tsx';
import { OtpInput } from '../../primitives/OtpInput.tsx';
import { ResendLink } from '../../primitives/ResendLink.tsx';
import { useRouter } from '../../router/RouterProvider.tsx';
import { SIGN_IN_ROUTES, useSignInFlow } from './sign-in-context.ts';
import { SignInIdentity } from './SignInIdentity.tsx';
import { useActiveAttempt } from './use-active-attempt.ts';
import { useStepError } from './use-step-error.tsx';

const FIELDS = ['code'] as const;
/** The API allows one resend per 30 s; the link waits as long. */
const RESEND_SECONDS = 30;

/**
 * The email code step: the code was sent by the step that led here. A whole pasted or autofilled
 * code submits itself; Enter or the button submit what was typed.
 */
export function SignInEmailCode() {
  const attempt = useActiveAttempt();
  const { t } = useLocalization();
  const { navigate } = useRouter();
  const flow = useSignInFlow();
  const error = useStepError(FIELDS);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  if (!attempt) return null;
  const others = attempt.supportedFirstFactors.filter((factor) => factor.strategy !== 'email_code');
  const safeIdentifier = attempt.supportedFirstFactors.find((factor) => factor.strategy === 'email_code')?.safeIdentifier ?? attempt.identifier ?? '';

  const verify = async (value: string) => {
    if (busy) return;
    error.clear();
    setBusy(true);
    try {
      const next = await attempt.attemptFirstFactor({ strategy: 'email_code', code: value });
      await flow.complete(next);
    } catch (caught) {
      error.report(caught);
      setBusy(false);
      setCode('');
      input.current?.focus();
    }
  };

  const resend = async () => {
    error.clear();
    try {
      await attempt.prepareFirstFactor({ strategy: 'email_code' });
    } catch (caught) {
      error.report(caught);
      throw caught;
    }
  };

  return (
    <Card title={t('signIn.emailCode.title')} subtitle={t('signIn.emailCode.subtitle')}>
      <SignInIdentity attempt={attempt} />
      {error.alert}
      <Form onSubmit={() => verify(code)} loading={busy}>
        <OtpInput ref={input} label={t('signIn.emailCode.formSubtitle', { identifier: safeIdentifier })} hideLabel={false} value={code} onValueChange={setCode} onComplete={(value) => void verify(value)} error={error.fields.code} disabled={busy} />
        <ResendLink seconds={RESEND_SECONDS} onResend={resend} />
        <Button type="submit" element="formButtonPrimary" loading={busy} disabled={error.waiting}>
          {t('formButtonPrimary')}
        </Button>
      </Form>
      {others.length ? (
        <Button variant="link" element="alternativeMethodsBlockButton" elementId="toggle" onClick={() => void navigate(`${SIGN_IN_ROUTES.methods}?from=email_code`)}>
          {t('signIn.emailCodeActionLink')}
        </Button>
      ) : null}
    </Card>
  );
}
