import { setupMockApp } from '../../test-support/mock-app.ts';
import { renderSignUp } from '../../test-support/render-sign-up.tsx';
import { screen, waitFor } from '@testing-library/react';
import type { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Usher } from '@usher/core';
import { useUser } from '../../hooks/use-resources.ts';

const app = setupMockApp({
  instanceConfig: {
    signUp: { legalConsentEnabled: true },
    attributes: { username: { enabled: true, required: true }, firstName: { enabled: true, required: true }, lastName: { enabled: true, required: true } },
    branding: { termsUrl: 'https://example.com/terms', privacyPolicyUrl: 'https://example.com/privacy' },
  },
});
const { mock } = app;

function description(element: Element): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ');
}

function Probe() {
  const { user } = useUser();
  return <output data-testid="probe">{user ? `${user.firstName} ${user.lastName} @${user.username}` : 'signed out'}</output>;
}

async function fill(user: ReturnType<typeof userEvent.setup>, values: { first?: string; last?: string; username?: string; email?: string; password?: string }) {
  await screen.findByLabelText('Email address');
  if (values.first) await user.type(screen.getByLabelText('First name'), values.first);
  if (values.last) await user.type(screen.getByLabelText('Last name'), values.last);
  if (values.username) await user.type(screen.getByLabelText('Username'), values.username);
  if (values.email) await user.type(screen.getByLabelText('Email address'), values.email);
  if (values.password) await user.type(screen.getByLabelText('Password'), values.password);
}

describe('SignUp on an instance that requires names, a username and legal consent', () => {
  it('shows them as required (no "Optional"), with their autocomplete, and links the terms and privacy policy', async () => {
    renderSignUp(app);
    const first = await screen.findByLabelText('First name');
    expect(first.getAttribute('aria-required')).toBe('true');
    expect(screen.queryByText('Optional')).toBeNull();
    expect(screen.getByLabelText('Username').getAttribute('autocomplete')).toBe('username');
    expect(screen.getByRole('link', { name: /Terms of Service/ }).getAttribute('href')).toBe('https://example.com/terms');
    expect(screen.getByRole('link', { name: /Privacy Policy/ }).getAttribute('href')).toBe('https://example.com/privacy');
    expect(screen.getByRole('checkbox').getAttribute('aria-required')).toBe('true');
  });

  it('asks for the missing names and the consent, focusing the first one', async () => {
    const { user } = renderSignUp(app);
    await fill(user, { username: 'ada', email: 'ada@example.com', password: 'a long passphrase' });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(description(screen.getByLabelText('First name'))).toBe('Enter your first name.');
    expect(description(screen.getByLabelText('Last name'))).toBe('Enter your last name.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('First name')));
    const consent = screen.getByRole('checkbox');
    expect(consent.getAttribute('aria-invalid')).toBe('true');
    expect(description(consent)).toBe('Accept the terms to continue.');
  });

  it('requires the consent even when everything else is there', async () => {
    const { user } = renderSignUp(app);
    await fill(user, { first: 'Ada', last: 'Lovelace', username: 'ada', email: 'ada@example.com', password: 'a long passphrase' });
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('checkbox')));
    expect(screen.queryByRole('heading', { name: 'Verify your email' })).toBeNull();
  });

  it('puts "username taken" on the username field', async () => {
    // Grace signs up as "ada" first (seedUser cannot give the consent this instance requires).
    const grace = new Usher({ frontendApi: '' });
    await grace.load();
    let attempt = await grace.getSnapshot().signUp.create({ emailAddress: 'grace@example.com', password: 'a long passphrase', username: 'ada', firstName: 'Grace', lastName: 'Hopper', legalAccepted: true });
    await attempt.prepareEmailAddressVerification();
    attempt = await attempt.attemptEmailAddressVerification({ code: (await mock.mailbox.latestCode('grace@example.com'))! });
    expect(attempt.status).toBe('complete');
    await grace.signOut();
    grace.destroy();
    const { user } = renderSignUp(app);
    await fill(user, { first: 'Ada', last: 'Lovelace', username: 'ada', email: 'ada@example.com', password: 'a long passphrase' });
    await user.click(screen.getByRole('checkbox'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(description(screen.getByLabelText('Username'))).toBe('This username is not available. Try another one.'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Username')));
  });

  it('puts an invalid username error on the username field', async () => {
    const { user } = renderSignUp(app);
    await fill(user, { first: 'Ada', last: 'Lovelace', username: 'ada lovelace!', email: 'ada@example.com', password: 'a long passphrase' });
    await user.click(screen.getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(description(screen.getByLabelText('Username'))).toBe('Usernames can contain letters, numbers, "_" and "-" only.'));
  });

  it('signs up with every field', async () => {
    const { user } = renderSignUp(app, { children: <Probe /> });
    await fill(user, { first: 'Ada', last: 'Lovelace', username: 'ada', email: 'ada@example.com', password: 'a long passphrase' });
    await user.click(screen.getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { name: 'Verify your email' });
    await user.keyboard((await mock.mailbox.latestCode('ada@example.com'))!);
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('Ada Lovelace @ada'));
  });
});
