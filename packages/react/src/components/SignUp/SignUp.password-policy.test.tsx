import { setupMockApp } from '../../test-support/mock-app.ts';
import { renderSignUp } from '../../test-support/render-sign-up.tsx';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

// The real server behind MSW, with every composition rule switched on.
const app = setupMockApp({
  instanceConfig: { password: { requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSpecialChar: true } },
});

/** Each rule's visible text with its met/unmet word, as a screen reader reads the list. */
function rules(): string[] {
  const list = screen.getByRole('list');
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

describe('SignUp on an instance with composition rules', () => {
  it('lists every rule the instance requires and marks each met as the user types, the way the server counts', async () => {
    const { user } = renderSignUp(app);
    const password = await screen.findByLabelText('Password');
    expect(rules()).toEqual([
      'At least 8 characters: not yet',
      'An upper-case letter: not yet',
      'A lower-case letter: not yet',
      'A number: not yet',
      'A special character (like ! or #): not yet',
    ]);
    await user.type(password, 'Éclair 9');
    expect(rules()).toEqual(['At least 8 characters: done', 'An upper-case letter: done', 'A lower-case letter: done', 'A number: done', 'A special character (like ! or #): not yet']);
    expect(password.getAttribute('aria-describedby')).toContain(screen.getByRole('list').parentElement!.id);
  });

  it('shows the server’s reason under the field when a password meeting the rules is refused as too guessable, and nothing is created', async () => {
    const { user } = renderSignUp(app);
    await user.type(await screen.findByLabelText('Email address'), 'new@example.com');
    await user.type(screen.getByLabelText('Password'), 'Password1!');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Your password is too easy to guess. Add a few more uncommon words or make it longer.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Verify your email' })).toBeNull();
  });
});
