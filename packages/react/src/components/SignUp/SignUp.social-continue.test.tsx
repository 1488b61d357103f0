import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { Usher } from '@usher/core';
import { describe, expect, it, vi } from 'vitest';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { setupMockApp } from '../../test-support/mock-app.ts';
import { AuthProbe } from '../../test-support/render-sign-in.tsx';
import { openPage, returnFromProvider, useLoopbackProvider } from '../../test-support/oauth-provider.ts';
import { AuthenticateWithRedirectCallback } from '../AuthenticateWithRedirectCallback/AuthenticateWithRedirectCallback.tsx';
import { SignUp } from './SignUp.tsx';

// An instance that requires a username and legal consent: a provider gives neither.
const app = setupMockApp({ instanceConfig: { attributes: { username: { enabled: true, required: true } }, signUp: { legalConsentEnabled: true } } });
const { mock } = app;
const acme = useLoopbackProvider(mock);


/** The sign-up page with path routing; navigation through the History API (the URL follows). */
function renderSignUpPage(usher: Usher = app.newUsher()) {
  const view = render(
    <UsherProvider usher={usher}>
      <SignUp routing="path" path="/sign-up" />
      <AuthProbe />
    </UsherProvider>,
  );
  return { ...view, usher, user: userEvent.setup() };
}

/** The return page: answers where it sends the person (the host router's replace, recorded). */
async function throughReturnPage(url: string): Promise<string> {
  openPage(url);
  const routerReplace = vi.fn();
  const view = render(
    <UsherProvider usher={app.newUsher()} routerReplace={routerReplace}>
      <AuthenticateWithRedirectCallback />
    </UsherProvider>,
  );
  await waitFor(() => expect(routerReplace).toHaveBeenCalledTimes(1));
  view.unmount();
  return routerReplace.mock.calls[0]![0] as string;
}

describe('SignUp continue step after a provider (username and consent required)', () => {
  it('asks only for what is missing (username, consent), never a password or the address the provider vouched for', async () => {
    acme().addAccount({ sub: 'ada', email: 'ada@example.com', email_verified: true, given_name: 'Ada' });
    const navigate = vi.fn();
    const starter = app.newUsher({ navigate });
    await starter.load();
    await starter.signUp.authenticateWithRedirect({ strategy: 'oauth_acme', redirectUrl: '/sso-callback' });
    const next = await throughReturnPage(await returnFromProvider(mock, acme(), navigate.mock.calls[0]![0] as string, 'ada'));
    expect(next).toBe('/sign-up?redirect_url=%2F#/continue');

    openPage(next);
    const { user } = renderSignUpPage();
    expect(await screen.findByRole('heading', { name: 'Fill in missing fields' })).toBeTruthy();
    expect(window.location.pathname).toBe('/sign-up/continue');
    const username = screen.getByLabelText('Username');
    await waitFor(() => expect(document.activeElement).toBe(username));
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(screen.queryByLabelText('Email address')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(username.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText('auth state').textContent).toBe('signed out');

    await user.type(username, 'ada_l');
    await user.click(screen.getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(screen.getByLabelText('auth state').textContent).toBe('signed in'));
  });

  it('consent given on the start step before choosing the provider is not asked again', async () => {
    acme().addAccount({ sub: 'grace', email: 'grace@example.com', email_verified: true });
    openPage('/sign-up');
    const navigate = vi.fn((_url: string) => new Promise<never>(() => undefined));
    const { user, unmount } = renderSignUpPage(app.newUsher({ navigate }));
    await user.click(await screen.findByRole('checkbox'));
    await user.click(await screen.findByRole('button', { name: 'Continue with Acme ID' }));
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    const back = await returnFromProvider(mock, acme(), navigate.mock.calls[0]![0] as string, 'grace');
    // SignUp's own return route by default.
    expect(back).toMatch(/^http:\/\/localhost:3000\/sign-up\/sso-callback\?__usher_oauth=/);
    unmount();

    openPage(back);
    renderSignUpPage();
    expect(await screen.findByRole('heading', { name: 'Fill in missing fields' })).toBeTruthy();
    expect(screen.getByLabelText('Username')).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
