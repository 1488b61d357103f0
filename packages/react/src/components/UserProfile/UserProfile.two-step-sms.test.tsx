import type { Usher } from '@usher/core';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setupMockApp } from '../../test-support/mock-app.ts';
import { renderTwoStepSection } from '../../test-support/render-security-page.tsx';

// Phone numbers and SMS codes as a second factor are both off by default; this instance turns them on.
const { mock, signedInAs } = setupMockApp({ instanceConfig: { attributes: { phoneNumber: { enabled: true } }, mfa: { phoneCode: true } } });
const PASSWORD = 'correct horse battery staple';

/** Ada, with these numbers already verified on her account, signed in. */
async function adaWithNumbers(...numbers: string[]): Promise<Usher> {
  const ada = await mock.seedUser({ email: 'ada@example.com', password: PASSWORD, firstName: 'Ada' });
  for (const [index, phoneNumber] of numbers.entries()) {
    const id = `idn_${'0'.repeat(35)}${index + 1}`;
    await mock.store.addPhoneNumber({ id, userId: ada.id, phoneNumber, verifiedAt: null, reservedForSecondFactor: false, createdAt: Date.now() });
    await mock.store.verifyPhoneNumber(id, Date.now());
  }
  return signedInAs('ada@example.com', PASSWORD);
}


const phoneOf = (usher: Usher, number: string) => usher.getSnapshot().user?.phoneNumbers.find((p) => p.phoneNumber === number);

describe('<UserProfile> two-step verification: text message codes', () => {
  it('reserving the first number shows its backup codes once; a second one does not, and can be made the default; stop using releases it', async () => {
    const usher = await adaWithNumbers('+15555550100', '+15555550111');
    const section = await renderTwoStepSection(usher);
    const user = userEvent.setup();
    expect(within(section).getByText('Text message codes')).toBeTruthy();

    await user.click(within(section).getByRole('button', { name: 'Actions for +15555550100' }));
    await user.click(screen.getByRole('menuitem', { name: 'Use for 2-step verification' }));
    const codes = await screen.findByRole('list', { name: 'Your backup codes' });
    expect(within(codes).getAllByRole('listitem')).toHaveLength(10);
    expect(phoneOf(usher, '+15555550100')?.reservedForSecondFactor).toBe(true);
    await user.click(screen.getByRole('button', { name: 'I’ve saved my codes' }));
    expect(await within(section).findByText('Sign-in can now text a code to +15555550100.')).toBeTruthy();
    expect(within(section).getByText('In use')).toBeTruthy();
    // With one method there is nothing to choose a default among.
    await user.click(within(section).getByRole('button', { name: 'Actions for +15555550100' }));
    expect(screen.queryByRole('menuitem', { name: 'Make default' })).toBeNull();
    await user.keyboard('{Escape}');

    await user.click(within(section).getByRole('button', { name: 'Actions for +15555550111' }));
    await user.click(screen.getByRole('menuitem', { name: 'Use for 2-step verification' }));
    expect(await within(section).findByText('Sign-in can now text a code to +15555550111.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Your backup codes' })).toBeNull();
    expect(within(section).getAllByText('In use')).toHaveLength(2);

    await user.click(within(section).getByRole('button', { name: 'Actions for +15555550111' }));
    await user.click(screen.getByRole('menuitem', { name: 'Make default' }));
    expect(await within(section).findByText('Sign-in will first offer a code texted to +15555550111.')).toBeTruthy();
    expect(within(section).getByText('Default')).toBeTruthy();
    expect(phoneOf(usher, '+15555550111')?.defaultSecondFactor).toBe(true);

    await user.click(within(section).getByRole('button', { name: 'Actions for +15555550100' }));
    await user.click(screen.getByRole('menuitem', { name: 'Stop using' }));
    expect(await within(section).findByText('Sign-in will no longer text codes to +15555550100.')).toBeTruthy();
    expect(phoneOf(usher, '+15555550100')?.reservedForSecondFactor).toBe(false);
    expect(usher.getSnapshot().user?.twoFactorEnabled).toBe(true);
  });

  it('without a verified number, says to add one on the profile and leads there', async () => {
    const usher = await adaWithNumbers();
    const section = await renderTwoStepSection(usher);
    const user = userEvent.setup();
    expect(within(section).getByText('Add and verify a phone number on your profile first.')).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Go to your profile' }));
    await screen.findByRole('heading', { name: 'Profile details' });
    await waitFor(() => expect(screen.getByRole('region', { name: 'Phone numbers' })).toBeTruthy());
  });
});
