import { setupMockApp } from '../../test-support/mock-app.ts';
import { renderSignIn } from '../../test-support/render-sign-in.tsx';
import { screen, waitFor } from '@testing-library/react';
import type { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Usher } from '@usher/core';

const OLD_PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new passphrase';
const app = setupMockApp();
const { mock, instances } = app;

/** Identifier, then "Forgot password?" on the password step: lands on the reset code. */
async function openForgotPassword(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText('Email address'), 'ada@example.com{Enter}');
  await screen.findByLabelText('Password');
  await user.click(screen.getByRole('button', { name: 'Forgot password?' }));
  expect(await screen.findByRole('heading', { name: 'Reset your password' })).toBeTruthy();
}

async function typeResetCode(user: ReturnType<typeof userEvent.setup>, code: string) {
  const first = screen.getByRole('textbox', { name: 'Digit 1 of 6' });
  await user.click(first);
  await user.paste(code);
}

describe('SignIn: forgot password', () => {
  it('given a user who forgot the password, the emailed reset code leads to a new password and a session', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: OLD_PASSWORD });
    const { user, routerPush } = renderSignIn(app);
    await openForgotPassword(user);
    expect(screen.getByText(/Enter the code sent to/)).toBeTruthy();

    const code = await mock.mailbox.latestCode('ada@example.com');
    expect(code).toMatch(/^\d{6}$/);
    await typeResetCode(user, code ?? '');

    expect(await screen.findByRole('heading', { name: 'Set a new password' })).toBeTruthy();
    const password = screen.getByLabelText('New password');
    await waitFor(() => expect(document.activeElement).toBe(password));
    expect(password.getAttribute('autocomplete')).toBe('new-password');
    expect((screen.getByRole('checkbox', { name: 'Sign out of all other devices' }) as HTMLInputElement).checked).toBe(true);

    // A confirmation that does not match is caught before anything is sent.
    await user.type(password, NEW_PASSWORD);
    await user.type(screen.getByLabelText('Confirm password'), 'something else{Enter}');
    expect(await screen.findByText('Passwords do not match.')).toBeTruthy();
    expect(screen.getByLabelText('Confirm password').getAttribute('aria-invalid')).toBe('true');

    await user.clear(screen.getByLabelText('Confirm password'));
    await user.type(screen.getByLabelText('Confirm password'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Reset password' }));
    await waitFor(() => expect(screen.getByLabelText('auth state').textContent).toBe('signed in'));
    await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/'));

    // The new password is the one that works now.
    const other = new Usher({ frontendApi: mock.origin, transport: 'bearer', storage: null, crossTab: false });
    instances.push(other);
    await other.load();
    await expect(other.signIn.create({ identifier: 'ada@example.com', strategy: 'password', password: OLD_PASSWORD })).rejects.toMatchObject({ errors: [expect.objectContaining({ code: 'form_password_incorrect' })] });
    const fresh = other.getSnapshot().signIn;
    expect((await fresh.create({ identifier: 'ada@example.com', strategy: 'password', password: NEW_PASSWORD })).status).toBe('complete');
  });

  it('a wrong reset code is refused on the code field, and nothing moves on', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: OLD_PASSWORD });
    const { user } = renderSignIn(app);
    await openForgotPassword(user);
    const code = (await mock.mailbox.latestCode('ada@example.com')) ?? '000000';
    await typeResetCode(user, code === '000000' ? '111111' : '000000');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Digit 1 of 6' }).getAttribute('aria-invalid')).toBe('true'));
    expect(screen.queryByRole('heading', { name: 'Set a new password' })).toBeNull();
    expect(screen.getByLabelText('auth state').textContent).toBe('signed out');
  });

  it('a new password the instance refuses shows the reason on the new-password field', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: OLD_PASSWORD });
    const { user } = renderSignIn(app);
    await openForgotPassword(user);
    await typeResetCode(user, (await mock.mailbox.latestCode('ada@example.com')) ?? '');
    await screen.findByRole('heading', { name: 'Set a new password' });
    await user.type(screen.getByLabelText('New password'), 'short');
    await user.type(screen.getByLabelText('Confirm password'), 'short{Enter}');
    await waitFor(() => expect(screen.getByLabelText('New password').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText('auth state').textContent).toBe('signed out');
  });

  it('"Use another method" from the password step offers the reset too', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: OLD_PASSWORD });
    const { user } = renderSignIn(app);
    await user.type(await screen.findByLabelText('Email address'), 'ada@example.com{Enter}');
    await screen.findByLabelText('Password');
    await user.click(screen.getByRole('button', { name: 'Use another method' }));
    await user.click(await screen.findByRole('button', { name: 'Reset your password' }));
    expect(await screen.findByRole('heading', { name: 'Reset your password' })).toBeTruthy();
    expect(await mock.mailbox.latestCode('ada@example.com')).toMatch(/^\d{6}$/);
  });
});
