import { setupMockApp } from '../test-support/mock-app.ts';
import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Usher } from '@usher/core';
import type { ReactNode } from 'react';
import { UsherProvider } from '../provider/UsherProvider.tsx';
import { useAuth } from './use-auth.ts';
import { useSignIn, useUser } from './use-resources.ts';
import { useUsher } from './use-usher.ts';

const { mock, instances } = setupMockApp();
afterEach(() => {
  // Testing Library only cleans up by itself when vitest globals are on; they are not.
  cleanup();
});

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

describe('useAuth: organization and has()', () => {
  it('gives undefined organization values before load, null when signed out, and has() answers false', async () => {
    const { result } = renderHook(() => useAuth(), { wrapper: withUsher(new Usher({ frontendApi: '' })) });
    expect(result.current).toMatchObject({ orgId: undefined, orgRole: undefined, orgSlug: undefined });
    expect(result.current.has({ role: 'admin' })).toBe(false);
    await waitFor(() => expect(result.current.isLoaded).toBe(true));
    expect(result.current).toMatchObject({ orgId: null, orgRole: null, orgSlug: null });
    expect(result.current.has({ permission: 'org:invoices:read' })).toBe(false);
  });

  it('given a signed-in user without an active organization, the organization is null and has() fails closed', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: 'correct horse battery staple' });
    const usher = new Usher({ frontendApi: '' });
    await usher.load();
    const attempt = await usher.signIn.create({ identifier: 'ada@example.com', strategy: 'password', password: 'correct horse battery staple' });
    await usher.setActive({ session: attempt.createdSessionId });
    const { result } = renderHook(() => useAuth(), { wrapper: withUsher(usher) });
    await waitFor(() => expect(result.current.orgId).toBeNull());
    expect(result.current).toMatchObject({ isSignedIn: true, orgRole: null, orgSlug: null });
    expect(result.current.has({ role: 'admin' })).toBe(false);
  });

  it('reads the active organization from the session token claims', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: 'correct horse battery staple' });
    const usher = new Usher({ frontendApi: '' });
    await usher.load();
    const attempt = await usher.signIn.create({ identifier: 'ada@example.com', strategy: 'password', password: 'correct horse battery staple' });
    await usher.setActive({ session: attempt.createdSessionId });
    // Organizations come later; an unsigned token stands in (the UI reads claims, never verifies).
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    mock.server.use(
      http.post('*/v1/client/sessions/:sessionId/tokens', ({ params }) => {
        const now = Math.floor(Date.now() / 1000);
        const claims = { sub: usher.user!.id, sid: String(params.sessionId), iat: now, nbf: now, exp: now + 60, org_id: 'org_1', org_role: 'org:admin', org_slug: 'acme', org_permissions: ['org:invoices:read'] };
        return HttpResponse.json({ object: 'token', jwt: `${encode({ alg: 'none' })}.${encode(claims)}.x` });
      }),
    );
    await usher.getToken({ skipCache: true });
    const { result } = renderHook(() => useAuth(), { wrapper: withUsher(usher) });
    await waitFor(() => expect(result.current.orgId).toBe('org_1'));
    expect(result.current).toMatchObject({ orgRole: 'org:admin', orgSlug: 'acme' });
    expect(result.current.has({ role: 'admin' })).toBe(true);
    expect(result.current.has({ permission: 'invoices:read' })).toBe(true);
    expect(result.current.has({ permission: 'invoices:delete' })).toBe(false);
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
