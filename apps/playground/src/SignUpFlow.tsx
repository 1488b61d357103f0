import { useState, type FormEvent } from 'react';
import type { Usher } from '@usher/core';
import { Field } from './Field.tsx';
import { describeError } from './errors.ts';
import { useUsherSnapshot } from './use-usher.ts';

type Errors = ReturnType<typeof describeError>;
const noErrors: Errors = { fields: {}, general: null };
const FIELD_NAMES: Record<string, string> = {
  email_address: 'email address',
  password: 'password',
  username: 'username',
  first_name: 'first name',
  last_name: 'last name',
  legal_accepted: 'agreement to the terms',
};

export function SignUpFlow({ usher }: { usher: Usher }) {
  const { environment } = useUsherSnapshot(usher);
  const attributes = environment?.userSettings.attributes;
  const minLength = environment?.userSettings.passwordSettings.minLength ?? 8;
  const [step, setStep] = useState<'form' | 'code'>('form');
  const [emailAddress, setEmailAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>(noErrors);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setErrors(noErrors);
    try {
      await action();
    } catch (error) {
      setErrors(describeError(error));
    } finally {
      setBusy(false);
    }
  }

  function submitForm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    void run(async () => {
      const signUp = await usher.signUp.create({
        emailAddress: text('email_address'),
        password: text('password'),
        firstName: text('first_name'),
        lastName: text('last_name'),
        username: text('username'),
      });
      if (signUp.missingFields.length > 0) {
        setErrors({ fields: Object.fromEntries(signUp.missingFields.map((field) => [field, `Enter your ${FIELD_NAMES[field] ?? field}.`])), general: null });
        return;
      }
      await signUp.prepareEmailAddressVerification();
      setEmailAddress(text('email_address') ?? '');
      setStep('code');
    });
  }

  function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '');
    void run(async () => {
      const signUp = await usher.signUp.attemptEmailAddressVerification({ code });
      if (signUp.status !== 'complete' || !signUp.createdSessionId) return;
      await usher.setActive({ session: signUp.createdSessionId });
      window.location.hash = '#/';
    });
  }

  if (step === 'code') {
    return (
      <section className="card" aria-labelledby="verify-title">
        <h1 id="verify-title">Check your email</h1>
        <p className="muted">We sent a 6-digit code to <strong>{emailAddress}</strong>. In development it lands in the <a href="#/mailbox" target="_blank" rel="noreferrer">dev mailbox</a>.</p>
        <form onSubmit={submitCode} noValidate>
          <Field label="Verification code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required autoFocus error={errors.fields.code} />
          {errors.general ? <p className="error" role="alert">{errors.general}</p> : null}
          <button type="submit" disabled={busy}>{busy ? 'Verifying…' : 'Verify'}</button>
        </form>
        <button type="button" className="link" disabled={busy} onClick={() => void run(async () => { await usher.signUp.prepareEmailAddressVerification(); })}>
          Send a new code
        </button>
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">Create your account</h1>
      <form onSubmit={submitForm} noValidate>
        {attributes?.firstName.enabled ? (
          <div className="row">
            <Field label={attributes.firstName.required ? 'First name' : 'First name (optional)'} name="first_name" autoComplete="given-name" error={errors.fields.first_name} />
            <Field label={attributes.lastName.required ? 'Last name' : 'Last name (optional)'} name="last_name" autoComplete="family-name" error={errors.fields.last_name} />
          </div>
        ) : null}
        {attributes?.username.enabled ? <Field label="Username" name="username" autoComplete="username" error={errors.fields.username} /> : null}
        <Field label="Email address" name="email_address" type="email" autoComplete="email" required autoFocus error={errors.fields.email_address} />
        <Field label="Password" name="password" type="password" autoComplete="new-password" required minLength={minLength} hint={`At least ${minLength} characters.`} error={errors.fields.password} />
        {errors.general ? <p className="error" role="alert">{errors.general}</p> : null}
        <button type="submit" disabled={busy}>{busy ? 'Creating…' : 'Continue'}</button>
      </form>
      <p className="muted">Already have an account? <a href="#/sign-in">Sign in</a></p>
    </section>
  );
}
