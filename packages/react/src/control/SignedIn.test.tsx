import { setupMockApp } from '../test-support/mock-app.ts';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Usher } from '@usher/core';
import { UsherProvider } from '../provider/UsherProvider.tsx';
import { useUsher } from '../hooks/use-usher.ts';
import { Loaded } from './Loaded.tsx';
import { Loading } from './Loading.tsx';
import { SignedIn } from './SignedIn.tsx';
import { SignedOut } from './SignedOut.tsx';
import { SignOutButton } from './SignOutButton.tsx';

const { mock, instances } = setupMockApp();
afterEach(() => {
  // Testing Library only cleans up by itself when vitest globals are on; they are not.
  cleanup();
});

function fresh(): Usher {
  const usher = new Usher({ frontendApi: '' });
  instances.push(usher);
  return usher;
}

function PasswordSignIn({ email }: { email: string }) {
  const usher = useUsher();
  return (
    <button
      onClick={async () => {
        const attempt = await usher.signIn.create({ identifier: email, strategy: 'password', password: 'correct horse battery staple' });
        await usher.setActive({ session: attempt.createdSessionId });
      }}
    >
      Sign in with password
    </button>
  );
}

describe('SignedIn, SignedOut, Loaded and Loading', () => {
  it('show nothing but <Loading> until the client is known, then only <SignedOut> and <Loaded> for a visitor', async () => {
    render(
      <UsherProvider usher={fresh()}>
        <Loading>
          <p>Loading…</p>
        </Loading>
        <Loaded>
          <p>Ready</p>
        </Loaded>
        <SignedIn>
          <p>Welcome back</p>
        </SignedIn>
        <SignedOut>
          <p>Please sign in</p>
        </SignedOut>
      </UsherProvider>,
    );
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(screen.queryByText('Ready')).toBeNull();
    expect(screen.queryByText('Welcome back')).toBeNull();
    expect(screen.queryByText('Please sign in')).toBeNull();

    expect(await screen.findByText('Please sign in')).toBeTruthy();
    expect(screen.getByText('Ready')).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.queryByText('Welcome back')).toBeNull();
  });

  it('switch live when the visitor signs in, then out, without a reload', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: 'correct horse battery staple' });
    const navigate = vi.fn();
    render(
      <UsherProvider usher={fresh()}>
        <SignedOut>
          <p>Please sign in</p>
          <PasswordSignIn email="ada@example.com" />
        </SignedOut>
        <SignedIn>
          <p>Welcome back</p>
          <SignOutButton navigate={navigate} />
        </SignedIn>
      </UsherProvider>,
    );

    await userEvent.click(await screen.findByRole('button', { name: 'Sign in with password' }));
    expect(await screen.findByText('Welcome back')).toBeTruthy();
    expect(screen.queryByText('Please sign in')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('Please sign in')).toBeTruthy();
    expect(screen.queryByText('Welcome back')).toBeNull();
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/'));
  });

  it('show <SignedIn> at once for a returning visitor whose session is still active', async () => {
    await mock.seedUser({ email: 'grace@example.com', password: 'correct horse battery staple' });
    const first = fresh();
    await first.load();
    const attempt = await first.signIn.create({ identifier: 'grace@example.com', strategy: 'password', password: 'correct horse battery staple' });
    await first.setActive({ session: attempt.createdSessionId });

    // A new page load: a new SDK instance, same browser cookies.
    render(
      <UsherProvider usher={fresh()}>
        <SignedIn>
          <p>Welcome back</p>
        </SignedIn>
        <SignedOut>
          <p>Please sign in</p>
        </SignedOut>
      </UsherProvider>,
    );
    expect(await screen.findByText('Welcome back')).toBeTruthy();
    expect(screen.queryByText('Please sign in')).toBeNull();
  });
});
