import { startUsherMockServer } from '@usher/testing/node';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Usher } from '@usher/core';
import type { ReactNode } from 'react';
import { UsherProvider } from '../provider/UsherProvider.tsx';
import { useAuth } from './use-auth.ts';
import { useSignIn, useUser } from './use-resources.ts';
import { useUsher } from './use-usher.ts';

const mock = startUsherMockServer();
const instances: Usher[] = [];
afterEach(() => {
  instances.splice(0).forEach((u) => u.destroy());
  document.cookie = '__session=; Max-Age=0; Path=/';
  mock.server.resetHandlers();
  mock.reset();
});
afterAll(() => mock.close());

function withUsher(usher: Usher) {
  instances.push(usher);
  return ({ children }: { children: ReactNode }) => <UsherProvider usher={usher}>{children}</UsherProvider>;
}

describe('useAuth', () => {
  it('is undefined before load, then null when signed out', async () => {
    const { result } = renderHook(() => useAuth(), { wrapper: withUsher(new Usher({ frontendApi: '' })) });
    expect(result.current).toMatchObject({ isLoaded: false, isSignedIn: undefined, userId: undefined });
    await waitFor(() => expect(result.current.isLoaded).toBe(true));
    expect(result.current).toMatchObject({ isSignedIn: false, userId: null, sessionId: null });
  });

  it('follows a sign-in made through useSignIn, then a sign-out, without a reload', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: 'correct horse battery staple' });
    const { result } = renderHook(() => ({ auth: useAuth(), signIn: useSignIn(), user: useUser() }), { wrapper: withUsher(new Usher({ frontendApi: '' })) });
    await waitFor(() => expect(result.current.auth.isLoaded).toBe(true));

    await act(async () => {
      const attempt = await result.current.signIn.signIn!.create({ identifier: 'ada@example.com', strategy: 'password', password: 'correct horse battery staple' });
      await result.current.signIn.setActive({ session: attempt.createdSessionId });
    });
    expect(result.current.auth).toMatchObject({ isSignedIn: true, userId: expect.stringMatching(/^user_/), sessionId: expect.stringMatching(/^sess_/) });
    expect(result.current.user.user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com');
    const jwt = await result.current.auth.getToken();
    expect(jwt?.split('.')).toHaveLength(3);

    await act(() => result.current.auth.signOut());
    expect(result.current.auth).toMatchObject({ isSignedIn: false, userId: null });
    expect(result.current.user.user).toBeNull();
  });
});

describe('UsherProvider', () => {
  it('creates and loads a client from frontendApi, and a custom flow can sign in with it', async () => {
    await mock.seedUser({ email: 'grace@example.com', password: 'correct horse battery staple' });
    function Greeting() {
      const usher = useUsher();
      instances.push(usher);
      const { user, isLoaded } = useUser();
      if (!isLoaded) return <p>Loading</p>;
      if (!user) {
        return (
          <button
            onClick={async () => {
              const attempt = await usher.signIn.create({ identifier: 'grace@example.com', strategy: 'password', password: 'correct horse battery staple' });
              await usher.setActive({ session: attempt.createdSessionId });
            }}
          >
            Sign in
          </button>
        );
      }
      return <p>Hello {user.primaryEmailAddress?.emailAddress}</p>;
    }
    render(
      <UsherProvider frontendApi="">
        <Greeting />
      </UsherProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Hello grace@example.com')).toBeTruthy();
  });

  it('tells the developer when a hook is used outside the provider', () => {
    expect(() => renderHook(() => useAuth())).toThrow(/inside <UsherProvider>/);
  });

  it('tells the developer when frontendApi is missing', () => {
    expect(() => render(<UsherProvider />)).toThrow(/needs a `frontendApi`/);
  });
});
