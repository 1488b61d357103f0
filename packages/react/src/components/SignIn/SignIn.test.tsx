import { setupMockApp } from '../../test-support/mock-app.ts';
import { renderSignIn } from '../../test-support/render-sign-in.tsx';
import { act, screen, waitFor, within } from '@testing-library/react';
import type { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Usher } from '@usher/core';
import { renderToString } from 'react-dom/server';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { SignIn } from './SignIn.tsx';

const PASSWORD = 'correct horse battery staple';
const app = setupMockApp();
const { mock, instances } = app;

async function enterIdentifier(user: ReturnType<typeof userEvent.setup>, identifier: string) {
  await user.type(await screen.findByLabelText('Email address'), identifier);
  await user.click(screen.getByRole('button', { name: 'Continue' }));
}

describe('SignIn: password', () => {
  it('signs a user in with identifier then password, activates the session and redirects to the after-sign-in URL', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' });
    const { user, routerPush } = renderSignIn(app);
    expect(await screen.findByRole('heading', { name: /Sign in to/ })).toBeTruthy();
    const identifier = await screen.findByLabelText('Email address');
    await waitFor(() => expect(document.activeElement).toBe(identifier));
    expect(identifier.getAttribute('autocomplete')).toBe('username');
    await enterIdentifier(user, 'ada@example.com');

    const password = await screen.findByLabelText('Password');
    expect(screen.getByRole('heading', { name: 'Enter your password' })).toBeTruthy();
    expect(screen.getByText('ada@example.com')).toBeTruthy();
    expect(password.getAttribute('autocomplete')).toBe('current-password');
    await waitFor(() => expect(document.activeElement).toBe(password));
    await user.type(password, `${PASSWORD}{Enter}`);

    await waitFor(() => expect(screen.getByLabelText('auth state').textContent).toBe('signed in'));
    await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/'));
  });

  it('shows and hides the password, and the preview edit button returns to the identifier with the value kept', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const { user } = renderSignIn(app);
    await enterIdentifier(user, 'ada@example.com');
    const password = await screen.findByLabelText('Password');
    expect(password.getAttribute('type')).toBe('password');
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(password.getAttribute('type')).toBe('text');

    await user.click(screen.getByRole('button', { name: 'Use a different email address or username' }));
    const identifier = (await screen.findByLabelText('Email address')) as HTMLInputElement;
    expect(identifier.value).toBe('ada@example.com');
  });

  it('puts a wrong password message on the password field and moves focus there', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const { user } = renderSignIn(app);
    await enterIdentifier(user, 'ada@example.com');
    await user.type(await screen.findByLabelText('Password'), 'wrong password here{Enter}');
    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(password.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(message?.textContent).toMatch(/Check your password/);
    await waitFor(() => expect(document.activeElement).toBe(password));
  });

  it('treats an unknown identifier like a known one up to the password step, then fails with the same message', async () => {
    const { user } = renderSignIn(app);
    await enterIdentifier(user, 'nobody@example.com');
    const password = await screen.findByLabelText('Password');
    expect(screen.getByText('nobody@example.com')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Use another method' })).toBeTruthy();
    await user.type(password, `${PASSWORD}{Enter}`);
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/We could not sign you in with these details. Check your password/)).toBeTruthy();
  });

  it('prefills the identifier from initialValues', async () => {
    renderSignIn(app, { props: { routing: 'virtual', initialValues: { identifier: 'grace@example.com' } } });
    expect(((await screen.findByLabelText('Email address')) as HTMLInputElement).value).toBe('grace@example.com');
  });

  it('renders a busy skeleton, not "Sign in to " with an empty name, before the environment is loaded', () => {
    const usher = new Usher({ frontendApi: '', storage: null });
    instances.push(usher);
    const html = renderToString(
      <UsherProvider usher={usher}>
        <SignIn routing="path" path="/sign-in" />
      </UsherProvider>,
    );
    expect(html).toContain('aria-busy="true"');
    expect(html).not.toContain('Sign in to');
  });
});

describe('SignIn: email code', () => {
  async function toEmailCode(user: ReturnType<typeof userEvent.setup>) {
    await enterIdentifier(user, 'ada@example.com');
    await user.click(await screen.findByRole('button', { name: 'Use another method' }));
    await user.click(await screen.findByRole('button', { name: /Email code to/ }));
    return screen.findByRole('group', { name: /Enter the 6-digit code sent to/ });
  }

  it('signs in with the code read from the mailbox, typed digit by digit', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const { user, routerPush } = renderSignIn(app);
    const group = await toEmailCode(user);
    const boxes = within(group).getAllByRole('textbox');
    expect(boxes[0]!.getAttribute('autocomplete')).toBe('one-time-code');
    await waitFor(() => expect(document.activeElement).toBe(boxes[0]));
    expect(screen.getByRole('button', { name: /Resend \(\d+\)/ }).getAttribute('aria-disabled')).toBe('true');
    const code = await mock.mailbox.latestCode('ada@example.com');
    await user.type(boxes[0]!, code!);
    await waitFor(() => expect(screen.getByLabelText('auth state').textContent).toBe('signed in'));
    await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/'));
  });

  it('accepts a whole pasted code', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const { user } = renderSignIn(app);
    const group = await toEmailCode(user);
    const code = await mock.mailbox.latestCode('ada@example.com');
    await user.click(within(group).getAllByRole('textbox')[0]!);
    await user.paste(code!);
    await waitFor(() => expect(screen.getByLabelText('auth state').textContent).toBe('signed in'));
  });

  it('shows a wrong code on the code field', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const { user } = renderSignIn(app);
    const group = await toEmailCode(user);
    const code = await mock.mailbox.latestCode('ada@example.com');
    const wrong = code === '000000' ? '111111' : '000000';
    await user.click(within(group).getAllByRole('textbox')[0]!);
    await user.paste(wrong);
    expect(await within(group).findByText('That code is not right. Check the latest email and try again.')).toBeTruthy();
    expect(within(group).getAllByRole('textbox')[0]!.getAttribute('aria-invalid')).toBe('true');
  });

  it('says an expired code has expired (after 11 minutes)', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const { user } = renderSignIn(app);
    const group = await toEmailCode(user);
    const code = await mock.mailbox.latestCode('ada@example.com');
    mock.clock.advance(11 * 60_000);
    await user.click(within(group).getAllByRole('textbox')[0]!);
    await user.paste(code!);
    expect(await within(group).findByText('This code has expired. Request a new one.')).toBeTruthy();
  });

  it('goes back from the code to the password with "Use another method"', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const { user } = renderSignIn(app);
    await toEmailCode(user);
    await user.click(screen.getByRole('button', { name: 'Use another method' }));
    await user.click(await screen.findByRole('button', { name: 'Sign in with your password' }));
    expect(await screen.findByLabelText('Password')).toBeTruthy();
  });
});

describe('SignIn: routing and redirects', () => {
  it('hash routing moves the steps in the URL hash', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const { user } = renderSignIn(app, { props: { routing: 'hash' } });
    await enterIdentifier(user, 'ada@example.com');
    await screen.findByLabelText('Password');
    expect(window.location.hash).toBe('#/password');
  });

  it('path routing puts the step below the path', async () => {
    window.history.replaceState(null, '', '/sign-in');
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const { user, routerPush } = renderSignIn(app, { props: { routing: 'path', path: '/sign-in' } });
    await enterIdentifier(user, 'ada@example.com');
    await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/sign-in/password'));
  });

  it('redirects to a safe redirect_url from the query after signing in', async () => {
    window.history.replaceState(null, '', '/login?redirect_url=%2Freports%2F42%3Frange%3Dweek');
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const { user, routerPush } = renderSignIn(app, { props: { routing: 'virtual', fallbackRedirectUrl: '/home' } });
    await enterIdentifier(user, 'ada@example.com');
    await user.type(await screen.findByLabelText('Password'), `${PASSWORD}{Enter}`);
    await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/reports/42?range=week'));
  });

  it('ignores redirect_url=//evil.com and uses the fallback', async () => {
    window.history.replaceState(null, '', '/login?redirect_url=%2F%2Fevil.com');
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const { user, routerPush } = renderSignIn(app, { props: { routing: 'virtual', fallbackRedirectUrl: '/home' } });
    await enterIdentifier(user, 'ada@example.com');
    await user.type(await screen.findByLabelText('Password'), `${PASSWORD}{Enter}`);
    await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/home'));
    expect(routerPush).not.toHaveBeenCalledWith(expect.stringContaining('evil'));
  });

  it('links to sign-up (the signUpUrl prop) carrying the redirect', async () => {
    const { user, routerPush } = renderSignIn(app, { props: { routing: 'virtual', signUpUrl: '/register', forceRedirectUrl: '/after' } });
    const link = await screen.findByRole('link', { name: 'Sign up' });
    expect(link.getAttribute('href')).toBe('/register?redirect_url=%2Fafter');
    await user.click(link);
    expect(routerPush).toHaveBeenCalledWith('/register?redirect_url=%2Fafter');
  });

  it('a factor step without a sign-in attempt goes back to the identifier', async () => {
    window.history.replaceState(null, '', '/#/password');
    renderSignIn(app, { props: { routing: 'hash' } });
    expect(await screen.findByLabelText('Email address')).toBeTruthy();
    await act(async () => undefined);
    expect(window.location.hash).toBe('#/');
  });
});
