import { setupMockApp } from '../test-support/mock-app.ts';
import { act, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { Usher } from '@usher/core';
import { UsherProvider } from '../provider/UsherProvider.tsx';
import { useAuth } from '../hooks/use-auth.ts';
import { useUser } from '../hooks/use-resources.ts';
import { Loaded } from '../control/Loaded.tsx';
import { Loading } from '../control/Loading.tsx';
import { Protect } from '../control/Protect.tsx';
import { RedirectToSignIn } from '../control/RedirectToSignIn.tsx';
import { SignedIn } from '../control/SignedIn.tsx';
import { SignedOut } from '../control/SignedOut.tsx';
import { SignInButton } from '../control/SignInButton.tsx';
import { SignOutButton } from '../control/SignOutButton.tsx';
import { SignUpButton } from '../control/SignUpButton.tsx';
import type { UsherInitialState } from '../provider/initial-state.ts';

const { mock, instances } = setupMockApp();
const roots: Root[] = [];
let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
});
afterEach(() => {
  act(() => roots.splice(0).forEach((root) => root.unmount()));
  document.body.innerHTML = '';
  consoleError.mockRestore();
});

/** A fresh SDK instance, as a page load creates: nothing loaded yet. */
function fresh(): Usher {
  const usher = new Usher({ frontendApi: '' });
  instances.push(usher);
  return usher;
}

function Status() {
  const { isLoaded, isSignedIn, orgId } = useAuth();
  const { user } = useUser();
  return <p data-testid="status">{!isLoaded ? 'unknown' : isSignedIn ? `in as ${user?.primaryEmailAddress?.emailAddress} (org ${String(orgId)})` : 'out'}</p>;
}

function App({ usher, navigate, initialState = null }: { usher: Usher; navigate: (to: string) => void; initialState?: UsherInitialState | null }) {
  return (
    <UsherProvider usher={usher} initialState={initialState}>
      <Loading>
        <p>Loading…</p>
      </Loading>
      <Loaded>
        <Status />
      </Loaded>
      <SignedIn>
        <SignOutButton navigate={navigate} />
      </SignedIn>
      <SignedOut>
        <SignInButton navigate={navigate} />
        <SignUpButton navigate={navigate}>
          <a href="/sign-up">Create an account</a>
        </SignUpButton>
        <RedirectToSignIn navigate={navigate} />
      </SignedOut>
      <Protect fallback={<p>Members only</p>}>
        <p>Member area</p>
      </Protect>
      <Protect role="admin" fallback={<p>Admins only</p>}>
        <p>Admin area</p>
      </Protect>
    </UsherProvider>
  );
}

/** Server markup from one instance, hydrated with another, like a real page load. */
async function hydrate(navigate: (to: string) => void): Promise<{ container: HTMLElement; onRecoverableError: ReturnType<typeof vi.fn> }> {
  const container = document.createElement('div');
  container.innerHTML = renderToString(<App usher={fresh()} navigate={navigate} />);
  document.body.appendChild(container);
  expect(container.innerHTML).toBe('<p>Loading…</p>');
  const onRecoverableError = vi.fn();
  await act(async () => {
    roots.push(hydrateRoot(container, <App usher={fresh()} navigate={navigate} />, { onRecoverableError }));
  });
  return { container, onRecoverableError };
}

describe('hydration of server markup', () => {
  it('hydrates without a mismatch, then shows the signed-out view once loaded', async () => {
    const navigate = vi.fn();
    const { onRecoverableError } = await hydrate(navigate);
    expect(await screen.findByText('out')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByText('Members only')).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
    // RedirectToSignIn leaves only in the browser, after hydration.
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(expect.stringMatching(/^\/sign-in\?redirect_url=/)));
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('hydrates without a mismatch for a returning signed-in visitor, then shows the signed-in view', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: 'correct horse battery staple' });
    const earlier = fresh();
    await earlier.load();
    const attempt = await earlier.signIn.create({ identifier: 'ada@example.com', strategy: 'password', password: 'correct horse battery staple' });
    await earlier.setActive({ session: attempt.createdSessionId });

    const navigate = vi.fn();
    const { onRecoverableError } = await hydrate(navigate);
    expect(await screen.findByText('in as ada@example.com (org null)')).toBeTruthy();
    expect(screen.getByText('Member area')).toBeTruthy();
    expect(await screen.findByText('Admins only')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('out')).toBeTruthy();
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('hydrates the signed-in markup of an initialState without a mismatch, and shows no signed-out flash on the way to the loaded view', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: 'correct horse battery staple' });
    const earlier = fresh();
    await earlier.load();
    const attempt = await earlier.signIn.create({ identifier: 'ada@example.com', strategy: 'password', password: 'correct horse battery staple' });
    await earlier.setActive({ session: attempt.createdSessionId });
    const initialState = { userId: earlier.getSnapshot().user?.id ?? null, sessionId: attempt.createdSessionId };

    const navigate = vi.fn();
    const container = document.createElement('div');
    container.innerHTML = renderToString(<App usher={fresh()} navigate={navigate} initialState={initialState} />);
    document.body.appendChild(container);
    expect(container.textContent).toContain('Member area');
    expect(container.textContent).toContain('Sign out');
    const onRecoverableError = vi.fn();
    const seenSignedOut: boolean[] = [];
    const observer = new MutationObserver(() => seenSignedOut.push(container.textContent?.includes('Members only') ?? false));
    observer.observe(container, { childList: true, subtree: true, characterData: true });
    await act(async () => {
      roots.push(hydrateRoot(container, <App usher={fresh()} navigate={navigate} initialState={initialState} />, { onRecoverableError }));
    });
    expect(await screen.findByText('in as ada@example.com (org null)')).toBeTruthy();
    observer.disconnect();
    expect(seenSignedOut).not.toContain(true);
    expect(navigate).not.toHaveBeenCalled();
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('lets the loaded client overrule a stale initialState: the server thought signed in, the browser is signed out', async () => {
    const navigate = vi.fn();
    const initialState = { userId: 'user_gone', sessionId: 'sess_gone' };
    const container = document.createElement('div');
    container.innerHTML = renderToString(<App usher={fresh()} navigate={navigate} initialState={initialState} />);
    document.body.appendChild(container);
    const onRecoverableError = vi.fn();
    await act(async () => {
      roots.push(hydrateRoot(container, <App usher={fresh()} navigate={navigate} initialState={initialState} />, { onRecoverableError }));
    });
    expect(await screen.findByText('out')).toBeTruthy();
    expect(screen.getByText('Members only')).toBeTruthy();
    expect(screen.queryByText('Member area')).toBeNull();
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
  });
});
