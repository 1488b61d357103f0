import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { setupMockApp } from '../../test-support/mock-app.ts';
import { renderSignIn } from '../../test-support/render-sign-in.tsx';
import { SignInInternal } from './SignIn.tsx';

const PASSWORD = 'correct horse battery staple';
const app = setupMockApp({ instanceConfig: { attributes: { emailAddress: { firstFactors: ['email_code', 'email_link'] } } } });
const { mock } = app;

/** The token of the newest sign-in link emailed to `to`, and the page it opens. */
async function latestLink(to: string): Promise<URL> {
  const message = (await mock.mailbox.list()).filter((m) => m.to === to && m.text.includes('__usher_link=')).at(-1);
  return new URL(/(https?:\/\/\S+)/.exec(message?.text ?? '')?.[1] ?? 'http://invalid');
}

/** The link opened in another browser: a client of its own (bearer), <SignIn/> at the link's page. */
function openLinkElsewhere(link: URL) {
  const usher = app.newUsher({ transport: 'bearer', storage: null });
  render(
    <UsherProvider usher={usher}>
      <SignInInternal routing="virtual" initialRoute={`verify${link.search}`} />
    </UsherProvider>,
  );
  return userEvent.setup();
}

describe('SignIn: sign-in link', () => {
  it('"Email a sign-in link"; opened on another device it confirms there, and the waiting tab signs in by itself', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const { user } = renderSignIn(app);
    await user.type(await screen.findByLabelText('Email address'), 'ada@example.com{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Use another method' }));
    await user.click(await screen.findByRole('button', { name: 'Email a sign-in link to a***@example.com' }));
    expect(await screen.findByText(/We sent a sign-in link to a\*\*\*@example\.com/)).toBeTruthy();
    expect(screen.getByText(/Waiting for you to open the link/)).toBeTruthy();

    const link = await latestLink('ada@example.com');
    expect(link.pathname).toBe('/sign-in/verify');
    const other = openLinkElsewhere(link);
    // Opening the page consumes nothing: it waits for the click.
    await other.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/Return to your original tab or device to continue/)).toBeTruthy();
    await waitFor(() => expect(screen.getByLabelText('auth state').textContent).toBe('signed in'), { timeout: 6000 });
  });

  it('a link used already, or broken, or without its token, says so', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const usher = app.newUsher({ transport: 'bearer', storage: null });
    await usher.load();
    await (await usher.signIn.create({ identifier: 'ada@example.com' })).prepareFirstFactor({ strategy: 'email_link', redirectUrl: 'http://localhost:3000/sign-in/verify' });
    const link = await latestLink('ada@example.com');
    await app.newUsher({ transport: 'bearer', storage: null }).signIn.confirmEmailLink({ token: link.searchParams.get('__usher_link')! });

    const used = openLinkElsewhere(link);
    await used.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'This link was already used' })).toBeTruthy();
    cleanup();

    const broken = new URL(link);
    broken.searchParams.set('__usher_link', 'cut-short-by-the-mail-client');
    const junk = openLinkElsewhere(broken);
    await junk.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'This link does not work' })).toBeTruthy();
    cleanup();

    openLinkElsewhere(new URL('http://localhost:3000/sign-in/verify'));
    expect(await screen.findByRole('heading', { name: 'This link does not work' })).toBeTruthy();
  });
});
