import { setupMockApp } from '../../test-support/mock-app.ts';
import { renderSignUp } from '../../test-support/render-sign-up.tsx';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useAuth } from '../../hooks/use-auth.ts';
import { useUser } from '../../hooks/use-resources.ts';

const app = setupMockApp();
const { mock } = app;

/** The text of the elements that describe `element` (aria-describedby), as a screen reader reads it. */
function description(element: Element): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ');
}

function Probe() {
  const { isSignedIn } = useAuth();
  const { user } = useUser();
  return <output data-testid="probe">{isSignedIn ? `signed in as ${user?.primaryEmailAddress?.emailAddress}` : 'signed out'}</output>;
}

async function fillStart(user: ReturnType<typeof userEvent.setup>, email: string, password = 'a long passphrase') {
  await user.type(await screen.findByLabelText('Email address'), email);
  await user.type(screen.getByLabelText('Password'), password);
}

describe('SignUp', () => {
  it('given the default instance, signs a new user up with the emailed code and leaves for the after-sign-up URL', async () => {
    const { routerPush, user } = renderSignUp(app, { children: <Probe /> });
    expect(screen.getByRole('region', { name: 'Create your account' }).getAttribute('aria-busy')).toBe('true');
    await fillStart(user, 'ada@example.com');
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('heading', { name: 'Verify your email' })).toBeTruthy();
    expect(screen.getByText('Enter the verification code sent to ada@example.com')).toBeTruthy();
    const code = await mock.mailbox.latestCode('ada@example.com');
    expect(code).toMatch(/^\d{6}$/);
    await user.keyboard(code!);

    await waitFor(() => expect(screen.getByTestId('probe').textContent).toContain('signed in as ada@example.com'));
    await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/'));
  });

  it('shows the instance fields with optional ones marked, and focuses the first field', async () => {
    renderSignUp(app);
    const first = await screen.findByLabelText(/First name/);
    expect(first.getAttribute('autocomplete')).toBe('given-name');
    await waitFor(() => expect(document.activeElement).toBe(first));
    expect(screen.getByText('First name').parentElement!.textContent).toContain('Optional');
    expect(screen.getByLabelText(/Last name/).getAttribute('autocomplete')).toBe('family-name');
    expect(screen.getByLabelText('Email address').getAttribute('autocomplete')).toBe('email');
    expect(screen.getByLabelText('Password').getAttribute('autocomplete')).toBe('new-password');
    expect(screen.queryByLabelText(/Username/)).toBeNull();
    expect(screen.getByLabelText('Email address').classList.contains('usher-formFieldInput')).toBe(true);
  });

  it('hides optional fields when appearance.layout.showOptionalFields is false', async () => {
    renderSignUp(app, { props: { appearance: { layout: { showOptionalFields: false } } } });
    expect(await screen.findByLabelText('Email address')).toBeTruthy();
    expect(screen.queryByLabelText(/First name/)).toBeNull();
    expect(screen.queryByLabelText(/Last name/)).toBeNull();
  });

  it('updates the password checklist live, in words and not colour alone', async () => {
    const { user } = renderSignUp(app);
    const password = await screen.findByLabelText('Password');
    const rule = screen.getByText('At least 8 characters').closest('li')!;
    expect(rule.closest('ul')!.getAttribute('aria-live')).toBe('polite');
    expect(rule.getAttribute('data-met')).toBe('false');
    expect(rule.textContent).toContain('not yet');
    await user.type(password, 'short');
    expect(rule.getAttribute('data-met')).toBe('false');
    await user.type(password, 'er!!');
    expect(rule.getAttribute('data-met')).toBe('true');
    expect(rule.textContent).toContain('done');
    expect(password.getAttribute('aria-describedby')).toContain(rule.closest('div')!.id);
  });

  it('shows and hides the password', async () => {
    const { user } = renderSignUp(app);
    const password = await screen.findByLabelText('Password');
    expect(password.getAttribute('type')).toBe('password');
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(password.getAttribute('type')).toBe('text');
    await user.click(screen.getByRole('button', { name: 'Hide password' }));
    expect(password.getAttribute('type')).toBe('password');
  });

  it('puts a too-short password error on the password field and focuses it', async () => {
    const { user } = renderSignUp(app);
    await fillStart(user, 'ada@example.com', 'short');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(description(password)).toContain('Your password is too short. Use at least 8 characters.');
    await waitFor(() => expect(document.activeElement).toBe(password));
  });

  it('puts the server’s invalid email error on the email field', async () => {
    const { user } = renderSignUp(app);
    await fillStart(user, 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const email = screen.getByLabelText('Email address');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(description(email)).toBe('Enter an email address like name@example.com.');
    await waitFor(() => expect(document.activeElement).toBe(email));
  });

  it('asks for the required fields before sending anything', async () => {
    const { user } = renderSignUp(app);
    await screen.findByLabelText('Email address');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(description(screen.getByLabelText('Email address'))).toBe('Enter your email address.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Email address')));
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
  });

  it('goes to the code step for an address that already has an account, exactly as for a new one', async () => {
    await mock.seedUser({ email: 'taken@example.com', password: 'correct horse battery staple' });
    const { user } = renderSignUp(app, { children: <Probe /> });
    await fillStart(user, 'taken@example.com');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Verify your email' })).toBeTruthy();
    expect(screen.getByText('Enter the verification code sent to taken@example.com')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('probe').textContent).toContain('signed out');
  });

  it('comes back to the form with "Use a different email address", keeping the values, and updates the sign-up', async () => {
    const { user } = renderSignUp(app, { children: <Probe /> });
    await fillStart(user, 'typo@example.con');
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Use a different email address' }));
    const email = await screen.findByLabelText('Email address');
    expect((email as HTMLInputElement).value).toBe('typo@example.con');
    await user.clear(email);
    await user.type(email, 'ada@example.com{Enter}');
    expect(await screen.findByText('Enter the verification code sent to ada@example.com')).toBeTruthy();
    await user.keyboard((await mock.mailbox.latestCode('ada@example.com'))!);
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toContain('signed in as ada@example.com'));
  });

  it('pre-fills initialValues', async () => {
    renderSignUp(app, { props: { initialValues: { emailAddress: 'invited@example.com', firstName: 'Grace' } } });
    expect((await screen.findByLabelText('Email address') as HTMLInputElement).value).toBe('invited@example.com');
    expect((screen.getByLabelText(/First name/) as HTMLInputElement).value).toBe('Grace');
  });

  it('links to the sign-in page: the signInUrl prop, else the instance’s', async () => {
    renderSignUp(app, { props: { signInUrl: '/login' } });
    const footer = await screen.findByText('Already have an account?');
    expect(within(footer.parentElement!).getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/login');
  });

  it('links to the instance’s sign-in page by default and carries an allowed redirect_url over', async () => {
    window.history.replaceState(null, '', '/sign-up?redirect_url=%2Fbilling');
    renderSignUp(app);
    expect((await screen.findByRole('link', { name: 'Sign in' })).getAttribute('href')).toBe('/sign-in?redirect_url=%2Fbilling');
  });

  describe('redirect after sign-up', () => {
    async function signUpAs(email: string) {
      const user = userEvent.setup();
      await fillStart(user, email);
      await user.keyboard('{Enter}');
      await screen.findByRole('heading', { name: 'Verify your email' });
      await user.keyboard((await mock.mailbox.latestCode(email))!);
    }

    it('follows an allowed redirect_url from the page URL', async () => {
      window.history.replaceState(null, '', '/sign-up?redirect_url=%2Fdashboard%3Ftab%3D2');
      const { routerPush } = renderSignUp(app);
      await signUpAs('ada@example.com');
      await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/dashboard?tab=2'));
    });

    it('refuses redirect_url=//evil.com and uses fallbackRedirectUrl instead', async () => {
      window.history.replaceState(null, '', '/sign-up?redirect_url=%2F%2Fevil.com');
      const { routerPush } = renderSignUp(app, { props: { fallbackRedirectUrl: '/welcome' } });
      await signUpAs('ada@example.com');
      await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/welcome'));
      expect(routerPush).not.toHaveBeenCalledWith(expect.stringContaining('evil'));
    });

    it('prefers forceRedirectUrl over redirect_url, and ignores an unsafe forceRedirectUrl', async () => {
      window.history.replaceState(null, '', '/sign-up?redirect_url=%2Fdashboard');
      const { routerPush } = renderSignUp(app, { props: { forceRedirectUrl: '/onboarding' } });
      await signUpAs('ada@example.com');
      await waitFor(() => expect(routerPush).toHaveBeenCalledWith('/onboarding'));
    });
  });
});
