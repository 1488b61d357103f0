import { setupMockApp } from '../../test-support/mock-app.ts';
import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Usher } from '@usher/core';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { useUser } from '../../hooks/use-resources.ts';
import { UserButton } from './UserButton.tsx';

// A multi-session instance: one browser may hold several signed-in accounts.
const { mock, instances } = setupMockApp({ instanceConfig: { sessions: { singleSessionMode: false }, urls: { afterSignOut: '/see-you' } } });

const PASSWORD = 'correct horse battery staple';

/** Ada, then Grace, signed in on one client: Grace is the active account. */
async function adaThenGrace(): Promise<Usher> {
  await mock.seedUser({ email: 'ada@example.com', password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' });
  await mock.seedUser({ email: 'grace@example.com', password: PASSWORD, firstName: 'Grace', lastName: 'Hopper' });
  const usher = new Usher({ frontendApi: '' });
  instances.push(usher);
  await usher.load();
  for (const email of ['ada@example.com', 'grace@example.com']) {
    const attempt = await usher.signIn.create({ identifier: email, strategy: 'password', password: PASSWORD });
    await usher.setActive({ session: attempt.createdSessionId });
  }
  return usher;
}

function WhoAmI() {
  const { user } = useUser();
  return <output data-testid="who">{user?.primaryEmailAddress?.emailAddress ?? 'nobody'}</output>;
}

const trigger = (name: string) => screen.getByRole('button', { name: `Open user menu for ${name}` });

describe('<UserButton> with several accounts signed in', () => {
  it('lists the other account, and switching to it changes the active user and goes to afterSwitchSessionUrl', async () => {
    const user = userEvent.setup();
    const routerPush = vi.fn();
    const usher = await adaThenGrace();
    expect(usher.getSnapshot().client?.activeSessions).toHaveLength(2);
    render(
      <UsherProvider usher={usher} routerPush={routerPush}>
        <WhoAmI />
        <UserButton afterSwitchSessionUrl="/dashboard" />
      </UsherProvider>,
    );
    expect(screen.getByTestId('who').textContent).toBe('grace@example.com');
    trigger('Grace Hopper').focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu');
    const others = within(menu).getByRole('group', { name: 'Other accounts' });
    const ada = within(others).getByRole('menuitem');
    expect(ada.textContent).toBe('Ada Lovelaceada@example.com');
    expect(within(menu).getAllByRole('menuitem').map((item) => item.className.includes('__switchSession') ? 'switch' : item.textContent)).toEqual(['Manage account', 'Sign out', 'switch', 'Add account', 'Sign out of all accounts']);

    // Arrow keys reach the account list like any item (past "Manage account" and "Sign out").
    await user.keyboard('{ArrowDown}{ArrowDown}');
    await waitFor(() => expect(document.activeElement).toBe(ada));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('ada@example.com'));
    expect(trigger('Ada Lovelace')).toBeTruthy();
    await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/dashboard'));
  });

  it('an afterSwitchSessionUrl the allow-list refuses is ignored: the page stays', async () => {
    const user = userEvent.setup();
    const routerPush = vi.fn();
    render(
      <UsherProvider usher={await adaThenGrace()} routerPush={routerPush}>
        <WhoAmI />
        <UserButton afterSwitchSessionUrl="//evil.com" />
      </UsherProvider>,
    );
    await user.click(trigger('Grace Hopper'));
    await user.click(within(screen.getByRole('group', { name: 'Other accounts' })).getByRole('menuitem'));
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('ada@example.com'));
    expect(routerPush).not.toHaveBeenCalled();
  });

  it('"Sign out" ends the active account only and switches to the other one', async () => {
    const user = userEvent.setup();
    const routerPush = vi.fn();
    const usher = await adaThenGrace();
    render(
      <UsherProvider usher={usher} routerPush={routerPush}>
        <WhoAmI />
        <UserButton />
      </UsherProvider>,
    );
    await user.click(trigger('Grace Hopper'));
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }));
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('ada@example.com'));
    expect(usher.getSnapshot().client?.activeSessions).toHaveLength(1);
    expect(routerPush).not.toHaveBeenCalled();
  });

  it('"Sign out of all accounts" signs every account out and goes to the after-sign-out page', async () => {
    const user = userEvent.setup();
    const routerPush = vi.fn();
    const usher = await adaThenGrace();
    render(
      <UsherProvider usher={usher} routerPush={routerPush}>
        <WhoAmI />
        <UserButton />
      </UsherProvider>,
    );
    await user.click(trigger('Grace Hopper'));
    await user.click(screen.getByRole('menuitem', { name: 'Sign out of all accounts' }));
    await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/see-you'));
    expect(screen.getByTestId('who').textContent).toBe('nobody');
    expect(usher.getSnapshot().client?.activeSessions ?? []).toHaveLength(0);
  });

  it('"Add account" goes to sign-in with a way back here', async () => {
    const user = userEvent.setup();
    const routerPush = vi.fn();
    window.history.replaceState(null, '', '/dashboard');
    render(
      <UsherProvider usher={await adaThenGrace()} routerPush={routerPush}>
        <UserButton />
      </UsherProvider>,
    );
    await user.click(trigger('Grace Hopper'));
    await user.click(screen.getByRole('menuitem', { name: 'Add account' }));
    await waitFor(() => expect(routerPush).toHaveBeenCalledTimes(1));
    const target = new URL(routerPush.mock.calls[0]![0] as string, window.location.origin);
    expect(target.pathname).toBe('/sign-in');
    expect(target.searchParams.get('redirect_url')).toBe(`${window.location.origin}/dashboard`);
  });
});

