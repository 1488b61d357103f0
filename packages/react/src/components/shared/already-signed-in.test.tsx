import { setupMockApp } from '../../test-support/mock-app.ts';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Usher } from '@usher/core';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { SignIn } from '../SignIn/SignIn.tsx';
import { SignUp } from '../SignUp/SignUp.tsx';

const PASSWORD = 'correct horse battery staple';
const { mock, instances } = setupMockApp({ instanceConfig: { urls: { afterSignIn: '/dashboard', afterSignUp: '/welcome' } } });

async function signedInUsher(): Promise<Usher> {
  await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
  const usher = new Usher({ frontendApi: '' });
  instances.push(usher);
  await usher.load();
  const attempt = await usher.signIn.create({ identifier: 'ada@example.com', strategy: 'password', password: PASSWORD });
  await usher.setActive({ session: attempt.createdSessionId });
  return usher;
}

describe('SignIn and SignUp opened by someone already signed in (single-session instance)', () => {
  it('SignIn shows no form and replaces the page with the after-sign-in URL, once', async () => {
    const usher = await signedInUsher();
    const routerPush = vi.fn();
    const routerReplace = vi.fn();
    render(
      <UsherProvider usher={usher} routerPush={routerPush} routerReplace={routerReplace}>
        <SignIn routing="virtual" />
      </UsherProvider>,
    );
    await waitFor(() => expect(routerReplace).toHaveBeenCalledWith('/dashboard'));
    expect(screen.queryByLabelText('Email address')).toBeNull();
    expect(screen.getAllByLabelText('Loading sign-in').length).toBeGreaterThan(0);
    expect(routerReplace).toHaveBeenCalledTimes(1);
    expect(routerPush).not.toHaveBeenCalled();
  });

  it('SignUp does the same with the after-sign-up URL, and a redirect_url in the page URL wins when allowed', async () => {
    const usher = await signedInUsher();
    window.history.replaceState(null, '', '/sign-up?redirect_url=%2Fbilling');
    const routerReplace = vi.fn();
    render(
      <UsherProvider usher={usher} routerReplace={routerReplace}>
        <SignUp routing="virtual" />
      </UsherProvider>,
    );
    await waitFor(() => expect(routerReplace).toHaveBeenCalledWith('/billing'));
    expect(screen.queryByLabelText('Email address')).toBeNull();
  });

  it('a sign-in completed in the component navigates once (push), not a second time through the signed-in redirect', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const usher = new Usher({ frontendApi: '' });
    instances.push(usher);
    const routerPush = vi.fn();
    const routerReplace = vi.fn();
    const { userEvent } = await import('@testing-library/user-event');
    const user = userEvent.setup();
    render(
      <UsherProvider usher={usher} routerPush={routerPush} routerReplace={routerReplace}>
        <SignIn routing="virtual" />
      </UsherProvider>,
    );
    await user.type(await screen.findByLabelText('Email address'), 'ada@example.com{Enter}');
    await user.type(await screen.findByLabelText('Password'), `${PASSWORD}{Enter}`);
    await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/dashboard'));
    await new Promise((r) => setTimeout(r, 50));
    expect(routerPush).toHaveBeenCalledTimes(1);
    expect(routerReplace).not.toHaveBeenCalled();
  });
});
