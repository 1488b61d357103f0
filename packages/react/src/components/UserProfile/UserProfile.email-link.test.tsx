import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { Usher } from '@usher/core';
import { describe, expect, it } from 'vitest';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { setupMockApp } from '../../test-support/mock-app.ts';
import { SignInInternal } from '../SignIn/SignIn.tsx';
import { UserProfileInternal } from './UserProfile.tsx';

const PASSWORD = 'correct horse battery staple';
const app = setupMockApp({ instanceConfig: { attributes: { emailAddress: { verifications: ['email_link'] } } } });
const { mock } = app;

/** Codes as well as links, through the Backend API (until the mock's reset after the test). */
async function offerCodesToo(): Promise<void> {
  const key = await mock.createSecretKey();
  const res = await fetch(`${mock.origin}/backend/v1/instance`, { method: 'PATCH', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ email_verifications: ['email_code', 'email_link'] }) });
  expect(res.status).toBe(200);
}

async function renderProfile(): Promise<Usher> {
  await mock.seedUser({ email: 'ada@example.com', password: PASSWORD, firstName: 'Ada' });
  const usher = await app.signedInAs('ada@example.com', PASSWORD);
  render(
    <UsherProvider usher={usher}>
      <UserProfileInternal routing="virtual" />
    </UsherProvider>,
  );
  await screen.findByRole('heading', { name: 'Profile details' });
  return usher;
}

async function addAddress(user: ReturnType<typeof userEvent.setup>, email: string) {
  await user.click(within(screen.getByRole('region', { name: 'Email addresses' })).getByRole('button', { name: 'Add email address' }));
  await user.type(screen.getByLabelText('Email address'), email);
  await user.click(screen.getByRole('button', { name: 'Continue' }));
}

/** The newest link emailed to `to`. */
async function latestLink(to: string): Promise<URL> {
  const message = (await mock.mailbox.list()).filter((m) => m.to === to && m.text.includes('__usher_link=')).at(-1);
  return new URL(/(https?:\/\/\S+)/.exec(message?.text ?? '')?.[1] ?? 'http://invalid');
}

describe('UserProfile: an added address verified by a link', () => {
  it('links only: the link lands on the sign-in page, opened signed out on a phone it verifies the address, and the profile shows it by itself', async () => {
    const usher = await renderProfile();
    const user = userEvent.setup();
    await addAddress(user, 'ada@work.example');
    const waiting = await screen.findByRole('form', { name: 'Check your email' });
    expect(within(waiting).getByText(/We sent a verification link to ada@work\.example/)).toBeTruthy();
    expect(within(waiting).getByText(/Waiting for you to open the link/).getAttribute('role')).toBe('status');
    expect(within(waiting).queryByRole('button', { name: 'Enter a code instead' })).toBeNull();

    const link = await latestLink('ada@work.example');
    expect(link.pathname).toBe('/sign-in/verify');
    // The phone: signed out, the sign-in page at the link.
    const phone = app.newUsher({ transport: 'bearer', storage: null });
    render(
      <UsherProvider usher={phone}>
        <SignInInternal routing="virtual" initialRoute={`verify${link.search}`} />
      </UsherProvider>,
    );
    const phoneUser = userEvent.setup();
    await phoneUser.click(await screen.findByRole('button', { name: 'Verify email address' }));
    expect(await screen.findByRole('heading', { name: 'Email address verified' })).toBeTruthy();
    expect(screen.getByText(/ada@work\.example is verified\. Return to your original tab/)).toBeTruthy();

    expect(await screen.findByText('ada@work.example is verified.', {}, { timeout: 6000 })).toBeTruthy();
    expect(usher.getSnapshot().user?.emailAddresses.find((e) => e.emailAddress === 'ada@work.example')?.verified).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(within(screen.getByRole('region', { name: 'Email addresses' })).queryByText('Unverified')).toBeNull();
  });

  it('opened where the user is signed in (single-session), the sign-in page stays to confirm it; a second click says already used', async () => {
    const usher = await renderProfile();
    const user = userEvent.setup();
    await addAddress(user, 'ada@work.example');
    await screen.findByRole('form', { name: 'Check your email' });
    const link = await latestLink('ada@work.example');
    cleanup();
    const open = () =>
      render(
        <UsherProvider usher={usher} routerPush={() => undefined}>
          <SignInInternal routing="virtual" initialRoute={`verify${link.search}`} />
        </UsherProvider>,
      );
    open();
    await user.click(await screen.findByRole('button', { name: 'Verify email address' }));
    expect(await screen.findByRole('heading', { name: 'Email address verified' })).toBeTruthy();
    expect(document.activeElement?.tagName).toBe('SECTION');
    cleanup();
    open();
    await user.click(await screen.findByRole('button', { name: 'Verify email address' }));
    expect(await screen.findByRole('heading', { name: 'This link was already used' })).toBeTruthy();
  });

  it('codes and links: the code first, "Send a link instead", then back to "Enter a code instead"', async () => {
    await offerCodesToo();
    const usher = await renderProfile();
    const user = userEvent.setup();
    await addAddress(user, 'ada@work.example');
    await screen.findByText('Enter the code sent to ada@work.example.');
    await user.click(screen.getByRole('button', { name: 'Send a link instead' }));
    await screen.findByRole('form', { name: 'Check your email' });
    expect((await latestLink('ada@work.example')).pathname).toBe('/sign-in/verify');
    await user.click(screen.getByRole('button', { name: 'Enter a code instead' }));
    await screen.findByText('Enter the code sent to ada@work.example.');
    await user.click(screen.getAllByRole('textbox')[0]!);
    await user.paste((await mock.mailbox.latestCode('ada@work.example'))!);
    await waitFor(() => expect(usher.getSnapshot().user?.emailAddresses.find((e) => e.emailAddress === 'ada@work.example')?.verified).toBe(true));
  });
});
