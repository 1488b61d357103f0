import { setupMockApp } from '../test-support/mock-app.ts';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Usher } from '@usher/core';
import { UsherProvider } from '../provider/UsherProvider.tsx';
import { RedirectToSignIn } from './RedirectToSignIn.tsx';
import { RedirectToSignUp } from './RedirectToSignUp.tsx';
import { SignedOut } from './SignedOut.tsx';

const { instances } = setupMockApp({ instanceConfig: { urls: { signIn: '/auth/login', signUp: '/auth/register' } } });
afterEach(() => {
  cleanup();
});

function fresh(): Usher {
  const usher = new Usher({ frontendApi: '' });
  instances.push(usher);
  return usher;
}

function query(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url, 'http://localhost:3000').searchParams);
}

describe('RedirectToSignIn', () => {
  it('sends a signed-out visitor to the instance sign-in page, once, with redirect_url set to the page they wanted', async () => {
    window.history.replaceState(null, '', '/reports/42?range=week#chart');
    const navigate = vi.fn();
    const { container } = render(
      <StrictMode>
        <UsherProvider usher={fresh()}>
          <SignedOut>
            <RedirectToSignIn navigate={navigate} />
          </SignedOut>
        </UsherProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    expect(navigate).toHaveBeenCalledTimes(1);
    const to = navigate.mock.calls[0]![0] as string;
    expect(to.startsWith('/auth/login?')).toBe(true);
    expect(query(to)).toEqual({ redirect_url: 'http://localhost:3000/reports/42?range=week#chart' });
    expect(container.innerHTML).toBe('');
  });

  it('refuses a //evil.com style redirectUrl and comes back to the current page instead', async () => {
    window.history.replaceState(null, '', '/settings');
    const navigate = vi.fn();
    render(
      <UsherProvider usher={fresh()}>
        <RedirectToSignIn navigate={navigate} redirectUrl="//evil.com" forceRedirectUrl="/\evil.com" fallbackRedirectUrl="https://app.com@evil.com/" />
      </UsherProvider>,
    );
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    expect(query(navigate.mock.calls[0]![0] as string)).toEqual({ redirect_url: 'http://localhost:3000/settings' });
  });

  it('keeps an allowed redirectUrl and the force/fallback targets', async () => {
    const navigate = vi.fn();
    render(
      <UsherProvider usher={fresh()}>
        <RedirectToSignIn navigate={navigate} redirectUrl="/checkout?step=2" forceRedirectUrl="http://localhost:3000/welcome" fallbackRedirectUrl="/home" />
      </UsherProvider>,
    );
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    expect(query(navigate.mock.calls[0]![0] as string)).toEqual({
      redirect_url: '/checkout?step=2',
      force_redirect_url: 'http://localhost:3000/welcome',
      fallback_redirect_url: '/home',
    });
  });

  it('with a signInUrl prop, leaves at once without waiting for the instance settings', async () => {
    const navigate = vi.fn();
    render(
      <UsherProvider usher={fresh()}>
        <RedirectToSignIn navigate={navigate} signInUrl="/login?theme=dark" />
      </UsherProvider>,
    );
    expect(navigate).toHaveBeenCalledWith('/login?theme=dark&redirect_url=http%3A%2F%2Flocalhost%3A3000%2F');
  });

  it('replaces the history entry through the provider routerReplace', async () => {
    const routerReplace = vi.fn();
    const routerPush = vi.fn();
    render(
      <UsherProvider usher={fresh()} routerPush={routerPush} routerReplace={routerReplace}>
        <RedirectToSignIn />
      </UsherProvider>,
    );
    await waitFor(() => expect(routerReplace).toHaveBeenCalledWith('/auth/login?redirect_url=http%3A%2F%2Flocalhost%3A3000%2F'));
    expect(routerPush).not.toHaveBeenCalled();
  });

  it('tells the developer when signInUrl is not a page URL', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(() =>
        render(
          <UsherProvider usher={fresh()}>
            <RedirectToSignIn navigate={() => undefined} signInUrl="javascript:alert(1)" />
          </UsherProvider>,
        ),
      ).toThrow(TypeError);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('RedirectToSignUp', () => {
  it('sends the visitor to the instance sign-up page with redirect_url set to the current page', async () => {
    window.history.replaceState(null, '', '/invite/abc');
    const navigate = vi.fn();
    render(
      <UsherProvider usher={fresh()}>
        <p>Redirecting…</p>
        <RedirectToSignUp navigate={navigate} redirectUrl="https://evil.com/" />
      </UsherProvider>,
    );
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    const to = navigate.mock.calls[0]![0] as string;
    expect(to.startsWith('/auth/register?')).toBe(true);
    expect(query(to)).toEqual({ redirect_url: 'http://localhost:3000/invite/abc' });
    expect(screen.getByText('Redirecting…')).toBeTruthy();
  });
});
