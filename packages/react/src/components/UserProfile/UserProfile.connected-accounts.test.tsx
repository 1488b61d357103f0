import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { Usher } from '@usher/core';
import { describe, expect, it, vi } from 'vitest';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { setupMockApp } from '../../test-support/mock-app.ts';
import { openPage, returnFromProvider, useLoopbackProvider } from '../../test-support/oauth-provider.ts';
import { SignIn } from '../SignIn/SignIn.tsx';
import { UserProfileInternal } from './UserProfile.tsx';

const PASSWORD = 'correct horse battery staple';
const app = setupMockApp();
const { mock } = app;
const acme = useLoopbackProvider(mock);

async function signedIn(navigate: (url: string) => unknown): Promise<Usher> {
  const usher = app.newUsher({ navigate });
  await usher.load();
  const attempt = await usher.signIn.create({ identifier: 'ada@example.com', strategy: 'password', password: PASSWORD });
  await usher.setActive({ session: attempt.createdSessionId });
  return usher;
}

function renderProfile(usher: Usher) {
  const view = render(
    <UsherProvider usher={usher}>
      <UserProfileInternal routing="virtual" />
    </UsherProvider>,
  );
  return { ...view, user: userEvent.setup() };
}

describe('UserProfile: connected accounts', () => {
  it('connects a provider account through the provider and the sign-in page’s return route, lists it, and disconnects it after a confirmation', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    acme().addAccount({ sub: 'ada-work', email: 'ada@work.example', email_verified: true });
    openPage('/account');
    const navigate = vi.fn((_url: string) => new Promise<never>(() => undefined));
    const first = renderProfile(await signedIn(navigate));
    const section = await screen.findByRole('region', { name: 'Connected accounts' });
    expect(within(section).getByText('No accounts connected yet.')).toBeTruthy();

    await first.user.click(within(section).getByRole('button', { name: 'Connect account' }));
    await first.user.click(await screen.findByRole('menuitem', { name: 'Connect Acme ID' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    const back = await returnFromProvider(mock, acme(), navigate.mock.calls[0]![0] as string, 'ada-work');
    // The sign-in page's return route, carrying this page as the way back.
    expect(back.startsWith(`http://localhost:3000/sign-in?redirect_url=${encodeURIComponent('http://localhost:3000/account')}&__usher_oauth=`)).toBe(true);
    expect(back.endsWith('#/sso-callback')).toBe(true);
    first.unmount();

    // The sign-in page (hash routing) handles the return for the signed-in user and goes back.
    openPage(back);
    const routerReplace = vi.fn();
    const returned = render(
      <UsherProvider usher={app.newUsher()} routerReplace={routerReplace}>
        <SignIn routing="hash" />
      </UsherProvider>,
    );
    await waitFor(() => expect(routerReplace).toHaveBeenCalledWith('http://localhost:3000/account'));
    returned.unmount();

    openPage('/account');
    const usher = app.newUsher();
    await usher.load();
    const { user } = renderProfile(usher);
    const list = await screen.findByRole('region', { name: 'Connected accounts' });
    expect(within(list).getByText('Acme ID')).toBeTruthy();
    expect(within(list).getByText('ada@work.example')).toBeTruthy();
    // Every provider is connected: nothing left to connect.
    expect(within(list).queryByRole('button', { name: 'Connect account' })).toBeNull();

    await user.click(within(list).getByRole('button', { name: 'Actions for Acme ID' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Disconnect' }));
    const confirm = await screen.findByRole('form', { name: 'Disconnect Acme ID' });
    expect(within(confirm).getByText('You will no longer be able to sign in with ada@work.example.')).toBeTruthy();
    // Focus starts on the way out.
    await waitFor(() => expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' })));
    await user.click(within(confirm).getByRole('button', { name: 'Disconnect' }));
    expect((await within(list).findByRole('status')).textContent).toBe('Acme ID was disconnected.');
    expect(within(list).getByText('No accounts connected yet.')).toBeTruthy();
    expect(usher.user?.externalAccounts).toEqual([]);
  });
});
