import { useEffect, useMemo, useRef, useState } from 'react';
import type { SignInFactor, SignInStatus, SecondFactorStrategy, StartedSignIn } from '@usher/core';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { Card } from '../../primitives/Card.tsx';
import { Field } from '../../primitives/Field.tsx';
import { Form } from '../../primitives/Form.tsx';
import { OtpInput } from '../../primitives/OtpInput.tsx';
import { ResendLink } from '../../primitives/ResendLink.tsx';
import { useRouter } from '../../router/RouterProvider.tsx';
import { chosenSecondFactor } from './second-factor-route.ts';
import { SIGN_IN_ROUTES, useSignInFlow } from './sign-in-context.ts';
import { SignInIdentity } from './SignInIdentity.tsx';
import { useActiveAttempt } from './use-active-attempt.ts';
import { useStepError } from './use-step-error.tsx';

const FIELDS = ['code'] as const;
const STATUSES: readonly SignInStatus[] = ['needs_second_factor', 'complete'];
/** The API allows one text per 30 s per sign-in; the resend link waits as long. */
const RESEND_SECONDS = 30;

const COPY = {
  totp: { title: 'twoStepSignIn.totp.title', subtitle: 'twoStepSignIn.totp.subtitle', label: 'twoStepSignIn.totp.label', incorrect: 'twoStepSignIn.totp.incorrect' },
  phone_code: { title: 'twoStepSignIn.phoneCode.title', subtitle: 'twoStepSignIn.phoneCode.subtitle', label: 'twoStepSignIn.phoneCode.label', incorrect: 'twoStepSignIn.phoneCode.incorrect' },
  backup_code: { title: 'twoStepSignIn.backupCode.title', subtitle: 'twoStepSignIn.backupCode.subtitle', label: 'twoStepSignIn.backupCode.label', incorrect: 'twoStepSignIn.backupCode.incorrect' },
} as const;

/**
 * Sign-in's second step, for an account with 2-step verification: the code of the authenticator
 * app, a code texted to a reserved number (sent when the step opens), or a backup code. It opens
 * with the user's default method; "Use another method" lists the others. A whole pasted or
 * autofilled code submits itself.
 */
export function SignInSecondFactor() {
  const attempt = useActiveAttempt(STATUSES);
  const { searchParams } = useRouter();
  if (!attempt) return null;
  const factors = attempt.supportedSecondFactors ?? [];
  const factor = chosenSecondFactor(factors, searchParams.get('strategy'), searchParams.get('phone'));
  if (!factor) return null;
  // A new key per method: switching starts the step afresh (field, errors, focus).
  return <SecondFactorStep key={`${factor.strategy}:${factor.phoneNumberId ?? ''}`} attempt={attempt} factor={factor} others={factors.length > 1} />;
}

function SecondFactorStep({ attempt, factor, others }: { attempt: StartedSignIn; factor: SignInFactor<SecondFactorStrategy>; others: boolean }) {
  const { t } = useLocalization();
  const { navigate } = useRouter();
  const flow = useSignInFlow();
  const copy = COPY[factor.strategy];
  const messages = useMemo(() => ({ form_code_incorrect: t(copy.incorrect) }), [t, copy]);
  const error = useStepError(FIELDS, messages);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const identifier = factor.safeIdentifier ?? '';

  const send = async () => {
    error.clear();
    try {
      await attempt.prepareSecondFactor({ strategy: 'phone_code', ...(factor.phoneNumberId ? { phoneNumberId: factor.phoneNumberId } : {}) });
      if (factor.phoneNumberId) flow.codeSentTo.add(factor.phoneNumberId);
    } catch (caught) {
      error.report(caught);
      throw caught;
    }
  };

  useEffect(() => {
    input.current?.focus();
    // A texted code is sent once per number and sign-in; coming back to the step does not text again.
    const phone = factor.phoneNumberId;
    if (factor.strategy === 'phone_code' && phone && !flow.codeSentTo.has(phone)) {
      flow.codeSentTo.add(phone);
      send().catch(() => flow.codeSentTo.delete(phone));
    }
  }, []);

  const verify = async (value: string) => {
    if (busy) return;
    error.clear();
    setBusy(true);
    try {
      const next = await attempt.attemptSecondFactor({ strategy: factor.strategy, code: value });
      await flow.complete(next);
    } catch (caught) {
      error.report(caught);
      setBusy(false);
      setCode('');
      input.current?.focus();
    }
  };

  return (
    <Card title={t(copy.title)} subtitle={t(copy.subtitle, { identifier })}>
      <SignInIdentity attempt={attempt} />
      {error.alert}
      <Form onSubmit={() => verify(code)} loading={busy}>
        {factor.strategy === 'backup_code' ? (
          <Field
            ref={input}
            name="backup_code"
            label={t(copy.label)}
            value={code}
            onValueChange={setCode}
            error={error.fields.code}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
        ) : (
          <OtpInput ref={input} label={t(copy.label, { identifier })} hideLabel={false} value={code} onValueChange={setCode} onComplete={(value) => void verify(value)} error={error.fields.code} disabled={busy} />
        )}
        {factor.strategy === 'phone_code' ? <ResendLink seconds={RESEND_SECONDS} onResend={send} /> : null}
        <Button type="submit" element="formButtonPrimary" loading={busy} disabled={error.waiting}>
          {t('formButtonPrimary__verify')}
        </Button>
      </Form>
      {others ? (
        <Button variant="link" element="alternativeMethodsBlockButton" elementId="toggle" onClick={() => void navigate(`${SIGN_IN_ROUTES.secondFactorMethods}?from=${factor.strategy}`)}>
          {t('twoStepSignIn.useAnotherMethod')}
        </Button>
      ) : null}
    </Card>
  );
}
