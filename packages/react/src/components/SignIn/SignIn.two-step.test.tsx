import { cleanup, screen, waitFor } from '@testing-library/react';
import type { userEvent } from '@testing-library/user-event';
import { totpCodeOf } from '@usher/testing/node';
import { describe, expect, it } from 'vitest';
import { setupMockApp } from '../../test-support/mock-app.ts';
import { renderSignIn } from '../../test-support/render-sign-in.tsx';

const PASSWORD = 'correct horse battery staple';
const app = setupMockApp();
const { mock, instances } = app;

/** Identifier and the right password: lands on the second step. */
async function passwordStep(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText('Email address'), 'ada@example.com{Enter}');
  await user.type(await screen.findByLabelText('Password'), `${PASSWORD}{Enter}`);
  await screen.findByRole('heading', { name: 'Two-step verification' });
}

async function pasteCode(user: ReturnType<typeof userEvent.setup>, code: string) {
  await user.click(screen.getByRole('textbox', { name: 'Digit 1 of 6' }));
  await user.paste(code);
}

describe('SignIn: two-step verification', () => {
  it('given a user with an authenticator app, the right password asks for its code; a wrong one is refused, the right one signs in', async () => {
    const seeded = await mock.seedUser({ email: 'ada@example.com', password: PASSWORD, totp: true });
    const { user, routerPush } = renderSignIn(app);
    await passwordStep(user);

    expect(await screen.findByRole('heading', { name: 'Two-step verification' })).toBeTruthy();
    expect(screen.getByText('Enter the 6-digit code from your authenticator app.')).toBeTruthy();
    expect(screen.getByLabelText('auth state').textContent).toBe('signed out');
    const first = screen.getByRole('textbox', { name: 'Digit 1 of 6' });
    await waitFor(() => expect(document.activeElement).toBe(first));
    expect(first.getAttribute('autocomplete')).toBe('one-time-code');

    const right = await totpCodeOf(seeded.totpSecret!, mock.clock.now());
    await pasteCode(user, right === '000000' ? '111111' : '000000');
    expect(await screen.findByText(/That code is not right, or it was already used/)).toBeTruthy();
    expect(screen.getByLabelText('auth state').textContent).toBe('signed out');

    // The seeding spent the current step's code: the next step's is inside the ±1 window.
    await pasteCode(user, await totpCodeOf(seeded.totpSecret!, mock.clock.now(), 1));
    await waitFor(() => expect(screen.getByLabelText('auth state').textContent).toBe('signed in'));
    await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/'));
  });

  it('"Use another method" offers the backup codes; one signs in, and it works only once', async () => {
    const seeded = await mock.seedUser({ email: 'ada@example.com', password: PASSWORD, totp: true });
    const { user } = renderSignIn(app);
    await passwordStep(user);
    await user.click(await screen.findByRole('button', { name: 'Use another method' }));
    expect(await screen.findByRole('heading', { name: 'Use another method' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Use a backup code' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Use a backup code' }));

    const field = await screen.findByLabelText('Backup code');
    expect(field.getAttribute('autocomplete')).toBe('off');
    await user.type(field, `${seeded.backupCodes[0]!.toUpperCase()}{Enter}`);
    await waitFor(() => expect(screen.getByLabelText('auth state').textContent).toBe('signed in'));

    // Signed out again, the same code is refused.
    await instances[0]!.signOut();
    cleanup();
    const again = renderSignIn(app);
    await passwordStep(again.user);
    await again.user.click(await screen.findByRole('button', { name: 'Use another method' }));
    await again.user.click(await screen.findByRole('button', { name: 'Use a backup code' }));
    await again.user.type(await screen.findByLabelText('Backup code'), `${seeded.backupCodes[0]!}{Enter}`);
    expect(await screen.findByText('That backup code is not right, or it was already used.')).toBeTruthy();
    expect(screen.getByLabelText('Backup code').getAttribute('aria-invalid')).toBe('true');
  });

  it('a reset of an account with 2-step verification ends at the second step, not at a session', async () => {
    const seeded = await mock.seedUser({ email: 'ada@example.com', password: PASSWORD, totp: true });
    const { user } = renderSignIn(app);
    await user.type(await screen.findByLabelText('Email address'), 'ada@example.com{Enter}');
    await screen.findByLabelText('Password');
    await user.click(screen.getByRole('button', { name: 'Forgot password?' }));
    await screen.findByRole('heading', { name: 'Reset your password' });
    await pasteCode(user, (await mock.mailbox.latestCode('ada@example.com')) ?? '');
    await user.type(await screen.findByLabelText('New password'), 'a brand new passphrase');
    await user.type(screen.getByLabelText('Confirm password'), 'a brand new passphrase{Enter}');

    expect(await screen.findByRole('heading', { name: 'Two-step verification' })).toBeTruthy();
    expect(screen.getByLabelText('auth state').textContent).toBe('signed out');
    await pasteCode(user, await totpCodeOf(seeded.totpSecret!, mock.clock.now(), 1));
    await waitFor(() => expect(screen.getByLabelText('auth state').textContent).toBe('signed in'));
  });
});
