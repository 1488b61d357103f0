import { Usher } from '@usher/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { setupMockApp } from '../../test-support/mock-app.ts';
import { UserProfile, UserProfileInternal } from './UserProfile.tsx';

const { mock, instances, signedInAs } = setupMockApp();
const PASSWORD = 'correct horse battery staple';
const ONE_PIXEL_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

async function signedIn(): Promise<Usher> {
  await mock.seedUser({ email: 'ada@example.com', password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' });
  return signedInAs('ada@example.com', PASSWORD);
}

async function renderProfile(usher?: Usher) {
  const instance = usher ?? (await signedIn());
  render(
    <UsherProvider usher={instance}>
      <UserProfileInternal routing="virtual" />
    </UsherProvider>,
  );
  await screen.findByRole('heading', { name: 'Profile details' });
  return instance;
}

const section = (name: string) => screen.getByRole('region', { name });

describe('<UserProfile> profile section', () => {
  it('shows the user, edits the name, and says it was saved', async () => {
    const usher = await renderProfile();
    const user = userEvent.setup();
    expect(within(section('Profile')).getByText('Ada Lovelace')).toBeTruthy();
    await user.click(within(section('Profile')).getByRole('button', { name: 'Update profile' }));
    const first = screen.getByLabelText(/First name/);
    await user.clear(first);
    await user.type(first, 'Augusta');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Your profile was updated.');
    expect(usher.getSnapshot().user?.firstName).toBe('Augusta');
    expect(within(section('Profile')).getByText('Augusta Lovelace')).toBeTruthy();
  });

  it('uploads an image the user then shows, and removes it', async () => {
    const usher = await renderProfile();
    const user = userEvent.setup();
    await user.click(within(section('Profile')).getByRole('button', { name: 'Update profile' }));
    await user.upload(screen.getByLabelText('Upload image'), new File([ONE_PIXEL_PNG], 'ada.png', { type: 'image/png' }));
    await waitFor(() => expect(usher.getSnapshot().user?.hasImage).toBe(true));
    await user.click(await screen.findByRole('button', { name: 'Remove image' }));
    await waitFor(() => expect(usher.getSnapshot().user?.hasImage).toBe(false));
  });

  it('says what is wrong with a file that is not an image', async () => {
    await renderProfile();
    const user = userEvent.setup({ applyAccept: false });
    await user.click(within(section('Profile')).getByRole('button', { name: 'Update profile' }));
    await user.upload(screen.getByLabelText('Upload image'), new File(['<svg/>'], 'x.svg', { type: 'image/svg+xml' }));
    expect(await screen.findByText(/not a PNG, JPEG, WebP or GIF/)).toBeTruthy();
  });
});

describe('<UserProfile> email addresses', () => {
  it('adds an address, verifies it with the emailed code, makes it primary; the old primary is told', async () => {
    const usher = await renderProfile();
    const user = userEvent.setup();
    const emails = section('Email addresses');
    expect(within(emails).getByText('Primary')).toBeTruthy();
    await user.click(within(emails).getByRole('button', { name: 'Add email address' }));
    await user.type(screen.getByLabelText('Email address'), 'ada@work.example');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByText('Enter the code sent to ada@work.example.');
    const code = await mock.mailbox.latestCode('ada@work.example');
    await user.click(screen.getAllByRole('textbox')[0]!);
    await user.paste(code!);
    await waitFor(() => expect(usher.getSnapshot().user?.emailAddresses.find((e) => e.emailAddress === 'ada@work.example')?.verified).toBe(true));
    expect(within(section('Email addresses')).queryByText('Unverified')).toBeNull();

    await user.click(within(section('Email addresses')).getByRole('button', { name: 'Actions for ada@work.example' }));
    await user.click(screen.getByRole('menuitem', { name: 'Set as primary' }));
    await waitFor(() => expect(usher.getSnapshot().user?.primaryEmailAddress?.emailAddress).toBe('ada@work.example'));
    const notice = (await mock.mailbox.list()).filter((m) => m.to === 'ada@example.com').at(-1);
    expect(notice?.subject).toMatch(/primary email address was changed/);
  });

  it('after 10 minutes, asks the user to confirm it is them (password), then carries on', async () => {
    const usher = await renderProfile();
    const user = userEvent.setup();
    await user.click(within(section('Email addresses')).getByRole('button', { name: 'Add email address' }));
    await user.type(screen.getByLabelText('Email address'), 'ada@home.example');
    mock.clock.advance(11 * 60_000);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const prompt = await screen.findByRole('region', { name: 'Confirm it’s you' });
    await user.type(await within(prompt).findByLabelText('Password'), 'wrong password');
    await user.click(within(prompt).getByRole('button', { name: 'Continue' }));
    expect(await within(prompt).findByText('That password is not right. Try again.')).toBeTruthy();
    await user.type(within(prompt).getByLabelText('Password'), PASSWORD);
    await user.click(within(prompt).getByRole('button', { name: 'Continue' }));
    await screen.findByText('Enter the code sent to ada@home.example.');
    expect(screen.queryByRole('region', { name: 'Confirm it’s you' })).toBeNull();
    expect(usher.getSnapshot().user?.emailAddresses.map((e) => e.emailAddress)).toContain('ada@home.example');
  });

  it('removes an address after confirming; cancelling the prompt changes nothing', async () => {
    const usher = await renderProfile();
    const user = userEvent.setup();
    const added = await usher.getSnapshot().user!.createEmailAddress({ email: 'old@example.com' });
    await screen.findByText('old@example.com');
    mock.clock.advance(11 * 60_000);
    await user.click(screen.getByRole('button', { name: 'Actions for old@example.com' }));
    await user.click(screen.getByRole('menuitem', { name: 'Remove' }));
    await user.click(await screen.findByRole('button', { name: 'Remove' }));
    const prompt = await screen.findByRole('region', { name: 'Confirm it’s you' });
    await user.click(await within(prompt).findByRole('button', { name: 'Cancel' }));
    expect(usher.getSnapshot().user?.emailAddresses.some((e) => e.id === added.id)).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    const again = await screen.findByRole('region', { name: 'Confirm it’s you' });
    await user.type(await within(again).findByLabelText('Password'), PASSWORD);
    await user.click(within(again).getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(usher.getSnapshot().user?.emailAddresses.some((e) => e.id === added.id)).toBe(false));
  });
});

describe('<UserProfile> when nobody is signed in', () => {
  it('renders nothing', async () => {
    const usher = new Usher({ frontendApi: '' });
    instances.push(usher);
    const { container } = render(
      <UsherProvider usher={usher}>
        <UserProfileInternal routing="virtual" />
      </UsherProvider>,
    );
    await waitFor(() => expect(usher.getSnapshot().isLoaded).toBe(true));
    expect(container.querySelector('.usher-navbar')).toBeNull();
  });
});

async function renderSecurity(usher?: Usher) {
  const instance = usher ?? (await signedIn());
  render(
    <UsherProvider usher={instance}>
      <UserProfileInternal routing="virtual" initialRoute="security" />
    </UsherProvider>,
  );
  await screen.findByRole('heading', { name: 'Security' });
  return instance;
}

describe('<UserProfile> security page', () => {
  it('is reached from the navigation, which marks the current page', async () => {
    await renderProfile();
    const user = userEvent.setup();
    const nav = screen.getByRole('navigation', { name: 'Account' });
    expect(within(nav).getByRole('button', { name: 'Profile' }).getAttribute('aria-current')).toBe('page');
    await user.click(within(nav).getByRole('button', { name: 'Security' }));
    await screen.findByRole('heading', { name: 'Security' });
    expect(within(nav).getByRole('button', { name: 'Security' }).getAttribute('aria-current')).toBe('page');
  });

  it('changes the password with the current one; a wrong current password is said on its field', async () => {
    const usher = await renderSecurity();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await user.type(screen.getByLabelText('Current password'), 'not my password');
    await user.type(screen.getByLabelText('New password'), 'a much newer passphrase');
    await user.type(screen.getByLabelText('Confirm password'), 'a much newer passphrase');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByLabelText('Current password').getAttribute('aria-invalid')).toBe('true'));
    await user.type(screen.getByLabelText('Current password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Your password was changed.');
    const other = new Usher({ frontendApi: '', transport: 'bearer', storage: null });
    instances.push(other);
    await other.load();
    expect((await other.signIn.create({ identifier: 'ada@example.com', strategy: 'password', password: 'a much newer passphrase' })).status).toBe('complete');
    expect(usher.getSnapshot().user).not.toBeNull();
  });

  it('refuses a confirmation that differs, without asking the server', async () => {
    await renderSecurity();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await user.type(screen.getByLabelText('Current password'), PASSWORD);
    await user.type(screen.getByLabelText('New password'), 'a much newer passphrase');
    await user.type(screen.getByLabelText('Confirm password'), 'a much newer passphras');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('Confirm password').getAttribute('aria-invalid')).toBe('true');
  });

  it('lists this device and another one, and signs the other one out', async () => {
    const usher = await signedIn();
    const phone = new Usher({ frontendApi: '', transport: 'bearer', storage: null });
    instances.push(phone);
    await phone.load();
    const attempt = await phone.signIn.create({ identifier: 'ada@example.com', strategy: 'password', password: PASSWORD });
    await phone.setActive({ session: attempt.createdSessionId });
    await renderSecurity(usher);
    const user = userEvent.setup();
    const devices = section('Active devices');
    await within(devices).findByText('This device');
    expect(within(devices).getAllByRole('listitem')).toHaveLength(2);
    await user.click(within(devices).getByRole('button', { name: /^Sign out of / }));
    await screen.findByText('That device was signed out.');
    await waitFor(() => expect(within(section('Active devices')).getAllByRole('listitem')).toHaveLength(1));
    await expect(phone.getToken({ skipCache: true })).resolves.toBeNull();
  });

  it('deletes the account after the typed confirmation and signs out', async () => {
    const usher = await renderSecurity();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Delete account' }));
    const confirm = screen.getByRole('button', { name: 'Delete account for good' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    await user.type(screen.getByLabelText('Type “Delete account” to confirm'), 'delete account');
    await user.click(confirm);
    await waitFor(() => expect(usher.getSnapshot().user).toBeNull());
    expect(screen.queryByRole('navigation', { name: 'Account' })).toBeNull();
  });
});

describe('<UserProfile> custom pages and links', () => {
  it('adds the app’s pages and links to the navigation, after the built-in ones unless placed', async () => {
    const usher = await signedIn();
    const routerPush = vi.fn();
    render(
      <UsherProvider usher={usher} routerPush={routerPush}>
        <UserProfile routing="virtual">
          <UserProfile.Page label="Billing" url="billing">
            <p>Your plan: Pro</p>
          </UserProfile.Page>
          <UserProfile.Page label="security" />
          <UserProfile.Link label="Help center" url="/help" />
        </UserProfile>
      </UsherProvider>,
    );
    const user = userEvent.setup();
    const nav = await screen.findByRole('navigation', { name: 'Account' });
    expect([...nav.querySelectorAll('.usher-navbarButton')].map((item) => item.textContent)).toEqual(['Profile', 'Billing', 'Security', 'Help center']);
    await user.click(within(nav).getByRole('button', { name: 'Billing' }));
    await screen.findByText('Your plan: Pro');
    expect(screen.getByRole('heading', { name: 'Billing' })).toBeTruthy();
    expect(within(nav).getByRole('button', { name: 'Billing' }).getAttribute('aria-current')).toBe('page');
    await user.click(within(nav).getByRole('link', { name: 'Help center' }));
    expect(routerPush).toHaveBeenCalledWith('/help');
  });

  it('refuses a page without a url of its own', async () => {
    const usher = await signedIn();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() =>
      render(
        <UsherProvider usher={usher}>
          <UserProfile routing="virtual">
            <UserProfile.Page label="Billing" />
          </UserProfile>
        </UsherProvider>,
      ),
    ).toThrow(/needs a `url`/);
    spy.mockRestore();
  });
});

describe('<UserProfile> a taken address', () => {
  it('says the address belongs to another account, in words that fit the profile', async () => {
    await mock.seedUser({ email: 'grace@example.com', password: PASSWORD });
    await renderProfile();
    const user = userEvent.setup();
    await user.click(within(section('Email addresses')).getByRole('button', { name: 'Add email address' }));
    await user.type(screen.getByLabelText('Email address'), 'grace@example.com');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('This email address is already used by another account.')).toBeTruthy();
  });
});

describe('<UserProfile> on a narrow screen', () => {
  it('the menu button opens and closes the navigation (hidden by the styles below 48em)', async () => {
    await renderProfile();
    const user = userEvent.setup();
    const nav = screen.getByRole('navigation', { name: 'Account' });
    const toggle = document.querySelector<HTMLButtonElement>('.usher-navbarMobileMenuButton')!;
    expect(toggle.getAttribute('aria-controls')).toBe(nav.id);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(nav.getAttribute('data-state')).toBe('open');
    await user.click(within(nav).getByRole('button', { name: 'Security' }));
    await screen.findByRole('heading', { name: 'Security' });
    expect(nav.getAttribute('data-state')).toBe('closed');
  });
});
