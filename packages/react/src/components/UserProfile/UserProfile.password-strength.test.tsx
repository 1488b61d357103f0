import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { setupMockApp } from '../../test-support/mock-app.ts';
import { UserProfileInternal } from './UserProfile.tsx';

const { mock, signedInAs } = setupMockApp();
const PASSWORD = 'correct horse battery staple';

// The first estimate waits for zxcvbn's dictionaries (imported when the field mounts).
const LOADED = { timeout: 10_000 };

describe('<UserProfile> change password strength meter', () => {
  it('given Ada Lovelace signed in, counts her own name against "lovelace1815" the way the server does when it refuses it', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' });
    render(
      <UsherProvider usher={await signedInAs('ada@example.com', PASSWORD)}>
        <UserProfileInternal routing="virtual" initialRoute="security" />
      </UsherProvider>,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Change password' }));
    await user.type(screen.getByLabelText('Current password'), PASSWORD);
    const next = screen.getByLabelText('New password');
    await user.type(next, 'lovelace1815');
    const meter = document.querySelector<HTMLElement>('.usher-passwordStrengthMeter')!;
    expect(next.getAttribute('aria-describedby')).toContain(meter.id);
    await waitFor(() => expect(meter.textContent).toContain('Too easy to guess'), LOADED);
    expect(meter.textContent).toContain('There should not be any personal or page related data.');

    await user.type(screen.getByLabelText('Confirm password'), 'lovelace1815');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(next.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/^Your password is too easy to guess\./)).toBeTruthy();
  });
});
