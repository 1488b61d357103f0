import { useState, type FormEvent } from 'react';
import type { Usher } from '@usher/core';
import { Field } from './Field.tsx';
import { describeError } from './errors.ts';

type Errors = ReturnType<typeof describeError>;
const noErrors: Errors = { fields: {}, general: null };

export function SignInFlow({ usher }: { usher: Usher }) {
  const [step, setStep] = useState<'identifier' | 'password' | 'code'>('identifier');
  const [identifier, setIdentifier] = useState('');
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

  async function finish(status: string, sessionId: string | null) {
    if (status !== 'complete' || !sessionId) return;
    await usher.setActive({ session: sessionId });
    window.location.hash = '#/';
  }

  function submitIdentifier(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('identifier') ?? '').trim();
    void run(async () => {
      await usher.signIn.create({ identifier: value });
      setIdentifier(value);
      setStep('password');
    });
  }

  function submitPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    void run(async () => {
      const signIn = await usher.signIn.attemptFirstFactor({ strategy: 'password', password });
      await finish(signIn.status, signIn.createdSessionId);
    });
  }

  function sendCode() {
    void run(async () => {
      await usher.signIn.prepareFirstFactor({ strategy: 'email_code' });
      setStep('code');
    });
  }

  function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '');
    void run(async () => {
      const signIn = await usher.signIn.attemptFirstFactor({ strategy: 'email_code', code });
      await finish(signIn.status, signIn.createdSessionId);
    });
  }

  const identity = (
    <p className="identity">
      <span>{identifier}</span>
      <button type="button" className="link" onClick={() => { setStep('identifier'); setErrors(noErrors); }}>Change</button>
    </p>
  );

  return (
    <section className="card" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      {step === 'identifier' ? (
        <form onSubmit={submitIdentifier} noValidate>
          <Field label="Email address or username" name="identifier" autoComplete="username" required autoFocus defaultValue={identifier} error={errors.fields.identifier} />
          {errors.general ? <p className="error" role="alert">{errors.general}</p> : null}
          <button type="submit" disabled={busy}>{busy ? 'Checking…' : 'Continue'}</button>
        </form>
      ) : null}
      {step === 'password' ? (
        <>
          {identity}
          <form onSubmit={submitPassword} noValidate>
            <input type="hidden" name="username" autoComplete="username" value={identifier} readOnly />
            <Field label="Password" name="password" type="password" autoComplete="current-password" required autoFocus error={errors.fields.password} />
            {errors.general ? <p className="error" role="alert">{errors.general}</p> : null}
            <button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
          </form>
          <button type="button" className="link" disabled={busy} onClick={sendCode}>Email me a code instead</button>
        </>
      ) : null}
      {step === 'code' ? (
        <>
          {identity}
          <p className="muted">If an account exists for this address, we sent it a 6-digit code (see the <a href="#/mailbox" target="_blank" rel="noreferrer">dev mailbox</a>).</p>
          <form onSubmit={submitCode} noValidate>
            <Field label="Verification code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required autoFocus error={errors.fields.code} />
            {errors.general ? <p className="error" role="alert">{errors.general}</p> : null}
            <button type="submit" disabled={busy}>{busy ? 'Verifying…' : 'Sign in'}</button>
          </form>
          <button type="button" className="link" disabled={busy} onClick={() => setStep('password')}>Use your password instead</button>
        </>
      ) : null}
      <p className="muted">No account yet? <a href="#/sign-up">Create one</a></p>
    </section>
  );
}
