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

type CodeStrategy = 'email_code' | 'reset_password_email_code' | 'reset_password_phone_code';

const COPY = {
  email_code: { title: 'signIn.emailCode.title', subtitle: 'signIn.emailCode.subtitle', label: 'signIn.emailCode.formSubtitle' },
  reset_password_email_code: { title: 'signIn.forgotPassword.title', subtitle: 'signIn.forgotPassword.subtitle', label: 'signIn.forgotPassword.formSubtitle' },
  reset_password_phone_code: { title: 'signIn.forgotPasswordSms.title', subtitle: 'signIn.forgotPasswordSms.subtitle', label: 'signIn.forgotPasswordSms.formSubtitle' },
} as const;

/**
 * A step that takes a code sent by email: the sign-in code, or the reset code of "Forgot
 * password?" (which leads on to the new password; on instances with phone numbers it can be
 * texted instead). The code was sent by the step that led here.
 * A whole pasted or autofilled code submits itself; Enter or the button submit what was typed.
 */
export function SignInEmailCode({ strategy = 'email_code' }: { strategy?: CodeStrategy }) {
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
  const copy = COPY[strategy];
  // From a reset code, "another method" offers the sign-in factors again (the password among them).
  const others = attempt.supportedFirstFactors.filter((factor) => factor.strategy === 'password');
  // A reset code can go by email or by text (instances with phone numbers): one link switches.
  const otherReset = strategy === 'reset_password_email_code' ? 'reset_password_phone_code' : strategy === 'reset_password_phone_code' ? 'reset_password_email_code' : null;
  const canSwitch = otherReset !== null && attempt.supportedFirstFactors.some((factor) => factor.strategy === otherReset);

  const switchReset = async () => {
    if (!otherReset) return;
    error.clear();
    setBusy(true);
    try {
      await attempt.prepareFirstFactor({ strategy: otherReset });
      await navigate(otherReset === 'reset_password_phone_code' ? SIGN_IN_ROUTES.forgotPasswordSms : SIGN_IN_ROUTES.forgotPassword);
    } catch (caught) {
      error.report(caught);
      setBusy(false);
    }
  };
  const safeIdentifier = attempt.supportedFirstFactors.find((factor) => factor.strategy === strategy)?.safeIdentifier ?? attempt.identifier ?? '';

  const verify = async (value: string) => {
    if (busy) return;
    error.clear();
    setBusy(true);
    try {
      const next = await attempt.attemptFirstFactor({ strategy, code: value });
      if (next.status === 'needs_new_password') await navigate(SIGN_IN_ROUTES.resetPassword);
      else await flow.complete(next);
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
      await attempt.prepareFirstFactor({ strategy });
    } catch (caught) {
      error.report(caught);
      throw caught;
    }
  };

  return (
    <Card title={t(copy.title)} subtitle={t(copy.subtitle)}>
      <SignInIdentity attempt={attempt} />
      {error.alert}
      <Form onSubmit={() => verify(code)} loading={busy}>
        <OtpInput ref={input} label={t(copy.label, { identifier: safeIdentifier })} hideLabel={false} value={code} onValueChange={setCode} onComplete={(value) => void verify(value)} error={error.fields.code} disabled={busy} />
        <ResendLink seconds={RESEND_SECONDS} onResend={resend} />
        <Button type="submit" element="formButtonPrimary" loading={busy} disabled={error.waiting}>
          {t('formButtonPrimary')}
        </Button>
      </Form>
      {canSwitch ? (
        <Button variant="link" element="alternativeMethodsBlockButton" elementId={otherReset ?? undefined} onClick={() => void switchReset()} disabled={busy || error.waiting}>
          {t(otherReset === 'reset_password_phone_code' ? 'signIn.forgotPassword.action__useSms' : 'signIn.forgotPassword.action__useEmail')}
        </Button>
      ) : null}
      {others.length ? (
        <Button variant="link" element="alternativeMethodsBlockButton" elementId="toggle" onClick={() => void navigate(`${SIGN_IN_ROUTES.methods}?from=${strategy}`)}>
          {t('signIn.emailCodeActionLink')}
        </Button>
      ) : null}
    </Card>
  );
}
