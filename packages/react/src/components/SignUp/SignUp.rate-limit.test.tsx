import { setupMockApp } from '../../test-support/mock-app.ts';
import { renderSignUp } from '../../test-support/render-sign-up.tsx';
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

const app = setupMockApp({ rateLimits: 'default' });
afterEach(() => {
  vi.useRealTimers();
});

describe('SignUp under the default rate limits', () => {
  it('after too many quick sign-ups, says so and counts down before the next try', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setInterval', 'clearInterval', 'Date'] });
    // Five sign-up creations from this IP within 10 s are allowed (these fail validation, so the
    // browser has no sign-up in progress and the form creates a new one): the sixth is refused.
    const other = app.newUsher();
    await other.load();
    for (let i = 0; i < 5; i++) await other.getSnapshot().signUp.create({ emailAddress: `not an email ${i}` }).catch(() => undefined);
    const { user } = renderSignUp(app, { userEvent: { advanceTimers: vi.advanceTimersByTime } });
    await user.type(await screen.findByLabelText('Email address'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long passphrase{Enter}');

    expect((await screen.findByRole('alert')).textContent).toContain('Too many attempts. Please wait before trying again.');
    const button = await screen.findByRole('button', { name: /^Try again in \d+ s$/ });
    const before = Number(/\d+/.exec(button.textContent!)![0]);
    expect(before).toBeGreaterThan(0);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_000);
    });
    expect(Number(/\d+/.exec(button.textContent!)![0])).toBeLessThan(before);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(before * 1000);
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Continue' })).toBeTruthy());
  });
});
