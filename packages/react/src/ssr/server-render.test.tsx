// @vitest-environment node
import { setupMockApp } from '../test-support/mock-app.ts';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { Usher } from '@usher/core';
import { UsherProvider } from '../provider/UsherProvider.tsx';
import { useAuth } from '../hooks/use-auth.ts';
import { useSession, useSessionList, useSignIn, useSignUp, useUser } from '../hooks/use-resources.ts';
import { useUsher } from '../hooks/use-usher.ts';
import { Loaded } from '../control/Loaded.tsx';
import { Loading } from '../control/Loading.tsx';
import { Protect } from '../control/Protect.tsx';
import { RedirectToSignIn } from '../control/RedirectToSignIn.tsx';
import { RedirectToSignUp } from '../control/RedirectToSignUp.tsx';
import { SignedIn } from '../control/SignedIn.tsx';
import { SignedOut } from '../control/SignedOut.tsx';
import { SignInButton } from '../control/SignInButton.tsx';
import { SignOutButton } from '../control/SignOutButton.tsx';
import { SignUpButton } from '../control/SignUpButton.tsx';
import type { UsherInitialState } from '../provider/initial-state.ts';

const { mock, instances } = setupMockApp();

/** Every hook, printed, so the markup shows what a server render sees. */
function HookProbe() {
  const usher = useUsher();
  const auth = useAuth();
  const { user } = useUser();
  const { session } = useSession();
  const { sessions } = useSessionList();
  const { signIn } = useSignIn();
  const { signUp } = useSignUp();
  const seen = {
    frontendApi: usher.frontendApi,
    isLoaded: auth.isLoaded,
    isSignedIn: auth.isSignedIn ?? 'undefined',
    userId: auth.userId ?? String(auth.userId),
    orgId: String(auth.orgId),
    hasAdmin: auth.has({ role: 'admin' }),
    email: user?.primaryEmailAddress?.emailAddress ?? String(user),
    session: session === undefined ? 'undefined' : session === null ? 'null' : 'session',
    sessions: sessions === undefined ? 'undefined' : sessions.length,
    signIn: String(signIn?.status),
    signUp: String(signUp?.status),
  };
  return <pre>{JSON.stringify(seen)}</pre>;
}

function App({ usher, initialState }: { usher?: Usher; initialState?: UsherInitialState }) {
  return (
    <UsherProvider {...(usher ? { usher } : { frontendApi: 'https://auth.example.com' })} initialState={initialState ?? null}>
      <Loading>
        <p>Loading…</p>
      </Loading>
      <Loaded>
        <p>Loaded</p>
      </Loaded>
      <SignedIn>
        <p>Welcome back</p>
        <SignOutButton />
      </SignedIn>
      <SignedOut>
        <p>Please sign in</p>
        <SignInButton />
        <SignUpButton>
          <a href="/sign-up">Create an account</a>
        </SignUpButton>
        <RedirectToSignIn />
        <RedirectToSignUp />
      </SignedOut>
      <Protect fallback={<p>Protect fallback</p>}>
        <p>Protected content</p>
      </Protect>
      <Protect role="admin" fallback={<p>Not an admin</p>}>
        <p>Admin content</p>
      </Protect>
      <HookProbe />
    </UsherProvider>
  );
}

describe('server rendering (Node, no window)', () => {
  it('runs without a window or a document', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('renders the not-yet-loaded state: only <Loading>, no SignedIn/SignedOut/Protect output, hooks undefined, and no request', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      const html = renderToString(<App />);
      expect(html).toContain('<p>Loading…</p>');
      for (const absent of ['Loaded</p>', 'Welcome back', 'Please sign in', 'Protect', 'Protected content', 'Admin content', 'Not an admin', '<button']) {
        expect(html).not.toContain(absent);
      }
      const seen = JSON.parse(html.slice(html.indexOf('{'), html.lastIndexOf('}') + 1).replace(/&quot;/g, '"')) as Record<string, unknown>;
      expect(seen).toEqual({
        frontendApi: 'https://auth.example.com',
        isLoaded: false,
        isSignedIn: 'undefined',
        userId: 'undefined',
        orgId: 'undefined',
        hasAdmin: false,
        email: 'undefined',
        session: 'undefined',
        sessions: 'undefined',
        signIn: 'undefined',
        signUp: 'undefined',
      });
      // Effects (load, redirects) never run on the server.
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('renders the buttons of a signed-out visitor with an instance loaded on the server', async () => {
    const usher = new Usher({ frontendApi: mock.origin, transport: 'bearer', storage: null });
    instances.push(usher);
    await usher.load();
    const html = renderToString(<App usher={usher} />);
    expect(html).toContain('<p>Please sign in</p>');
    expect(html).toContain('<button type="button">Sign in</button>');
    expect(html).toContain('<a href="/sign-up">Create an account</a>');
    expect(html).toContain('<p>Protect fallback</p>');
    expect(html).not.toContain('Loading…');
    expect(html).not.toContain('Welcome back');
  });

  it('renders the signed-in view of a user signed in on the server; role checks wait for the client', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: 'correct horse battery staple' });
    const usher = new Usher({ frontendApi: mock.origin, transport: 'bearer', storage: null });
    instances.push(usher);
    await usher.load();
    const attempt = await usher.signIn.create({ identifier: 'ada@example.com', strategy: 'password', password: 'correct horse battery staple' });
    await usher.setActive({ session: attempt.createdSessionId });

    const html = renderToString(<App usher={usher} />);
    expect(html).toContain('<p>Welcome back</p>');
    expect(html).toContain('<button type="button" data-state="idle">Sign out</button>');
    expect(html).toContain('<p>Protected content</p>');
    expect(html).toContain('ada@example.com');
    expect(html).not.toContain('Please sign in');
    // The session claims are read in an effect: a role check renders nothing rather than guess.
    expect(html).not.toContain('Admin content');
    expect(html).not.toContain('Not an admin');
  });

  it('renders the signed-in side from the server\'s initialState before anything loads, role checks included', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      const html = renderToString(<App initialState={{ userId: 'user_1', sessionId: 'sess_1', orgId: 'org_1', orgRole: 'org:admin', orgPermissions: ['org:sys_memberships:manage'] }} />);
      expect(html).toContain('<p>Welcome back</p>');
      expect(html).toContain('<p>Protected content</p>');
      expect(html).toContain('<p>Admin content</p>');
      expect(html).not.toContain('Please sign in');
      // useAuth follows the initial state; user data itself is only known once the client loads.
      const seen = JSON.parse(html.slice(html.indexOf('{'), html.lastIndexOf('}') + 1).replace(/&quot;/g, '"')) as Record<string, unknown>;
      expect(seen).toMatchObject({ isLoaded: true, isSignedIn: true, userId: 'user_1', orgId: 'org_1', hasAdmin: true, email: 'undefined' });
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('renders the signed-out side from an initialState without a user, and a member without the role gets the fallback', () => {
    const out = renderToString(<App initialState={{ userId: null, sessionId: null }} />);
    expect(out).toContain('<p>Please sign in</p>');
    expect(out).toContain('<p>Protect fallback</p>');
    expect(out).not.toContain('Welcome back');
    const member = renderToString(<App initialState={{ userId: 'user_1', sessionId: 'sess_1', orgId: 'org_1', orgRole: 'org:member' }} />);
    expect(member).toContain('<p>Not an admin</p>');
    expect(member).not.toContain('Admin content');
  });
});
