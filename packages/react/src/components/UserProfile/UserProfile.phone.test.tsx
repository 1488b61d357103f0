import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { setupMockApp } from '../../test-support/mock-app.ts';
import { UserProfileInternal } from './UserProfile.tsx';

// Phone numbers are off by default; this instance turns them on.
const { mock, signedInAs } = setupMockApp({ instanceConfig: { attributes: { phoneNumber: { enabled: true } } } });
const PASSWORD = 'correct horse battery staple';

async function latestSmsCode(to: string): Promise<string> {
  const { data } = await mock.store.listDevMessages({ channel: 'sms', limit: 100, offset: 0 });
  return /\b(\d{6})\b/.exec(data.filter((m) => m.to === to).at(-1)?.text ?? '')?.[1] ?? '';
}

describe('<UserProfile> phone numbers', () => {
  it('adds a number, verifies it with the texted code, and makes it primary', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' });
    const usher = await signedInAs('ada@example.com', PASSWORD);
    render(
      <UsherProvider usher={usher}>
        <UserProfileInternal routing="virtual" />
      </UsherProvider>,
    );
    const user = userEvent.setup();
    const phones = await screen.findByRole('region', { name: 'Phone numbers' });
    await user.click(within(phones).getByRole('button', { name: 'Add phone number' }));
    await user.type(screen.getByLabelText('Phone number'), '+1 555 555 0100');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByText('Enter the code texted to +15555550100.');
    await waitFor(async () => expect(await latestSmsCode('+15555550100')).toMatch(/^\d{6}$/));
    await user.click(screen.getAllByRole('textbox')[0]!);
    await user.paste(await latestSmsCode('+15555550100'));
    await waitFor(() => expect(usher.getSnapshot().user?.phoneNumbers[0]?.verified).toBe(true));
    await user.click(within(screen.getByRole('region', { name: 'Phone numbers' })).getByRole('button', { name: 'Actions for +15555550100' }));
    await user.click(screen.getByRole('menuitem', { name: 'Set as primary' }));
    await waitFor(() => expect(usher.getSnapshot().user?.primaryPhoneNumber?.phoneNumber).toBe('+15555550100'));
    expect(within(screen.getByRole('region', { name: 'Phone numbers' })).getByText('Primary')).toBeTruthy();

    // The only number, primary, can still be removed (after a confirmation).
    await user.click(within(screen.getByRole('region', { name: 'Phone numbers' })).getByRole('button', { name: 'Actions for +15555550100' }));
    expect(screen.queryByRole('menuitem', { name: 'Set as primary' })).toBeNull();
    await user.click(screen.getByRole('menuitem', { name: 'Remove' }));
    await user.click(await screen.findByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(usher.getSnapshot().user?.phoneNumbers).toEqual([]));
    expect(usher.getSnapshot().user?.primaryPhoneNumberId).toBeNull();
  });
});
