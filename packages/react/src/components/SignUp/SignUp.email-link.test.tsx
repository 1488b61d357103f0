import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { Usher } from '@usher/core';
import { describe, expect, it } from 'vitest';
import { useAuth } from '../../hooks/use-auth.ts';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { setupMockApp } from '../../test-support/mock-app.ts';
import { renderSignUp } from '../../test-support/render-sign-up.tsx';
import { SignUpInternal } from './SignUp.tsx';

const PASSWORD = 'correct horse battery staple';
const app = setupMockApp({ instanceConfig: { attributes: { emailAddress: { verifications: ['email_link'] } } } });

/** Codes as well as links, through the Backend API (until the mock's reset after the test). */
async function offerCodesToo(): Promise<void> {
  const key = await app.mock.createSecretKey();
  const res = await fetch(`${app.mock.origin}/backend/v1/instance`, { method: 'PATCH', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ email_verifications: ['email_code', 'email_link'] }) });
  expect(res.status).toBe(200);
}

function Probe() {
  const { isSignedIn } = useAuth();
  return <output aria-label="auth state">{isSignedIn ? 'signed in' : 'signed out'}</output>;
}

/** The newest link emailed to `to`, and the page it opens. */
async function latestLink(mock: typeof app.mock, to: string): Promise<URL> {
  const message = (await mock.mailbox.list()).filter((m) => m.to === to && m.text.includes('__usher_link=')).at(-1);
  return new URL(/(https?:\/\/\S+)/.exec(message?.text ?? '')?.[1] ?? 'http://invalid');
}

/** The link opened in a browser: <SignUp/> at the link's page, with the given Usher (default: another device). */
function openLink(link: URL, usher: Usher = app.newUsher({ transport: 'bearer', storage: null })) {
  render(
    <UsherProvider usher={usher} routerPush={() => undefined}>
      <SignUpInternal routing="virtual" initialRoute={`verify${link.search}`} />
    </UsherProvider>,
  );
  return userEvent.setup();
}

async function fillStart(user: ReturnType<typeof userEvent.setup>, email: string) {
  await user.type(await screen.findByLabelText('Email address'), email);
  await user.type(screen.getByLabelText('Password'), `${PASSWORD}{Enter}`);
}

describe('SignUp: verification link', () => {
  it('links only: "Check your email"; opened on another device it confirms there, and the waiting tab signs up by itself', async () => {
    const { user } = renderSignUp(app, { children: <Probe /> });
    await fillStart(user, 'ada@example.com');
    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeTruthy();
    expect(screen.getByText(/We sent a verification link to ada@example\.com/)).toBeTruthy();
    expect(screen.getByText(/Waiting for you to open the link/).getAttribute('role')).toBe('status');
    expect(screen.queryByRole('button', { name: 'Enter a code instead' })).toBeNull();

    const link = await latestLink(app.mock, 'ada@example.com');
    expect(link.pathname).toBe('/sign-up/verify');
    const phone = openLink(link);
    // Opening the page consumes nothing: it waits for the click.
    await phone.click(await screen.findByRole('button', { name: 'Verify email address' }));
    expect(await screen.findByText(/Return to your original tab or device to finish signing up/)).toBeTruthy();
    await waitFor(() => expect(screen.getByLabelText('auth state').textContent).toBe('signed in'), { timeout: 6000 });
  });

  it('opened in the browser that started it, the link page completes the sign-up there', async () => {
    const { user, usher } = renderSignUp(app, { children: <Probe /> });
    await fillStart(user, 'ada@example.com');
    await screen.findByRole('heading', { name: 'Check your email' });
    const link = await latestLink(app.mock, 'ada@example.com');
    cleanup();
    const here = openLink(link, usher);
    render(
      <UsherProvider usher={usher}>
        <Probe />
      </UsherProvider>,
    );
    await here.click(await screen.findByRole('button', { name: 'Verify email address' }));
    await waitFor(() => expect(screen.getByLabelText('auth state').textContent).toBe('signed in'));
  });

  it('an expired link offers a new one; the new one works', async () => {
    const { user } = renderSignUp(app, { children: <Probe /> });
    await fillStart(user, 'ada@example.com');
    await screen.findByRole('heading', { name: 'Check your email' });
    app.mock.clock.advance(11 * 60_000);
    expect(await screen.findByText('The link expired. Send a new one.', {}, { timeout: 6000 })).toBeTruthy();
    const before = (await app.mock.mailbox.list()).length;
    await user.click(screen.getByRole('button', { name: 'Send a new link' }));
    await waitFor(async () => expect((await app.mock.mailbox.list()).length).toBe(before + 1));
    expect(await screen.findByText(/Waiting for you to open the link/)).toBeTruthy();
    const phone = openLink(await latestLink(app.mock, 'ada@example.com'));
    await phone.click(await screen.findByRole('button', { name: 'Verify email address' }));
    await waitFor(() => expect(screen.getByLabelText('auth state').textContent).toBe('signed in'), { timeout: 6000 });
  });

  it('a link used already, expired, or broken says so', async () => {
    const usher = app.newUsher({ transport: 'bearer', storage: null });
    await usher.load();
    const attempt = await usher.signUp.create({ emailAddress: 'ada@example.com', password: PASSWORD });
    await attempt.prepareEmailAddressVerification({ strategy: 'email_link', redirectUrl: 'http://localhost:3000/sign-up/verify' });
    const link = await latestLink(app.mock, 'ada@example.com');
    await app.newUsher({ transport: 'bearer', storage: null }).signUp.confirmEmailLink({ token: link.searchParams.get('__usher_link')! });
    const used = openLink(link);
    await used.click(await screen.findByRole('button', { name: 'Verify email address' }));
    expect(await screen.findByRole('heading', { name: 'This link was already used' })).toBeTruthy();
    expect(screen.getByText(/Each verification link works once/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Back to sign-up' }));
    cleanup();

    const second = await app.newUsher({ transport: 'bearer', storage: null }).signUp.create({ emailAddress: 'grace@example.com', password: PASSWORD });
    await second.prepareEmailAddressVerification({ strategy: 'email_link', redirectUrl: 'http://localhost:3000/sign-up/verify' });
    const late = await latestLink(app.mock, 'grace@example.com');
    app.mock.clock.advance(11 * 60_000);
    const expired = openLink(late);
    await expired.click(await screen.findByRole('button', { name: 'Verify email address' }));
    expect(await screen.findByRole('heading', { name: 'This link has expired' })).toBeTruthy();
    cleanup();

    const broken = new URL(link);
    // Cut short by a mail client.
    broken.searchParams.set('__usher_link', link.searchParams.get('__usher_link')!.slice(0, 12));
    const junk = openLink(broken);
    await junk.click(await screen.findByRole('button', { name: 'Verify email address' }));
    expect(await screen.findByRole('heading', { name: 'This link does not work' })).toBeTruthy();
  });
});

describe('SignUp: codes or links (the user chooses)', () => {
  it('opens on the code; "Email me a link instead" sends a link, "Enter a code instead" comes back, and the code signs up', async () => {
    await offerCodesToo();
    const { user } = renderSignUp(app, { children: <Probe /> });
    await fillStart(user, 'ada@example.com');
    expect(await screen.findByRole('heading', { name: 'Verify your email' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Email me a link instead' }));
    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeTruthy();
    expect((await latestLink(app.mock, 'ada@example.com')).pathname).toBe('/sign-up/verify');
    await user.click(screen.getByRole('button', { name: 'Enter a code instead' }));
    expect(await screen.findByRole('heading', { name: 'Verify your email' })).toBeTruthy();
    await user.click(screen.getByRole('textbox', { name: 'Digit 1 of 6' }));
    await user.paste((await app.mock.mailbox.latestCode('ada@example.com'))!);
    await waitFor(() => expect(screen.getByLabelText('auth state').textContent).toBe('signed in'));
  });
});
