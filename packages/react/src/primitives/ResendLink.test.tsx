import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResendLink } from './ResendLink.tsx';

beforeEach(() => {
  vi.useFakeTimers();
});
// Clicks go through fireEvent here: user-event's own waits need real timers.
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const link = () => screen.getByRole('button');
const tick = (seconds: number) => act(() => vi.advanceTimersByTime(seconds * 1000));

describe('<ResendLink>', () => {
  it('counts down before it can be used, staying focusable while it waits', async () => {
    const onResend = vi.fn();
    render(<ResendLink seconds={30} onResend={onResend} />);
    expect(link().textContent).toBe('Resend (30)');
    expect(link().getAttribute('aria-disabled')).toBe('true');
    tick(2);
    expect(link().textContent).toBe('Resend (28)');
    await act(async () => fireEvent.click(link()));
    expect(onResend).not.toHaveBeenCalled();
    expect(screen.getByText('Didn’t receive a code?', { exact: false })).toBeTruthy();
  });

  it('becomes available after the countdown and says so once, politely', () => {
    render(<ResendLink seconds={3} onResend={() => undefined} />);
    const live = document.querySelector('[aria-live="polite"]')!;
    tick(2);
    expect(live.textContent).toBe('');
    tick(1);
    expect(link().textContent).toBe('Resend');
    expect(link().hasAttribute('aria-disabled')).toBe(false);
    expect(live.textContent).toBe('You can request a new code now.');
  });

  it('resends, then starts counting again', async () => {
    const onResend = vi.fn().mockResolvedValue(undefined);
    render(<ResendLink seconds={2} onResend={onResend} />);
    tick(2);
    await act(async () => fireEvent.click(link()));
    expect(onResend).toHaveBeenCalledTimes(1);
    expect(link().textContent).toBe('Resend (2)');
    expect(document.querySelector('[aria-live="polite"]')!.textContent).toBe('A new code is on its way.');
  });

  it('stays available when resending fails, so the user can try again', async () => {
    const onResend = vi.fn().mockRejectedValue(new Error('429'));
    render(<ResendLink seconds={1} onResend={onResend} />);
    tick(1);
    await act(async () => fireEvent.click(link()));
    expect(link().textContent).toBe('Resend');
    expect(link().hasAttribute('aria-disabled')).toBe(false);
  });
});
