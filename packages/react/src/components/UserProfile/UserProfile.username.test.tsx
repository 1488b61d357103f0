import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { setupMockApp } from '../../test-support/mock-app.ts';
import { UserProfileInternal } from './UserProfile.tsx';

const { mock, signedInAs } = setupMockApp({ instanceConfig: { attributes: { username: { enabled: true, required: false } } } });
const PASSWORD = 'correct horse battery staple';

describe('<UserProfile> on an instance with usernames', () => {
  it('edits the username; one taken by someone else is refused on its field', async () => {
    await mock.seedUser({ email: 'grace@example.com', password: PASSWORD, username: 'ghopper' });
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD, firstName: 'Ada' });
    const usher = await signedInAs('ada@example.com', PASSWORD);
    render(
      <UsherProvider usher={usher}>
        <UserProfileInternal routing="virtual" />
      </UsherProvider>,
    );
    const user = userEvent.setup();
    await user.click(within(await screen.findByRole('region', { name: 'Profile' })).getByRole('button', { name: 'Update profile' }));
    const field = screen.getByLabelText(/Username/);
    await user.type(field, 'ghopper');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByLabelText(/Username/).getAttribute('aria-invalid')).toBe('true'));
    await user.clear(screen.getByLabelText(/Username/));
    await user.type(screen.getByLabelText(/Username/), 'alovelace');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Your profile was updated.');
    expect(usher.getSnapshot().user?.username).toBe('alovelace');
  });
});
