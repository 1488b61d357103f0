import { setupMockApp } from '../../test-support/mock-app.ts';
import { renderSignUp } from '../../test-support/render-sign-up.tsx';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

// The real server behind MSW with its default strength floor (zxcvbn score 2).
const app = setupMockApp();

// The first estimate waits for zxcvbn's dictionaries (imported when the field mounts).
const LOADED = { timeout: 10_000 };

/** The strength meter the password input is described by. */
function meterOf(input: HTMLElement): HTMLElement {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/);
  const meter = ids.map((id) => document.getElementById(id)).find((node) => node?.classList.contains('usher-passwordStrengthMeter'));
  if (!meter) throw new Error('the password input is not described by a strength meter');
  return meter;
}

describe('SignUp password strength meter', () => {
  it('given "password", shows a weak level, zxcvbn’s warning and "Too easy to guess", in words and not colour alone', async () => {
    const { user } = renderSignUp(app);
    const password = await screen.findByLabelText('Password');
    await user.type(password, 'password');
    const meter = meterOf(password);
    await waitFor(() => expect(meter.getAttribute('data-state')).toBe('ready'), LOADED);
    expect(meter.textContent).toContain('Weak password');
    expect(meter.textContent).toContain('Too easy to guess');
    expect(meter.textContent).toContain('This is a heavily used password.');
    expect(meter.getAttribute('data-strength')).toBe('weak');
    expect(meter.getAttribute('data-meets-minimum')).toBe('false');
  });

  it('given a long passphrase, shows a strong level and "Strong enough"', async () => {
    const { user } = renderSignUp(app);
    const password = await screen.findByLabelText('Password');
    await user.type(password, 'correct horse battery staple');
    const meter = meterOf(password);
    await waitFor(() => expect(meter.textContent).toContain('Strong password'), LOADED);
    expect(meter.textContent).toContain('Strong enough');
    expect(meter.getAttribute('data-meets-minimum')).toBe('true');
    expect(meter.querySelectorAll('.usher-passwordStrengthMeterBar[data-filled]')).toHaveLength(4);
  });

  it('counts the email typed in the form against the password, as the server does when it refuses it', async () => {
    const { user } = renderSignUp(app);
    await user.type(await screen.findByLabelText('Email address'), 'zebra.mcwhistle@example.com');
    const password = screen.getByLabelText('Password');
    await user.type(password, 'zebramcwhistle');
    await waitFor(() => expect(meterOf(password).textContent).toContain('Too easy to guess'), LOADED);
    expect(meterOf(password).textContent).toContain('There should not be any personal or page related data.');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/^Your password is too easy to guess\./)).toBeTruthy();
  });

  it('takes the passwordStrengthMeter element key, sits next to the rules in the input’s aria-describedby, and announces politely', async () => {
    const { user } = renderSignUp(app, { provider: { appearance: { elements: { passwordStrengthMeter: 'app-meter', passwordStrengthMeterBar: 'app-bar' } } } });
    const password = await screen.findByLabelText('Password');
    const meter = meterOf(password);
    expect(meter.classList.contains('app-meter')).toBe(true);
    const described = password.getAttribute('aria-describedby')!.split(' ');
    expect(described).toContain(screen.getByRole('list').parentElement!.id);
    await user.type(password, 'password');
    await waitFor(() => expect(meter.getAttribute('data-state')).toBe('ready'), LOADED);
    expect(meter.querySelector('.usher-passwordStrengthMeterBar')!.classList.contains('app-bar')).toBe(true);
    const live = meter.querySelector('[aria-live]')!;
    expect(live.getAttribute('aria-live')).toBe('polite');
    // Only the level and the verdict are live: zxcvbn's advice is read with the field, not announced.
    expect(live.textContent).toBe('Weak password: Too easy to guess');
  });
});
