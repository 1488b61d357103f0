import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupMockApp } from '../../test-support/mock-app.ts';
import { renderSignIn } from '../../test-support/render-sign-in.tsx';

const PASSWORD = 'correct horse battery staple';
const PHONE = '+15555550142';
const app = setupMockApp({ instanceConfig: { attributes: { phoneNumber: { enabled: true } } } });
const { mock } = app;

/** Ada, with a verified phone number, signed out again. */
async function adaWithPhone() {
  await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
  const usher = await app.signedInAs('ada@example.com', PASSWORD);
  const phone = await usher.getSnapshot().user!.createPhoneNumber({ phoneNumber: PHONE });
  await phone.prepareVerification();
  await phone.attemptVerification({ code: (await mock.sms.latestCode(PHONE)) ?? '' });
  await usher.signOut();
  await mock.sms.clear();
}

describe('SignIn: forgot password, by text message', () => {
  it('"Text a code to my phone instead" texts the reset code; it leads to the new password and a session', async () => {
    await adaWithPhone();
    const { user } = renderSignIn(app);
    await user.type(await screen.findByLabelText('Email address'), 'ada@example.com{Enter}');
    await screen.findByLabelText('Password');
    await user.click(screen.getByRole('button', { name: 'Forgot password?' }));
    await screen.findByRole('heading', { name: 'Reset your password' });
    await user.click(screen.getByRole('button', { name: 'Text a code to my phone instead' }));
    expect(await screen.findByText('We texted a code to the phone number on your account, if it has one.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Email me a code instead' })).toBeTruthy();

    await waitFor(async () => expect(await mock.sms.latestCode(PHONE)).toMatch(/^\d{6}$/));
    await user.click(screen.getByRole('textbox', { name: 'Digit 1 of 6' }));
    await user.paste((await mock.sms.latestCode(PHONE)) ?? '');
    await user.type(await screen.findByLabelText('New password', { selector: 'input' }), 'a brand new passphrase');
    await user.type(screen.getByLabelText('Confirm password'), 'a brand new passphrase{Enter}');
    await waitFor(() => expect(screen.getByLabelText('auth state').textContent).toBe('signed in'));
  });
});
