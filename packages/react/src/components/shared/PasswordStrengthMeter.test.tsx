import { act, render } from '@testing-library/react';
import type { PasswordStrength, PasswordStrengthEstimator } from '@usher/protocol/password-strength';
import { describe, expect, it } from 'vitest';
import { PasswordStrengthMeter } from './PasswordStrengthMeter.tsx';
import { PASSWORD_STRENGTH_DEBOUNCE_MS } from './use-password-strength.ts';

/** An estimator whose answer the test decides, and a record of what it was asked. */
function fakeEstimator(answer: (password: string) => PasswordStrength) {
  const calls: Array<{ password: string; userInputs: readonly string[] }> = [];
  const estimate: PasswordStrengthEstimator = (password, userInputs = []) => {
    calls.push({ password, userInputs });
    return answer(password);
  };
  return { calls, load: () => Promise.resolve(estimate) };
}

const byLength = (password: string): PasswordStrength => ({ score: Math.min(4, Math.floor(password.length / 4)) as PasswordStrength['score'], warning: null, suggestions: [] });

/** Lets the estimator arrive, then the debounced estimate run. */
async function settle() {
  await act(async () => undefined);
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, PASSWORD_STRENGTH_DEBOUNCE_MS + 50));
  });
}

function meter(container: HTMLElement): HTMLElement {
  return container.querySelector('.usher-passwordStrengthMeter')!;
}

describe('PasswordStrengthMeter', () => {
  it('keeps its place without any text while the estimator loads, then shows the level once typed', async () => {
    let resolve: (estimate: PasswordStrengthEstimator) => void = () => undefined;
    const load = () => new Promise<PasswordStrengthEstimator>((r) => (resolve = r));
    const { container, rerender } = render(<PasswordStrengthMeter id="m" password="" minScore={2} load={load} />);
    expect(meter(container).getAttribute('data-state')).toBe('loading');
    expect(meter(container).textContent).toBe('');
    expect(meter(container).querySelector('[aria-live=polite]')).toBeTruthy();
    rerender(<PasswordStrengthMeter id="m" password="abcdefghijkl" minScore={2} load={load} />);
    await act(async () => resolve(byLength));
    await settle();
    expect(meter(container).getAttribute('data-state')).toBe('ready');
    expect(meter(container).textContent).toBe('Good password: Strong enough');
  });

  it('disappears when the estimator cannot be loaded, leaving the form as it was', async () => {
    const { container } = render(<PasswordStrengthMeter id="m" password="hunter2" minScore={2} load={() => Promise.reject(new Error('chunk failed'))} />);
    await settle();
    const root = meter(container);
    expect(root.id).toBe('m');
    expect(root.hidden).toBe(true);
    expect(root.textContent).toBe('');
  });

  it('estimates a little after the typing stops, with the user’s words and the NFKC form the server checks', async () => {
    const fake = fakeEstimator(byLength);
    const { rerender } = render(<PasswordStrengthMeter id="m" password="" userInputs={['Ada', 'ada.lovelace@example.com', null]} minScore={2} load={fake.load} />);
    await act(async () => undefined);
    for (const typed of ['ﬁ', 'ﬁr', 'ﬁre']) rerender(<PasswordStrengthMeter id="m" password={typed} userInputs={['Ada', 'ada.lovelace@example.com', null]} minScore={2} load={fake.load} />);
    await settle();
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.password).toBe('fire');
    expect(fake.calls[0]!.userInputs).toEqual(['ada', 'ada.lovelace', 'lovelace']);
  });

  it('changes its live text only when the level or the verdict changes', async () => {
    const fake = fakeEstimator(byLength);
    const { container, rerender } = render(<PasswordStrengthMeter id="m" password="abcd" minScore={2} load={fake.load} />);
    await settle();
    const live = meter(container).querySelector('[aria-live=polite]')!;
    expect(live.textContent).toBe('Weak password: Too easy to guess');
    const text = live.firstChild;
    rerender(<PasswordStrengthMeter id="m" password="abcde" minScore={2} load={fake.load} />);
    await settle();
    expect(live.textContent).toBe('Weak password: Too easy to guess');
    expect(live.firstChild).toBe(text);
    rerender(<PasswordStrengthMeter id="m" password="abcdefgh" minScore={2} load={fake.load} />);
    await settle();
    expect(live.textContent).toBe('Fair password: Strong enough');
  });

  it('shows the level without a verdict on an instance without a strength floor, and zxcvbn’s advice outside the live region', async () => {
    const fake = fakeEstimator(() => ({ score: 0, warning: 'This is a heavily used password.', suggestions: ['Add more words that are less common.'] }));
    const { container } = render(<PasswordStrengthMeter id="m" password="password" minScore={0} load={fake.load} />);
    await settle();
    const root = meter(container);
    expect(root.querySelector('[aria-live=polite]')!.textContent).toBe('Weak password');
    expect(root.getAttribute('data-meets-minimum')).toBeNull();
    expect(root.querySelector('.usher-passwordStrengthFeedback')!.textContent).toBe('This is a heavily used password.Add more words that are less common.');
  });
});
