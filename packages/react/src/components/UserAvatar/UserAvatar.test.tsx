import { setupMockApp } from '../../test-support/mock-app.ts';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Usher } from '@usher/core';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { UserButton } from '../UserButton/UserButton.tsx';
import { chooseAvatar, displayName, userInitials, type AvatarUser } from './avatar-choice.ts';
import { UserAvatar } from './UserAvatar.tsx';
import { UserAvatarView } from './UserAvatarView.tsx';

// An instance whose branding draws initials for users without a picture.
const { mock, instances } = setupMockApp({ instanceConfig: { branding: { defaultAvatar: 'initials' } } });

const PASSWORD = 'correct horse battery staple';

async function loaded(): Promise<Usher> {
  const usher = new Usher({ frontendApi: '' });
  instances.push(usher);
  await usher.load();
  return usher;
}

async function signedInAsAda(): Promise<Usher> {
  await mock.seedUser({ email: 'ada@example.com', password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' });
  const usher = await loaded();
  const attempt = await usher.signIn.create({ identifier: 'ada@example.com', strategy: 'password', password: PASSWORD });
  await usher.setActive({ session: attempt.createdSessionId });
  return usher;
}

// A User-like object: the server has no upload endpoint yet, so `hasImage: true` cannot be seeded.
function userLike(overrides: Partial<AvatarUser> = {}): AvatarUser {
  return {
    id: 'user_2abc',
    imageUrl: 'http://localhost:4000/v1/avatars/user_2abc.svg?variant=marble',
    hasImage: false,
    fullName: 'Ada Lovelace',
    firstName: 'Ada',
    lastName: 'Lovelace',
    username: null,
    primaryEmailAddress: { emailAddress: 'ada@example.com' },
    ...overrides,
  };
}

describe('which avatar a user gets', () => {
  it('an uploaded picture (hasImage) wins, with the instance default as its fallback', () => {
    const user = userLike({ hasImage: true, imageUrl: 'https://cdn.example.com/ada.png' });
    expect(chooseAvatar(user, 'marble')).toEqual({ variant: 'image', url: 'https://cdn.example.com/ada.png', fallback: { variant: 'marble', seed: 'user_2abc' } });
    expect(chooseAvatar(user, 'initials')).toMatchObject({ variant: 'image', fallback: { variant: 'initials', initials: 'AL' } });
  });

  it('without a picture, the server default-avatar URL is not fetched: a marble seeded with the user id is drawn', () => {
    expect(chooseAvatar(userLike(), 'marble')).toEqual({ variant: 'marble', seed: 'user_2abc' });
  });

  it('initials follow the server: the URL it built, else first + last name, username, email', () => {
    expect(chooseAvatar(userLike({ imageUrl: 'http://x/v1/avatars/u.svg?variant=initials&initials=%C3%89L' }), 'initials')).toMatchObject({ initials: 'ÉL' });
    expect(chooseAvatar(userLike(), 'initials')).toEqual({ variant: 'initials', seed: 'user_2abc', initials: 'AL' });
    expect(userInitials({ firstName: null, lastName: null, username: 'grace_hopper', primaryEmailAddress: null })).toBe('GH');
    expect(userInitials({ firstName: null, lastName: null, username: null, primaryEmailAddress: { emailAddress: 'jane.doe@example.com' } })).toBe('JD');
  });

  it('with nothing to spell, initials become a marble (as on the server)', () => {
    const user = userLike({ fullName: null, firstName: null, lastName: null, primaryEmailAddress: { emailAddress: '123@example.com' } });
    expect(chooseAvatar(user, 'initials')).toEqual({ variant: 'marble', seed: 'user_2abc' });
  });

  it('the display name is the full name, else the username, else the email address', () => {
    expect(displayName(userLike())).toBe('Ada Lovelace');
    expect(displayName(userLike({ fullName: null, firstName: null, lastName: null, username: 'ada' }))).toBe('ada');
    expect(displayName(userLike({ fullName: null, firstName: null, lastName: null }))).toBe('ada@example.com');
  });
});

describe('<UserAvatarView>', () => {
  it('shows the uploaded picture with alt text, and falls back to the default avatar when it fails to load', () => {
    render(<UserAvatarView user={userLike({ hasImage: true, imageUrl: 'https://cdn.example.com/ada.png' })} defaultAvatar="initials" />);
    const img = screen.getByRole('img', { name: 'Profile picture of Ada Lovelace' });
    expect(img.tagName.toLowerCase()).toBe('img');
    expect(img.getAttribute('src')).toBe('https://cdn.example.com/ada.png');
    fireEvent.error(img);
    const fallback = screen.getByRole('img', { name: 'Avatar of Ada Lovelace' });
    expect(fallback.textContent).toBe('AL');
    expect(fallback.closest('.usher-avatarBox')!.getAttribute('data-variant')).toBe('initials');
  });

  it('decorative: hidden from assistive tech, an empty alt', () => {
    const { container } = render(<UserAvatarView user={userLike({ hasImage: true, imageUrl: 'https://cdn.example.com/ada.png' })} defaultAvatar="marble" decorative />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(container.querySelector('img')!.getAttribute('alt')).toBe('');
  });
});

describe('<UserAvatar> on an instance that draws initials', () => {
  it('renders nothing when nobody is signed in', async () => {
    const { container } = render(
      <UsherProvider usher={await loaded()}>
        <UserAvatar />
      </UsherProvider>,
    );
    expect(container.innerHTML).toBe('');
  });

  it('shows the signed-in user’s initials', async () => {
    render(
      <UsherProvider usher={await signedInAsAda()}>
        <UserAvatar />
      </UsherProvider>,
    );
    const avatar = screen.getByRole('img', { name: 'Avatar of Ada Lovelace' });
    expect(avatar.textContent).toBe('AL');
    expect(avatar.className).toContain('usher-avatarInitials');
  });

  it('UserButton draws the same initials in its trigger', async () => {
    render(
      <UsherProvider usher={await signedInAsAda()}>
        <UserButton />
      </UsherProvider>,
    );
    const box = screen.getByRole('button', { name: 'Open user menu for Ada Lovelace' }).querySelector('.usher-userButtonAvatarBox')!;
    expect(box.getAttribute('data-variant')).toBe('initials');
    expect(box.textContent).toBe('AL');
  });
});
