import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalizationProvider } from '../localization/LocalizationProvider.tsx';
import { Checkbox } from './Checkbox.tsx';
import { Field } from './Field.tsx';

afterEach(cleanup);

describe('<Field>', () => {
  it('labels its input and passes autocomplete and name through; the ref is the input', () => {
    const ref = createRef<HTMLInputElement>();
    render(<Field ref={ref} name="identifier" label="Email address" autoComplete="username" />);
    const input = screen.getByLabelText('Email address');
    expect(ref.current).toBe(input);
    expect(input.getAttribute('autocomplete')).toBe('username');
    expect(input.getAttribute('name')).toBe('identifier');
    expect(input.className).toBe('usher-formFieldInput usher-formFieldInput__identifier');
  });

  it('marks an error with aria-invalid and describes the input with it (and the hint)', () => {
    render(<Field name="password" type="password" label="Password" hint="At least 8 characters." error="Enter your password." />);
    const input = screen.getByLabelText('Password');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = input.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Enter your password.', 'At least 8 characters.']);
    expect(input.closest('.usher-formField')!.getAttribute('data-state')).toBe('error');
    expect(input.classList.contains('usher-formFieldInput__error')).toBe(true);
  });

  it('has no aria-invalid nor description without an error or hint', () => {
    render(<Field name="identifier" label="Email address" />);
    const input = screen.getByLabelText('Email address');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });

  it('shows "Optional" next to an optional field', () => {
    render(<Field name="username" label="Username" optional />);
    expect(screen.getByText('Optional').className).toContain('usher-formFieldOptionalText');
  });

  it('toggles password visibility with a button whose name says what it will do', async () => {
    const user = userEvent.setup();
    render(<Field name="password" type="password" label="Password" autoComplete="current-password" />);
    const input = screen.getByLabelText('Password');
    expect(input.getAttribute('type')).toBe('password');
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(input.getAttribute('type')).toBe('text');
    await user.click(screen.getByRole('button', { name: 'Hide password' }));
    expect(input.getAttribute('type')).toBe('password');
    expect(screen.getByRole('button', { name: 'Show password' }).getAttribute('aria-controls')).toBe(input.id);
  });

  it('takes the toggle’s names from the localization', () => {
    render(
      <LocalizationProvider localization={{ formFieldInput__showPassword: 'Passwort anzeigen' }}>
        <Field name="password" type="password" label="Passwort" />
      </LocalizationProvider>,
    );
    expect(screen.getByRole('button', { name: 'Passwort anzeigen' })).toBeTruthy();
  });

  it('reports each new value', async () => {
    const onValueChange = vi.fn();
    render(<Field name="identifier" label="Email address" onValueChange={onValueChange} />);
    await userEvent.setup().type(screen.getByLabelText('Email address'), 'ab');
    expect(onValueChange).toHaveBeenLastCalledWith('ab');
  });
});

describe('<Checkbox>', () => {
  it('is a labelled checkbox reporting its state, with an error when invalid', async () => {
    const onCheckedChange = vi.fn();
    render(<Checkbox name="legalAccepted" label="I agree to the Terms" error="Accept the terms to continue." onCheckedChange={onCheckedChange} />);
    const box = screen.getByRole('checkbox', { name: 'I agree to the Terms' });
    await userEvent.setup().click(box);
    expect(onCheckedChange).toHaveBeenCalledWith(true);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toBe('Accept the terms to continue.');
  });
});
