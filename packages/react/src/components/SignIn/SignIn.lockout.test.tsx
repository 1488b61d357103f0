import { setupMockApp } from '../../test-support/mock-app.ts';
import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Usher } from '@usher/core';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { SignIn } from './SignIn.tsx';

const PASSWORD = 'correct horse battery staple';
const { mock, instances } = setupMockApp({ instanceConfig: { lockout: { maxAttempts: 2, lockSeconds: 3600 } } });

describe('SignIn: locked account', () => {
  it('given a lockout after 2 failures, says until when signing in is paused, in the user’s locale', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const usher = new Usher({ frontendApi: '' });
    instances.push(usher);
    const user = userEvent.setup();
    render(
      <UsherProvider usher={usher} localization={{ locale: 'en-GB' }}>
        <SignIn routing="virtual" />
      </UsherProvider>,
    );
    await user.type(await screen.findByLabelText('Email address'), 'ada@example.com{Enter}');
    const password = await screen.findByLabelText('Password');
    await user.type(password, 'wrong password here{Enter}');
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    await user.type(password, 'wrong password again{Enter}');

    const alert = await screen.findByRole('alert');
    const until = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(mock.clock.now() + 3600_000);
    expect(alert.textContent).toContain(`paused until ${until}`);

    // The right password is refused too while locked.
    await user.type(password, `${PASSWORD}{Enter}`);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('paused until'));
  });
});
