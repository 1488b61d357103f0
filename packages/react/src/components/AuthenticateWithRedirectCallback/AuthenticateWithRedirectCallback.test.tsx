import type { Usher } from '@usher/core';
import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { StrictMode, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { setupMockApp } from '../../test-support/mock-app.ts';
import { AuthProbe } from '../../test-support/render-sign-in.tsx';
import { openPage, returnFromProvider, useLoopbackProvider } from '../../test-support/oauth-provider.ts';
import { SignIn } from '../SignIn/SignIn.tsx';
import { SignUp } from '../SignUp/SignUp.tsx';
import { AuthenticateWithRedirectCallback } from './AuthenticateWithRedirectCallback.tsx';

const PASSWORD = 'correct horse battery staple';
const app = setupMockApp();
const { mock } = app;
const acme = useLoopbackProvider(mock);


/**
 * A page of the app: the provider around `children`, and who is signed in. The host router's
 * push/replace are spies (they record, the URL stays); `history: true` leaves navigation to the
 * History API instead (the URL follows).
 */
function renderPage(children: ReactNode, usher: Usher = app.newUsher(), options: { strict?: boolean; history?: boolean } = {}) {
  const routerPush = vi.fn();
  const routerReplace = vi.fn();
  const host = options.history ? {} : { routerPush, routerReplace };
  const page = (
    <UsherProvider usher={usher} {...host}>
      {children}
      <AuthProbe />
    </UsherProvider>
  );
  const view = render(options.strict ? <StrictMode>{page}</StrictMode> : page);
  return { ...view, usher, routerPush, routerReplace, user: userEvent.setup() };
}

/** Starts a social sign-in (or sign-up) for `sub` through the SDK and comes back: the return page's URL. */
async function startAndReturn(sub: string, kind: 'signIn' | 'signUp' = 'signIn', options: { deny?: boolean } = {}): Promise<string> {
  const navigate = vi.fn();
  const usher = app.newUsher({ navigate });
  await usher.load();
  await usher[kind].authenticateWithRedirect({ strategy: 'oauth_acme', redirectUrl: '/sso-callback', redirectUrlComplete: '/dashboard' });
  return returnFromProvider(mock, acme(), navigate.mock.calls[0]![0] as string, sub, options);
}

/** POSTs of the forwarded answer seen from now on. */
function countCallbackPosts(): { count: () => number } {
  let posts = 0;
  mock.server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && request.url.endsWith('/v1/client/oauth_callback')) posts++;
  });
  return { count: () => posts };
}

describe('AuthenticateWithRedirectCallback', () => {
  it('signs a person in, says so meanwhile, cleans the address bar and goes to the page the flow asked for', async () => {
    acme().addAccount({ sub: 'ada', email: 'ada@example.com', email_verified: true, given_name: 'Ada' });
    openPage(await startAndReturn('ada'));
    expect(window.location.search).toContain('__usher_oauth=');
    const { routerReplace, usher } = renderPage(<AuthenticateWithRedirectCallback />);
    expect(screen.getByText('Signing you in…')).toBeTruthy();
    await waitFor(() => expect(routerReplace).toHaveBeenCalledWith('/dashboard'));
    expect(screen.getByLabelText('auth state').textContent).toBe('signed in');
    expect(usher.user?.externalAccounts.map((a) => a.provider)).toEqual(['acme']);
    expect(window.location.search).not.toContain('__usher_oauth');
  });

  it('posts the answer once under React StrictMode (effects run twice)', async () => {
    acme().addAccount({ sub: 'strict', email: 'strict@example.com', email_verified: true });
    openPage(await startAndReturn('strict'));
    const posts = countCallbackPosts();
    const { routerReplace } = renderPage(<AuthenticateWithRedirectCallback signInForceRedirectUrl="/welcome" />, app.newUsher(), { strict: true });
    await waitFor(() => expect(routerReplace).toHaveBeenCalledWith('/welcome'));
    expect(routerReplace).toHaveBeenCalledTimes(1);
    expect(posts.count()).toBe(1);
    mock.server.events.removeAllListeners();
  });

  it('an address the provider does not vouch for: the sign-up continue step sends the code, then the account exists', async () => {
    acme().addAccount({ sub: 'una', email: 'una@example.com', email_verified: false, given_name: 'Una' });
    openPage(await startAndReturn('una', 'signUp'));
    const callback = renderPage(<AuthenticateWithRedirectCallback />);
    await waitFor(() => expect(callback.routerReplace).toHaveBeenCalledTimes(1));
    const next = callback.routerReplace.mock.calls[0]![0] as string;
    expect(next).toBe('/sign-up?redirect_url=%2Fdashboard#/continue');
    callback.unmount();

    // The sign-up page (path routing) takes the hash route over: /sign-up/continue, then the code step.
    openPage(next);
    const { user } = renderPage(<SignUp routing="path" path="/sign-up" />, app.newUsher(), { history: true });
    expect(await screen.findByRole('heading', { name: 'Verify your email' })).toBeTruthy();
    expect(window.location.pathname).toBe('/sign-up/verify-email-address');
    // No password was asked for: the provider account stands in for it.
    expect(screen.queryByLabelText('Password')).toBeNull();
    await user.keyboard((await mock.mailbox.latestCode('una@example.com'))!);
    await waitFor(() => expect(screen.getByLabelText('auth state').textContent).toBe('signed in'));
  });

  it('an existing account whose address the provider does not vouch for: the sign-in continue step asks for its password, which links the provider', async () => {
    await mock.seedUser({ email: 'grace@example.com', password: PASSWORD });
    acme().addAccount({ sub: 'grace', email: 'grace@example.com', email_verified: false });
    openPage(await startAndReturn('grace'));
    const callback = renderPage(<AuthenticateWithRedirectCallback />);
    await waitFor(() => expect(callback.routerReplace).toHaveBeenCalledTimes(1));
    const next = callback.routerReplace.mock.calls[0]![0] as string;
    expect(next).toBe('/sign-in?redirect_url=%2Fdashboard#/continue');
    callback.unmount();

    openPage(next);
    const { user, usher } = renderPage(<SignIn routing="path" path="/sign-in" />, app.newUsher(), { history: true });
    const password = await screen.findByLabelText('Password');
    expect(screen.getByText('grace@example.com')).toBeTruthy();
    await user.type(password, `${PASSWORD}{Enter}`);
    await waitFor(() => expect(screen.getByLabelText('auth state').textContent).toBe('signed in'));
    expect(usher.user?.externalAccounts.map((a) => a.provider)).toEqual(['acme']);
  });

  it('SignIn handles the return on its own sso-callback route by default', async () => {
    acme().addAccount({ sub: 'own', email: 'own@example.com', email_verified: true });
    openPage('/sign-in');
    const navigate = vi.fn((_url: string) => new Promise<never>(() => undefined));
    const start = renderPage(<SignIn routing="path" path="/sign-in" fallbackRedirectUrl="/home" />, app.newUsher({ navigate }));
    await start.user.click(await screen.findByRole('button', { name: 'Continue with Acme ID' }));
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    const back = await returnFromProvider(mock, acme(), navigate.mock.calls[0]![0] as string, 'own');
    expect(back).toMatch(/^http:\/\/localhost:3000\/sign-in\/sso-callback\?__usher_oauth=/);
    start.unmount();

    openPage(back);
    const { routerReplace } = renderPage(<SignIn routing="path" path="/sign-in" fallbackRedirectUrl="/home" />);
    await waitFor(() => expect(routerReplace).toHaveBeenCalledWith('/home'));
    expect(screen.getByLabelText('auth state').textContent).toBe('signed in');
  });

  it('an answer that is not valid: the reason, and a link back to sign in', async () => {
    openPage('/sso-callback?__usher_oauth=state%3Dnot-a-real-one%26code%3Dx');
    const { user, routerPush } = renderPage(<AuthenticateWithRedirectCallback signInUrl="/login" />);
    expect((await screen.findByRole('alert')).textContent).toBe('This sign-in link from the provider is no longer valid. Start again.');
    expect(screen.getByRole('heading', { name: 'We could not sign you in' })).toBeTruthy();
    const back = screen.getByRole('link', { name: 'Back to sign in' });
    expect(back.getAttribute('href')).toBe('/login?redirect_url=%2F');
    await user.click(back);
    expect(routerPush).toHaveBeenCalledWith('/login?redirect_url=%2F');
  });

  it('someone who declined at the provider is told so; a page opened without an answer posts nothing', async () => {
    acme().addAccount({ sub: 'no', email: 'no@example.com', email_verified: true });
    openPage(await startAndReturn('no', 'signIn', { deny: true }));
    const first = renderPage(<AuthenticateWithRedirectCallback />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/You cancelled the sign-in at the provider/);
    expect(screen.getByLabelText('auth state').textContent).toBe('signed out');
    first.unmount();

    openPage('/sso-callback');
    const posts = countCallbackPosts();
    renderPage(<AuthenticateWithRedirectCallback />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/no longer valid/);
    expect(posts.count()).toBe(0);
    mock.server.events.removeAllListeners();
  });
});
