import { setupMockApp } from '../test-support/mock-app.ts';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Usher } from '@usher/core';
import { UsherProvider } from '../provider/UsherProvider.tsx';
import { useAuth } from '../hooks/use-auth.ts';
import { SignInButton } from './SignInButton.tsx';
import { SignOutButton } from './SignOutButton.tsx';
import { SignUpButton } from './SignUpButton.tsx';

// The instance's own pages, so the tests can tell them from the built-in defaults.
const { mock, instances } = setupMockApp({ instanceConfig: { urls: { signIn: '/auth/login', signUp: '/auth/register', afterSignOut: '/see-you' } } });
afterEach(() => {
  cleanup();
});

async function loaded(): Promise<Usher> {
  const usher = new Usher({ frontendApi: '' });
  instances.push(usher);
  await usher.load();
  return usher;
}

async function signedIn(email = 'ada@example.com'): Promise<Usher> {
  await mock.seedUser({ email, password: 'correct horse battery staple' });
  const usher = await loaded();
  const attempt = await usher.signIn.create({ identifier: email, strategy: 'password', password: 'correct horse battery staple' });
  await usher.setActive({ session: attempt.createdSessionId });
  return usher;
}

function query(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url, 'http://localhost:3000').searchParams);
}

describe('SignInButton', () => {
  it('opens the instance sign-in page with redirect_url set to the current page', async () => {
    window.history.replaceState(null, '', '/billing?tab=2');
    const navigate = vi.fn();
    render(
      <UsherProvider usher={await loaded()}>
        <SignInButton navigate={navigate} />
      </UsherProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(navigate).toHaveBeenCalledTimes(1);
    const to = navigate.mock.calls[0]![0] as string;
    expect(to.startsWith('/auth/login?')).toBe(true);
    expect(query(to)).toEqual({ redirect_url: 'http://localhost:3000/billing?tab=2' });
  });

  it('passes forceRedirectUrl and fallbackRedirectUrl as query, and drops those the allow-list refuses', async () => {
    const navigate = vi.fn();
    render(
      <UsherProvider usher={await loaded()}>
        <SignInButton navigate={navigate} forceRedirectUrl="/welcome">
          Force
        </SignInButton>
        <SignInButton navigate={navigate} fallbackRedirectUrl="/dashboard" forceRedirectUrl="//evil.com">
          Fallback
        </SignInButton>
        <SignInButton navigate={navigate} fallbackRedirectUrl="https://evil.com/phish" forceRedirectUrl="javascript:alert(1)">
          Evil
        </SignInButton>
      </UsherProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Force' }));
    await userEvent.click(screen.getByRole('button', { name: 'Fallback' }));
    await userEvent.click(screen.getByRole('button', { name: 'Evil' }));
    const [force, fallback, evil] = navigate.mock.calls.map(([to]) => query(to as string));
    expect(force).toEqual({ redirect_url: 'http://localhost:3000/', force_redirect_url: '/welcome' });
    expect(fallback).toEqual({ redirect_url: 'http://localhost:3000/', fallback_redirect_url: '/dashboard' });
    expect(evil).toEqual({ redirect_url: 'http://localhost:3000/' });
  });

  it('goes to the signInUrl prop rather than the instance page, keeping an absolute URL absolute', async () => {
    const navigate = vi.fn();
    render(
      <UsherProvider usher={await loaded()}>
        <SignInButton navigate={navigate} signInUrl="https://accounts.example.com/sign-in" />
      </UsherProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(navigate).toHaveBeenCalledWith('https://accounts.example.com/sign-in?redirect_url=http%3A%2F%2Flocalhost%3A3000%2F');
  });

  it('makes a single child element the trigger: it gets the click, the ref and the props, and can cancel', async () => {
    const navigate = vi.fn();
    const ref = createRef<HTMLButtonElement>();
    const childClick = vi.fn();
    render(
      <UsherProvider usher={await loaded()}>
        <SignInButton navigate={navigate} ref={ref} className="from-button">
          <a href="#login" className="nav-link" onClick={childClick}>
            Log in
          </a>
        </SignInButton>
        <SignInButton navigate={navigate}>
          <a href="#cancelled" onClick={(event) => event.preventDefault()}>
            Not now
          </a>
        </SignInButton>
      </UsherProvider>,
    );
    expect(screen.queryByRole('button')).toBeNull();
    const link = screen.getByRole('link', { name: 'Log in' });
    expect(ref.current).toBe(link);
    expect(link.className).toBe('nav-link');

    await userEvent.click(link);
    expect(childClick).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate.mock.calls[0]![0]).toMatch(/^\/auth\/login\?redirect_url=/);

    await userEvent.click(screen.getByRole('link', { name: 'Not now' }));
    expect(navigate).toHaveBeenCalledTimes(1);
  });

  it('forwards its ref and button props to the button it renders', async () => {
    const ref = createRef<HTMLButtonElement>();
    render(
      <UsherProvider usher={await loaded()}>
        <SignInButton ref={ref} className="cta" navigate={() => undefined}>
          Log in to continue
        </SignInButton>
      </UsherProvider>,
    );
    const button = screen.getByRole('button', { name: 'Log in to continue' });
    expect(ref.current).toBe(button);
    expect(button.getAttribute('type')).toBe('button');
    expect(button.className).toBe('cta');
  });
});

describe('navigation through the app router', () => {
  it('buttons use the provider routerPush for pages of this origin; a navigate prop wins over it', async () => {
    const routerPush = vi.fn();
    const navigate = vi.fn();
    const usher = await signedIn();
    render(
      <UsherProvider usher={usher} routerPush={routerPush}>
        <SignInButton />
        <SignUpButton navigate={navigate} />
        <SignOutButton redirectUrl="/goodbye" />
      </UsherProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(routerPush).toHaveBeenLastCalledWith(expect.stringMatching(/^\/auth\/login\?redirect_url=/));
    await userEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    expect(navigate).toHaveBeenCalledWith(expect.stringMatching(/^\/auth\/register\?redirect_url=/));
    expect(routerPush).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(routerPush).toHaveBeenLastCalledWith('/goodbye'));
    expect(usher.session).toBeNull();
  });
});

describe('SignUpButton', () => {
  it('opens the instance sign-up page with redirect_url set to the current page', async () => {
    window.history.replaceState(null, '', '/pricing');
    const navigate = vi.fn();
    render(
      <UsherProvider usher={await loaded()}>
        <SignUpButton navigate={navigate} fallbackRedirectUrl="/onboarding" />
      </UsherProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    const to = navigate.mock.calls[0]![0] as string;
    expect(to.startsWith('/auth/register?')).toBe(true);
    expect(query(to)).toEqual({ redirect_url: 'http://localhost:3000/pricing', fallback_redirect_url: '/onboarding' });
  });
});

describe('SignOutButton', () => {
  function Status() {
    const { isSignedIn } = useAuth();
    return <p>{isSignedIn ? 'Signed in' : 'Signed out'}</p>;
  }

  it('signs out, then goes to the instance after-sign-out page', async () => {
    const navigate = vi.fn();
    render(
      <UsherProvider usher={await signedIn()}>
        <Status />
        <SignOutButton navigate={navigate} />
      </UsherProvider>,
    );
    expect(screen.getByText('Signed in')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('Signed out')).toBeTruthy();
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/see-you'));
    expect(navigate).toHaveBeenCalledTimes(1);
  });

  it('goes to redirectUrl when the allow-list accepts it, and to the safe default when not', async () => {
    const navigate = vi.fn();
    const usher = await signedIn();
    const { rerender } = render(
      <UsherProvider usher={usher}>
        <SignOutButton navigate={navigate} redirectUrl="/goodbye" />
      </UsherProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(navigate).toHaveBeenLastCalledWith('/goodbye'));

    await mock.seedUser({ email: 'grace@example.com', password: 'correct horse battery staple' });
    const attempt = await usher.signIn.create({ identifier: 'grace@example.com', strategy: 'password', password: 'correct horse battery staple' });
    await usher.setActive({ session: attempt.createdSessionId });
    rerender(
      <UsherProvider usher={usher}>
        <SignOutButton navigate={navigate} redirectUrl="//evil.com" />
      </UsherProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(navigate).toHaveBeenLastCalledWith('/see-you'));
  });

  it('with sessionId, ends that session on the server', async () => {
    const usher = await signedIn();
    const sessionId = usher.session!.id;
    const navigate = vi.fn();
    render(
      <UsherProvider usher={usher}>
        <Status />
        <SignOutButton navigate={navigate} sessionId={sessionId}>
          <button type="button">Leave this account</button>
        </SignOutButton>
      </UsherProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Leave this account' }));
    expect(await screen.findByText('Signed out')).toBeTruthy();
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/see-you'));
    const stored = await mock.store.getSession(sessionId);
    expect(stored?.status).toBe('ended');
  });
});

describe('button labels', () => {
  it('come from the localization, in English by default and overridable', async () => {
    const usher = await loaded();
    const { unmount } = render(
      <UsherProvider usher={usher}>
        <SignInButton />
        <SignUpButton />
        <SignOutButton />
      </UsherProvider>,
    );
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign up' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    unmount();

    render(
      <UsherProvider usher={usher} localization={{ controls: { signInButton: 'Anmelden', signUpButton: 'Registrieren', signOutButton: 'Abmelden' } }}>
        <SignInButton />
        <SignUpButton />
        <SignOutButton />
      </UsherProvider>,
    );
    expect(screen.getByRole('button', { name: 'Anmelden' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Registrieren' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Abmelden' })).toBeTruthy();
  });
});
