import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SignInStatus } from '@usher/core';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { Card } from '../../primitives/Card.tsx';
import { Checkbox } from '../../primitives/Checkbox.tsx';
import { Field } from '../../primitives/Field.tsx';
import { Form } from '../../primitives/Form.tsx';
import { PasswordRequirements } from '../shared/PasswordRequirements.tsx';
import { SignInIdentity } from './SignInIdentity.tsx';
import { useSignInFlow } from './sign-in-context.ts';
import { useActiveAttempt } from './use-active-attempt.ts';
import { useStepError } from './use-step-error.tsx';

const FIELDS = ['password', 'confirm_password'] as const;
const STATUSES: readonly SignInStatus[] = ['needs_new_password', 'complete'];

/**
 * The new password after a correct reset code: the instance's rules shown live, a confirmation
 * field, and "sign out of all other devices" (on by default: whoever knew the old password is
 * thrown out). Refusals from the server (too short, too common) appear on the password field.
 */
export function SignInResetPassword() {
  const attempt = useActiveAttempt(STATUSES);
  const { environment } = useUsherSnapshot();
  const { t } = useLocalization();
  const flow = useSignInFlow();
  const error = useStepError(FIELDS);
  const uid = useId();
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [signOutOthers, setSignOutOthers] = useState(true);
  const input = useRef<HTMLInputElement>(null);
  const confirmInput = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  if (!attempt) return null;
  const settings = environment?.userSettings.passwordSettings;
  const minLength = settings?.minLength ?? 8;
  const requirementsId = `${uid}-password-rules`;

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
        <Field
          ref={input}
          name="password"
          type="password"
          autoComplete="new-password"
          label={t('formFieldLabel__newPassword')}
          value={password}
          onValueChange={setPassword}
          error={error.fields.password}
          maxLength={settings?.maxLength}
          aria-describedby={requirementsId}
          required
        />
        <PasswordRequirements id={requirementsId} password={password} minLength={minLength} />
        <Field
          ref={confirmInput}
          name="confirm_password"
          type="password"
          autoComplete="new-password"
          label={t('formFieldLabel__confirmPassword')}
          value={confirm}
          onValueChange={(value) => {
            setConfirm(value);
            if (mismatch && value === password) setMismatch(false);
          }}
          error={mismatch ? t('formFieldError__passwordsDoNotMatch') : error.fields.confirm_password}
          required
        />
        <Checkbox name="sign_out_of_other_sessions" label={t('formFieldLabel__signOutOfOtherSessions')} checked={signOutOthers} onCheckedChange={setSignOutOthers} />
        <Button type="submit" element="formButtonPrimary" loading={busy} disabled={error.waiting}>
          {t('signIn.resetPassword.formButtonPrimary')}
        </Button>
      </Form>
    </Card>
  );
}
