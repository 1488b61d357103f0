import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SignInStatus } from '@usher/core';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { Card } from '../../primitives/Card.tsx';
import { Checkbox } from '../../primitives/Checkbox.tsx';
import { Form } from '../../primitives/Form.tsx';
import { NewPasswordFields } from '../shared/NewPasswordFields.tsx';
import { SignInIdentity } from './SignInIdentity.tsx';
import { useSignInFlow } from './sign-in-context.ts';
import { useActiveAttempt } from './use-active-attempt.ts';
import { useStepError } from './use-step-error.tsx';

const FIELDS = ['password', 'confirm_password'] as const;
const STATUSES: readonly SignInStatus[] = ['needs_new_password', 'needs_second_factor', 'complete'];

/**
 * The new password after a correct reset code: the instance's rules shown live, a confirmation
 * field, and "sign out of all other devices" (on by default: whoever knew the old password is
 * thrown out). Refusals from the server (too short, too common) appear on the password field.
 */
export function SignInResetPassword() {
  const attempt = useActiveAttempt(STATUSES);
  const { t } = useLocalization();
  const flow = useSignInFlow();
  const error = useStepError(FIELDS);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [signOutOthers, setSignOutOthers] = useState(true);
  const input = useRef<HTMLInputElement>(null);
  const confirmInput = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  if (!attempt) return null;

  const submit = async (_event: FormEvent<HTMLFormElement>) => {
    error.clear();
    if (password !== confirm) {
      setMismatch(true);
      confirmInput.current?.focus();
      return;
    }
    setMismatch(false);
    setBusy(true);
    try {
      const next = await attempt.resetPassword({ password, signOutOfOtherSessions: signOutOthers });
      await flow.complete(next);
    } catch (caught) {
      error.report(caught);
      setBusy(false);
      input.current?.focus();
    }
  };

  return (
    <Card title={t('signIn.resetPassword.title')} subtitle={t('signIn.resetPassword.subtitle')}>
      {/* The pencil starts over: the way out when the verified code has expired meanwhile. */}
      <SignInIdentity attempt={attempt} />
      {error.alert}
      <Form onSubmit={submit} loading={busy}>
        {/* The identifier, hidden, so password managers store the new password for the right account. */}
        <input type="text" name="username" autoComplete="username" value={attempt.identifier ?? ''} readOnly hidden />
        <NewPasswordFields
          ref={input}
          name="password"
          password={password}
          onPasswordChange={setPassword}
          confirm={confirm}
          onConfirmChange={(value) => {
            setConfirm(value);
            if (mismatch && value === password) setMismatch(false);
          }}
          mismatch={mismatch}
          error={error.fields.password ?? error.fields.confirm_password}
          confirmRef={confirmInput}
          userInputs={[attempt.identifier]}
        />
        <Checkbox name="sign_out_of_other_sessions" label={t('formFieldLabel__signOutOfOtherSessions')} checked={signOutOthers} onCheckedChange={setSignOutOthers} />
        <Button type="submit" element="formButtonPrimary" loading={busy} disabled={error.waiting}>
          {t('signIn.resetPassword.formButtonPrimary')}
        </Button>
      </Form>
    </Card>
  );
}
