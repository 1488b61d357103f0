import { setupMockApp } from '../../test-support/mock-app.ts';
import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Usher } from '@usher/core';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { useAuth } from '../../hooks/use-auth.ts';
import { UserAvatar } from '../UserAvatar/UserAvatar.tsx';
import { UserButton } from './UserButton.tsx';

// The instance's own after-sign-out page, so the tests can tell it from the built-in '/'.
const { mock, instances } = setupMockApp({ instanceConfig: { urls: { afterSignOut: '/see-you' }, attributes: { username: { enabled: true, required: false } } } });

const PASSWORD = 'correct horse battery staple';

async function loaded(): Promise<Usher> {
  const usher = new Usher({ frontendApi: '' });
  instances.push(usher);
  await usher.load();
  return usher;
}

async function signedInAs(input: { email: string; firstName?: string; lastName?: string; username?: string } = { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' }): Promise<Usher> {
  await mock.seedUser({ ...input, password: PASSWORD });
  const usher = await loaded();
  const attempt = await usher.signIn.create({ identifier: input.email, strategy: 'password', password: PASSWORD });
  await usher.setActive({ session: attempt.createdSessionId });
  return usher;
}

function AuthProbe() {
  const { isSignedIn } = useAuth();
  return <output data-testid="auth">{String(isSignedIn)}</output>;
}

const trigger = () => screen.getByRole('button', { name: 'Open user menu for Ada Lovelace' });

describe('<UserButton> visibility', () => {
  it('renders nothing until Usher is loaded, and nothing when nobody is signed in', async () => {
    const usher = new Usher({ frontendApi: '' });
    instances.push(usher);
    const { container } = render(
      <UsherProvider usher={usher}>
        <UserButton />
      </UsherProvider>,
    );
    expect(container.innerHTML).toBe('');
    await waitFor(() => expect(usher.getSnapshot().isLoaded).toBe(true));
    expect(usher.getSnapshot().user).toBeNull();
    expect(container.innerHTML).toBe('');
  });

  it('given a signed-in user, shows a menu button named after them with their default marble avatar', async () => {
    render(
      <UsherProvider usher={await signedInAs()}>
        <UserButton />
      </UsherProvider>,
    );
    expect(trigger().getAttribute('aria-haspopup')).toBe('menu');
    expect(trigger().className).toContain('usher-userButtonTrigger');
    const avatar = trigger().querySelector('.usher-userButtonAvatarBox')!;
    expect(avatar.getAttribute('data-variant')).toBe('marble');
    // Drawn in the page (no <img> request) and hidden from assistive tech: the button is named.
    expect(avatar.querySelector('img')).toBeNull();
    expect(avatar.querySelector('svg.usher-avatarMarble')).not.toBeNull();
    expect(avatar.getAttribute('aria-hidden')).toBe('true');
    // No name beside the avatar unless asked.
    expect(screen.queryByText('Ada Lovelace')).toBeNull();
  });

  it('showName shows the name beside the avatar', async () => {
    render(
      <UsherProvider usher={await signedInAs()}>
        <UserButton showName />
      </UsherProvider>,
    );
    const name = within(trigger()).getByText('Ada Lovelace');
    expect(name.className).toContain('usher-userButtonOuterIdentifier');
  });

  it('<UserAvatar> shows the marble as an image named after the user, with a <title>', async () => {
    render(
      <UsherProvider usher={await signedInAs()}>
        <UserAvatar />
      </UsherProvider>,
    );
    const img = screen.getByRole('img', { name: 'Avatar of Ada Lovelace' });
    expect(img.tagName.toLowerCase()).toBe('svg');
    expect(img.querySelector('title')?.textContent).toBe('Avatar of Ada Lovelace');
  });

  it('shimmers on hover by default (layout.shimmer), not when the layout turns it off', async () => {
    const usher = await signedInAs();
    const { rerender } = render(
      <UsherProvider usher={usher}>
        <UserButton />
      </UsherProvider>,
    );
    expect(trigger().closest('.usher-rootBox')!.hasAttribute('data-usher-shimmer')).toBe(true);
    rerender(
      <UsherProvider usher={usher}>
        <UserButton appearance={{ layout: { shimmer: false } }} />
      </UsherProvider>,
    );
    expect(trigger().closest('.usher-rootBox')!.hasAttribute('data-usher-shimmer')).toBe(false);
  });
});

describe('<UserButton> menu', () => {
  it('opens with Enter on "Manage account", shows who is signed in, and Escape returns focus to the trigger', async () => {
    const user = userEvent.setup();
    render(
      <UsherProvider usher={await signedInAs()}>
        <UserButton />
      </UsherProvider>,
    );
    trigger().focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu');
    expect(trigger().getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Manage account' })));
    const card = menu.closest('.usher-userButtonPopoverCard')!;
    expect(within(card as HTMLElement).getByText('Ada Lovelace').className).toContain('usher-userPreviewMainIdentifier');
    expect(within(card as HTMLElement).getByText('ada@example.com').className).toContain('usher-userPreviewSecondaryIdentifier');
    // No account list with one account.
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Manage account', 'Sign out']);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(trigger()));
  });

  it('opens with ArrowDown on the first item; Tab closes it', async () => {
    const user = userEvent.setup();
    render(
      <UsherProvider usher={await signedInAs()}>
        <UserButton />
      </UsherProvider>,
    );
    trigger().focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Manage account' })));
    await user.tab();
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('a click outside closes it', async () => {
    const user = userEvent.setup();
    render(
      <UsherProvider usher={await signedInAs()}>
        <p>Page</p>
        <UserButton />
      </UsherProvider>,
    );
    await user.click(trigger());
    expect(screen.getByRole('menu')).toBeTruthy();
    await user.click(screen.getByText('Page'));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('given a user without a name, the preview shows the username', async () => {
    const user = userEvent.setup();
    render(
      <UsherProvider usher={await signedInAs({ email: 'grace@example.com', username: 'ghopper' })}>
        <UserButton />
      </UsherProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Open user menu for ghopper' }));
    const card = screen.getByRole('menu').closest('.usher-userButtonPopoverCard') as HTMLElement;
    expect(within(card).getByText('ghopper').className).toContain('usher-userPreviewMainIdentifier');
    expect(within(card).getByText('grace@example.com')).toBeTruthy();
  });

  it('takes appearance.elements on its element keys', async () => {
    const user = userEvent.setup();
    render(
      <UsherProvider usher={await signedInAs()}>
        <UserButton appearance={{ elements: { userButtonTrigger: 'my-trigger', userButtonPopoverCard: 'my-card', userButtonPopoverActionButton__signOut: 'my-sign-out' } }} />
      </UsherProvider>,
    );
    expect(trigger().className).toContain('my-trigger');
    await user.click(trigger());
    expect(screen.getByRole('menu').closest('.usher-userButtonPopoverCard')!.className).toContain('my-card');
    expect(screen.getByRole('menuitem', { name: 'Sign out' }).className).toContain('my-sign-out');
  });
});

describe('<UserButton> sign out', () => {
  it('"Sign out" signs out, then goes to the instance after_sign_out_url through the router', async () => {
    const user = userEvent.setup();
    const routerPush = vi.fn();
    render(
      <UsherProvider usher={await signedInAs()} routerPush={routerPush}>
        <AuthProbe />
        <UserButton />
      </UsherProvider>,
    );
    await user.click(trigger());
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }));
    await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/see-you'));
    expect(screen.getByTestId('auth').textContent).toBe('false');
    expect(screen.queryByRole('button', { name: /open user menu/i })).toBeNull();
  });

  it('goes to afterSignOutUrl when given', async () => {
    const user = userEvent.setup();
    const routerPush = vi.fn();
    render(
      <UsherProvider usher={await signedInAs()} routerPush={routerPush}>
        <UserButton afterSignOutUrl="/goodbye" />
      </UsherProvider>,
    );
    trigger().focus();
    await user.keyboard('{ArrowUp}');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/goodbye'));
    expect(routerPush).toHaveBeenCalledTimes(1);
  });

  it('ignores an afterSignOutUrl the allow-list refuses (//evil.com) and uses the instance default', async () => {
    const user = userEvent.setup();
    const routerPush = vi.fn();
    const usher = await signedInAs();
    render(
      <UsherProvider usher={usher} routerPush={routerPush}>
        <UserButton afterSignOutUrl="//evil.com" />
      </UsherProvider>,
    );
    await user.click(trigger());
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }));
    await waitFor(() => expect(routerPush).toHaveBeenCalledTimes(1));
    expect(routerPush).toHaveBeenCalledWith('/see-you');
    expect(usher.getSnapshot().user).toBeNull();
  });
});

describe('<UserButton> manage account', () => {
  it('opens <UserProfile/> in a modal named "Manage account"; Escape closes it and focus returns to the trigger', async () => {
    const user = userEvent.setup();
    render(
      <UsherProvider usher={await signedInAs()}>
        <UserButton />
      </UsherProvider>,
    );
    await user.click(trigger());
    await user.click(screen.getByRole('menuitem', { name: 'Manage account' }));
    const dialog = await screen.findByRole('dialog', { name: 'Manage account' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    await within(dialog).findByRole('heading', { name: 'Profile details' });
    expect(within(dialog).getByText('ada@example.com')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(trigger()));
  });

  it('the close button closes it; Tab stays inside while it is open', async () => {
    const user = userEvent.setup();
    render(
      <UsherProvider usher={await signedInAs()}>
        <UserButton />
      </UsherProvider>,
    );
    await user.click(trigger());
    await user.click(screen.getByRole('menuitem', { name: 'Manage account' }));
    const dialog = await screen.findByRole('dialog', { name: 'Manage account' });
    await within(dialog).findByRole('heading', { name: 'Profile details' });
    for (let i = 0; i < 12; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('userProfileMode="navigation" goes to userProfileUrl instead', async () => {
    const user = userEvent.setup();
    const routerPush = vi.fn();
    render(
      <UsherProvider usher={await signedInAs()} routerPush={routerPush}>
        <UserButton userProfileMode="navigation" userProfileUrl="/account" />
      </UsherProvider>,
    );
    await user.click(trigger());
    await user.click(screen.getByRole('menuitem', { name: 'Manage account' }));
    await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/account'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
