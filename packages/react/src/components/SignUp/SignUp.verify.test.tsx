import { setupMockApp } from '../../test-support/mock-app.ts';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Usher } from '@usher/core';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { useAuth } from '../../hooks/use-auth.ts';
import { SignUp } from './SignUp.tsx';

const { mock, instances } = setupMockApp();
afterEach(() => {
  vi.useRealTimers();
});

function Probe() {
  const { isSignedIn } = useAuth();
  return <output data-testid="probe">{isSignedIn ? 'signed in' : 'signed out'}</output>;
}

type User = ReturnType<typeof userEvent.setup>;

/** Renders <SignUp>, fills the first step for `email` and waits for the code step. */
async function atCodeStep(email: string, user: User = userEvent.setup()) {
  const usher = new Usher({ frontendApi: '' });
  instances.push(usher);
  render(
    <UsherProvider usher={usher} routerPush={() => undefined}>
      <SignUp routing="virtual" />
      <Probe />
    </UsherProvider>,
  );
  await user.type(await screen.findByLabelText('Email address'), email);
  await user.type(screen.getByLabelText('Password'), 'a long passphrase{Enter}');
  await screen.findByRole('heading', { name: 'Verify your email' });
  return user;
}

const firstBox = () => screen.getByRole('textbox', { name: 'Digit 1 of 6' });
const codeError = () => document.querySelector('.usher-otpCodeFieldErrorText')?.textContent ?? null;

describe('SignUp — email code step', () => {
  it('focuses the code, which autocompletes as a one-time code', async () => {
    await atCodeStep('ada@example.com');
    // Focus moves in an effect after the step renders.
    await waitFor(() => expect(document.activeElement).toBe(firstBox()));
    expect(firstBox().getAttribute('autocomplete')).toBe('one-time-code');
  });

  it('says a wrong code is not right, on the code field, and stays signed out', async () => {
    const user = await atCodeStep('ada@example.com');
    const right = (await mock.mailbox.latestCode('ada@example.com'))!;
    const wrong = right === '000000' ? '111111' : '000000';
    await user.keyboard(wrong);
    await waitFor(() => expect(codeError()).toBe('That code is not right. Check the latest email and try again.'));
    expect(firstBox().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('probe').textContent).toBe('signed out');
    await waitFor(() => expect(document.activeElement).toBe(firstBox()));
  });

  it('says an expired code (after 11 minutes) has expired', async () => {
    const user = await atCodeStep('ada@example.com');
    const code = (await mock.mailbox.latestCode('ada@example.com'))!;
    mock.clock.advance(11 * 60_000);
    await user.keyboard(code);
    await waitFor(() => expect(codeError()).toBe('This code has expired. Request a new one.'));
  });

  it('accepts the whole code pasted into the first box', async () => {
    const user = await atCodeStep('ada@example.com');
    const code = (await mock.mailbox.latestCode('ada@example.com'))!;
    await user.click(firstBox());
    await user.paste(code);
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('signed in'));
  });

  it('lets the code be resent only after a 30-second countdown, then sends a new code', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
    await atCodeStep('ada@example.com', userEvent.setup({ advanceTimers: vi.advanceTimersByTime }));
    const first = (await mock.mailbox.latestCode('ada@example.com'))!;
    const resend = screen.getByRole('button', { name: /^Resend \(\d+\)$/ });
    expect(resend.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(resend);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(31_000);
    });
    const ready = screen.getByRole('button', { name: 'Resend' });
    expect(ready.getAttribute('aria-disabled')).toBeNull();
    expect((await mock.mailbox.list()).filter((m) => m.to === 'ada@example.com')).toHaveLength(1);
    await act(async () => {
      fireEvent.click(ready);
    });
    await waitFor(async () => expect((await mock.mailbox.list()).filter((m) => m.to === 'ada@example.com')).toHaveLength(2));
    await waitFor(() => expect(screen.getByRole('button', { name: /^Resend \(\d+\)$/ })).toBeTruthy());
    const second = (await mock.mailbox.latestCode('ada@example.com'))!;
    expect(second).toMatch(/^\d{6}$/);
    expect(first).toMatch(/^\d{6}$/);
  });

  it('verifies with Enter on the submit button after typing the code', async () => {
    const user = await atCodeStep('ada@example.com');
    const code = (await mock.mailbox.latestCode('ada@example.com'))!;
    await user.keyboard(code.slice(0, 5));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(codeError()).toBe('Enter the 6-digit code.'));
    await user.keyboard(code.slice(5));
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('signed in'));
  });
});
