import { setupMockApp } from '../../test-support/mock-app.ts';
import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Usher } from '@usher/core';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { SignIn } from './SignIn.tsx';

const PASSWORD = 'correct horse battery staple';
// The product's real limits: 3 factor attempts per 10 s, then 429 with Retry-After.
const { mock, instances } = setupMockApp({ rateLimits: 'default' });

describe('SignIn: rate limited', () => {
  it('given 4 quick password attempts, shows the wait with a live countdown and holds the submit button', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const usher = new Usher({ frontendApi: '' });
    instances.push(usher);
    const user = userEvent.setup();
    render(
      <UsherProvider usher={usher}>
        <SignIn routing="virtual" />
      </UsherProvider>,
    );
    await user.type(await screen.findByLabelText('Email address'), 'ada@example.com{Enter}');
    const password = await screen.findByLabelText('Password');
    for (let i = 0; i < 4; i++) {
      await user.type(password, 'wrong password here{Enter}');
      await waitFor(() => expect(screen.getByRole('button', { name: 'Continue' }).getAttribute('aria-busy')).toBeNull());
    }
    const alert = await screen.findByTestId('usher-sign-in-rate-limited');
    const visible = () => alert.querySelector('span[aria-hidden="true"]')!.textContent!;
    expect(visible()).toMatch(/You can try again in \d+ s\./);
    const first = Number(/in (\d+) s/.exec(visible())![1]);
    expect(first).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Continue' }).hasAttribute('disabled')).toBe(true);
    await waitFor(() => expect(Number(/in (\d+) s/.exec(visible())![1])).toBeLessThan(first), { timeout: 2500 });
  });
});
