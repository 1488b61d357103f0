import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useElements } from '../../appearance/use-elements.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { Card } from '../../primitives/Card.tsx';
import { Field } from '../../primitives/Field.tsx';
import { Form } from '../../primitives/Form.tsx';
import { useRouter } from '../../router/RouterProvider.tsx';
import { SIGN_IN_ROUTES, useSignInFlow } from './sign-in-context.ts';
import { SignInIdentity } from './SignInIdentity.tsx';
import { useActiveAttempt } from './use-active-attempt.ts';
import { useStepError } from './use-step-error.tsx';

const FIELDS = ['password'] as const;

/**
 * The password step, with the identity preview. "Forgot password?" (when the instance offers a
 * reset) sends a reset code and moves to it; "Use another method" lists the other factors.
 */
export function SignInPassword() {
  const attempt = useActiveAttempt();
  const { t } = useLocalization();
  const { navigate } = useRouter();
  const flow = useSignInFlow();
  const error = useStepError(FIELDS);
  const el = useElements();
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  if (!attempt) return null;
  const others = attempt.supportedFirstFactors.filter((factor) => factor.strategy !== 'password');
  const canReset = attempt.supportedFirstFactors.some((factor) => factor.strategy === 'reset_password_email_code');

  const forgot = async () => {
    error.clear();
    setBusy(true);
    try {
      await attempt.prepareFirstFactor({ strategy: 'reset_password_email_code' });
      await navigate(SIGN_IN_ROUTES.forgotPassword);
    } catch (caught) {
      error.report(caught);
      setBusy(false);
    }
  };

  const submit = async (_event: FormEvent<HTMLFormElement>) => {
    error.clear();
    setBusy(true);
    try {
      const next = await attempt.attemptFirstFactor({ strategy: 'password', password });
      await flow.complete(next);
    } catch (caught) {
      const field = error.report(caught);
      setBusy(false);
      if (field === 'password') setPassword('');
      input.current?.focus();
    }
  };

  return (
    <Card title={t('signIn.password.title')} subtitle={t('signIn.password.subtitle')}>
      <SignInIdentity attempt={attempt} />
      {error.alert}
      <Form onSubmit={submit} loading={busy}>
        {/* The identifier again, hidden, so password managers save the pair. */}
        <input type="text" name="username" autoComplete="username" value={attempt.identifier ?? ''} readOnly hidden />
        <Field
          ref={input}
          name="password"
          type="password"
          autoComplete="current-password"
          label={t('formFieldLabel__password')}
          value={password}
          onValueChange={setPassword}
          error={error.fields.password}
          required
          action={
            canReset ? (
              <button type="button" {...el('formFieldAction', { id: 'forgotPassword' })} onClick={() => void forgot()} disabled={busy || error.waiting}>
                {t('formFieldAction__forgotPassword')}
              </button>
            ) : undefined
          }
        />
        <Button type="submit" element="formButtonPrimary" loading={busy} disabled={error.waiting}>
          {t('formButtonPrimary')}
        </Button>
      </Form>
      {others.length ? (
        <Button variant="link" element="alternativeMethodsBlockButton" elementId="toggle" onClick={() => void navigate(`${SIGN_IN_ROUTES.methods}?from=password`)}>
          {t('signIn.password.actionLink')}
        </Button>
      ) : null}
    </Card>
  );
}
