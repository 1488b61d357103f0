import { useState, type FormEvent } from 'react';
import { useAuth, useSession, useUser } from '@usher/react';
import { Field } from './Field.tsx';
import { describeError } from './errors.ts';

function decodeClaims(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(json) as Record<string, unknown>;
}

/** The signed-in home: who you are, your profile name, and the session token the SDK keeps fresh. */
export function Account() {
  const { user } = useUser();
  const { session } = useSession();
  const { getToken } = useAuth();
  const [claims, setClaims] = useState<Record<string, unknown> | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ReturnType<typeof describeError>>({ fields: {}, general: null });
  const [saved, setSaved] = useState(false);
  const [server, setServer] = useState<string | null>(null);
  if (!user) return null;

  async function askServer() {
    // A fresh token first, so the cookie the server reads is current.
    await getToken();
    const res = await fetch('/api/me', { credentials: 'same-origin' });
    const body = (await res.json()) as { userId?: string; errors?: Array<{ meta?: { reason?: string } }> };
    setServer(res.ok ? `The server verified your session: ${body.userId}` : `The server refused (${res.status}, ${body.errors?.[0]?.meta?.reason ?? 'unknown'}).`);
  }

  const email = user.primaryEmailAddress?.emailAddress ?? user.emailAddresses[0]?.emailAddress ?? '';
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');

  async function showToken() {
    const jwt = await getToken();
    setClaims(jwt ? decodeClaims(jwt) : null);
  }

  function saveProfile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? '').trim() || null;
    setBusy(true);
    setSaved(false);
    setErrors({ fields: {}, general: null });
    user!
      .update({ firstName: text('first_name'), lastName: text('last_name') })
      .then(() => setSaved(true), (error: unknown) => setErrors(describeError(error)))
      .finally(() => setBusy(false));
  }

  return (
    <section className="card wide" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Signed in{name ? ` as ${name}` : ''}</h1>
      <dl className="facts">
        <dt>Email</dt>
        <dd data-testid="user-email">{email}</dd>
        <dt>User</dt>
        <dd><code>{user.id}</code></dd>
        <dt>Session</dt>
        <dd><code>{session?.id}</code></dd>
      </dl>

      <h2>Profile</h2>
      <form onSubmit={saveProfile} noValidate>
        <div className="row">
          <Field label="First name" name="first_name" autoComplete="given-name" defaultValue={user.firstName ?? ''} error={errors.fields.first_name} />
          <Field label="Last name" name="last_name" autoComplete="family-name" defaultValue={user.lastName ?? ''} error={errors.fields.last_name} />
        </div>
        {errors.general ? <p className="error" role="alert">{errors.general}</p> : null}
        <button type="submit" disabled={busy}>Save</button>
        {saved ? <span className="ok" role="status"> Saved.</span> : null}
      </form>

      <h2>Session token</h2>
      <p className="muted">A 60-second JWT your backend verifies offline with the keys at <code>/.well-known/jwks.json</code>. The SDK refreshes it in the background.</p>
      <button type="button" className="secondary" onClick={() => void showToken()}>Show current token claims</button>
      {claims ? <pre className="claims" aria-label="Token claims">{JSON.stringify(claims, null, 2)}</pre> : null}

      <h2>Your app’s server</h2>
      <p className="muted"><code>GET /api/me</code> is a route of this app’s own server, protected with <code>@usher/backend</code>: it reads the <code>__session</code> cookie and verifies it offline.</p>
      <button type="button" className="secondary" onClick={() => void askServer()}>Ask the server who I am</button>
      {server ? <p role="status" aria-label="Server answer">{server}</p> : null}
    </section>
  );
}
