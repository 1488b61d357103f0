import { setupMockApp } from '../../test-support/mock-app.ts';
import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Usher } from '@usher/core';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { SignIn } from './SignIn.tsx';

const PASSWORD = 'correct horse battery staple';
const { mock, instances } = setupMockApp({ instanceConfig: { sessions: { singleSessionMode: false } } });

describe('SignIn on a multi-session instance', () => {
  it('stays for a signed-in visitor and adds a second account, which becomes the active session', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    await mock.seedUser({ email: 'grace@example.com', password: PASSWORD });
    const usher = new Usher({ frontendApi: '' });
    instances.push(usher);
    await usher.load();
    const first = await usher.signIn.create({ identifier: 'ada@example.com', strategy: 'password', password: PASSWORD });
    await usher.setActive({ session: first.createdSessionId });

    const routerReplace = vi.fn();
    const routerPush = vi.fn();
    const user = userEvent.setup();
    render(
      <UsherProvider usher={usher} routerPush={routerPush} routerReplace={routerReplace}>
        <SignIn routing="virtual" />
      </UsherProvider>,
    );
    await user.type(await screen.findByLabelText('Email address'), 'grace@example.com{Enter}');
    await user.type(await screen.findByLabelText('Password'), `${PASSWORD}{Enter}`);
    await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/'));
    expect(routerReplace).not.toHaveBeenCalled();
    expect(usher.getSnapshot().user?.primaryEmailAddress?.emailAddress).toBe('grace@example.com');
    expect(usher.getSnapshot().client?.activeSessions).toHaveLength(2);
  });
});
