import { screen, waitFor, within } from '@testing-library/react';
import { Usher } from '@usher/core';
import { totpCodeOf } from '@usher/testing/node';
import { describe, expect, it } from 'vitest';
import { setupMockApp } from '../../test-support/mock-app.ts';
import { renderSignIn } from '../../test-support/render-sign-in.tsx';

const PASSWORD = 'correct horse battery staple';
const app = setupMockApp({ instanceConfig: { mfa: { required: true } } });
const { mock } = app;

describe('SignIn on an instance that requires 2-step verification', () => {
  it('an account without it sets up an authenticator app right after signing in, then goes on', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const { user, routerPush, usher } = renderSignIn(app);
    await user.type(await screen.findByLabelText('Email address'), 'ada@example.com{Enter}');
    await user.type(await screen.findByLabelText('Password'), `${PASSWORD}{Enter}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Set up two-step verification' })).toBeTruthy();
    expect(routerPush).not.toHaveBeenCalled();
    const key = (await screen.findByTestId('usher-totp-secret')).textContent!.replace(/\s/g, '');
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    await user.click(screen.getByRole('textbox', { name: 'Digit 1 of 6' }));
    await user.paste(await totpCodeOf(key, mock.clock.now()));

    const codes = await screen.findByRole('list', { name: 'Your backup codes' });
    expect(within(codes).getAllByRole('listitem')).toHaveLength(10);
    expect(routerPush).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'I’ve saved my codes' }));
    await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/'));
    expect(usher.getSnapshot().user?.twoFactorEnabled).toBe(true);
  });

  it('opened again while signed in without it (a reload), it still shows the set-up, and "Sign out" leaves', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const usher = new Usher({ frontendApi: '' });
    await usher.load();
    const attempt = await usher.signIn.create({ identifier: 'ada@example.com', strategy: 'password', password: PASSWORD });
    await usher.setActive({ session: attempt.createdSessionId });
    const { user, routerPush } = renderSignIn(app, { usher });
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up two-step verification' })).toBeTruthy();
    expect(routerPush).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(screen.getByLabelText('auth state').textContent).toBe('signed out'));
    expect(await screen.findByLabelText('Email address')).toBeTruthy();
  });
});
