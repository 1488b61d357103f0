import { startUsherMockServer } from '@usher/testing/node';
import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Usher } from '@usher/core';
import { useUser } from '../hooks/use-resources.ts';
import { useUsher } from '../hooks/use-usher.ts';
import { UsherProvider } from './UsherProvider.tsx';

const mock = startUsherMockServer();
afterEach(() => {
  mock.server.resetHandlers();
  mock.reset();
});
afterAll(() => mock.close());

describe('UsherProvider under StrictMode (Next.js dev, fast refresh)', () => {
  it('keeps the client it created alive through the simulated unmount, so a flow still completes', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: 'correct horse battery staple' });
    let seen: Usher | null = null;
    function Flow() {
      const usher = useUsher();
      seen = usher;
      const { user, isLoaded } = useUser();
      if (!isLoaded) return <p>Loading</p>;
      if (user) return <p>Hello {user.primaryEmailAddress?.emailAddress}</p>;
      return (
        <button
          onClick={async () => {
            const attempt = await usher.signIn.create({ identifier: 'ada@example.com', strategy: 'password', password: 'correct horse battery staple' });
            await usher.setActive({ session: attempt.createdSessionId });
          }}
        >
          Sign in
        </button>
      );
    }
    const { unmount } = render(
      <StrictMode>
        <UsherProvider frontendApi="">
          <Flow />
        </UsherProvider>
      </StrictMode>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Hello ada@example.com')).toBeTruthy();

    // A real unmount still destroys the instance it created (timers, channels).
    const destroy = vi.spyOn(seen!, 'destroy');
    unmount();
    await waitFor(() => expect(destroy).toHaveBeenCalled());
  });
});
