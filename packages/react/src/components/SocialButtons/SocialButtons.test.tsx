import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setupMockApp } from '../../test-support/mock-app.ts';
import { putProvider } from '../../test-support/oauth-provider.ts';
import { renderSignIn } from '../../test-support/render-sign-in.tsx';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { SignUp } from '../SignUp/SignUp.tsx';

const app = setupMockApp();
const { mock } = app;

const GOOGLE = { preset: 'google', client_id: 'google-client', client_secret: 'google-secret-0123456789' };
const GITHUB = { preset: 'github', client_id: 'github-client', client_secret: 'github-secret-0123456789' };
const MICROSOFT = { preset: 'microsoft', client_id: 'microsoft-client', client_secret: 'microsoft-secret-0123456789' };
const ACME = { preset: 'oidc', name: 'Acme ID', issuer: 'https://id.acme.example', client_id: 'acme-client', client_secret: 'acme-secret-0123456789' };

/** Whether `a` comes before `b` in the document. */
const before = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

describe('social buttons on the sign-in and sign-up start steps', () => {
  it('an instance without providers shows no buttons and no "or"', async () => {
    renderSignIn(app);
    await screen.findByLabelText('Email address');
    expect(screen.queryByRole('button', { name: /Continue with/ })).toBeNull();
    expect(screen.queryByText('or')).toBeNull();
  });

  it('one or two providers: full-width "Continue with …" buttons above the form (default), an "or" between', async () => {
    await putProvider(mock, 'google', GOOGLE);
    await putProvider(mock, 'github', GITHUB);
    const { container } = renderSignIn(app);
    const google = await screen.findByRole('button', { name: 'Continue with Google' });
    const github = screen.getByRole('button', { name: 'Continue with GitHub' });
    expect(google.className).toContain('usher-socialButtonsBlockButton__google');
    expect(github.className).toContain('usher-socialButtonsBlockButton');
    expect(container.querySelector('.usher-socialButtons')?.getAttribute('data-variant')).toBe('blockButton');
    // The provider's mark is decoration: the button's text names it.
    expect(google.querySelector('svg.usher-socialButtonsProviderIcon__google')?.getAttribute('aria-hidden')).toBe('true');
    const divider = screen.getByText('or');
    expect(before(github, divider) && before(divider, screen.getByLabelText('Email address'))).toBe(true);
  });

  it('placement "bottom": the buttons come after the form', async () => {
    await putProvider(mock, 'google', GOOGLE);
    renderSignIn(app, { props: { appearance: { layout: { socialButtonsPlacement: 'bottom' } } } });
    const google = await screen.findByRole('button', { name: 'Continue with Google' });
    expect(before(screen.getByRole('button', { name: 'Continue' }), screen.getByText('or'))).toBe(true);
    expect(before(screen.getByText('or'), google)).toBe(true);
  });

  it('more than two providers: a row of icon buttons, each named "Continue with …"; a letter stands for a provider without an icon', async () => {
    for (const [id, body] of [['google', GOOGLE], ['github', GITHUB], ['microsoft', MICROSOFT], ['acme', ACME]] as const) await putProvider(mock, id, body);
    const { container } = renderSignIn(app);
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Continue with / })).toHaveLength(4));
    const buttons = screen.getAllByRole('button', { name: /^Continue with / });
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['Continue with Google', 'Continue with GitHub', 'Continue with Microsoft', 'Continue with Acme ID']);
    expect(buttons.every((b) => b.className.includes('usher-socialButtonsIconButton'))).toBe(true);
    expect(container.querySelector('.usher-socialButtons')?.getAttribute('data-variant')).toBe('iconButton');
    expect(buttons[3]!.querySelector('svg text')?.textContent).toBe('A');
  });

  it('the variant can be forced: icon buttons for one provider, block buttons for four', async () => {
    await putProvider(mock, 'google', GOOGLE);
    const first = renderSignIn(app, { props: { appearance: { layout: { socialButtonsVariant: 'iconButton' } } } });
    expect((await screen.findByRole('button', { name: 'Continue with Google' })).className).toContain('usher-socialButtonsIconButton__google');
    first.unmount();

    for (const [id, body] of [['github', GITHUB], ['microsoft', MICROSOFT], ['acme', ACME]] as const) await putProvider(mock, id, body);
    renderSignIn(app, { props: { appearance: { layout: { socialButtonsVariant: 'blockButton' } } } });
    await screen.findByRole('button', { name: 'Continue with Acme ID' });
    expect(screen.getAllByRole('button', { name: /^Continue with / }).every((b) => b.className.includes('usher-socialButtonsBlockButton'))).toBe(true);
  });

  it('a click starts the sign-in and leaves for the provider; that button shows it is busy and the others wait', async () => {
    await putProvider(mock, 'github', GITHUB);
    await putProvider(mock, 'google', GOOGLE);
    // Never settles: the page stays as it is when the browser is leaving it.
    const navigate = vi.fn((_url: string) => new Promise<never>(() => undefined));
    const { user } = renderSignIn(app, { usher: app.newUsher({ navigate }) });
    await user.click(await screen.findByRole('button', { name: 'Continue with GitHub' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    const target = new URL(navigate.mock.calls[0]![0] as string);
    expect(`${target.origin}${target.pathname}`).toBe('https://github.com/login/oauth/authorize');
    expect(target.searchParams.get('client_id')).toBe('github-client');
    expect(target.searchParams.get('redirect_uri')).toBe(`${mock.origin}/v1/oauth_callback`);
    const github = screen.getByRole('button', { name: 'Continue with GitHub' });
    expect(github.getAttribute('aria-busy')).toBe('true');
    expect(github.className).toContain('usher-socialButtonsBlockButton__loading');
    expect((screen.getByRole('button', { name: 'Continue with Google' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('a provider that cannot be reached: the card says so and the buttons work again', async () => {
    // A closed port on loopback: discovery fails at once.
    await putProvider(mock, 'broken', { preset: 'oidc', name: 'Broken ID', issuer: 'http://127.0.0.1:9', client_id: 'c', client_secret: 'secret-0123456789' });
    const navigate = vi.fn();
    const { user } = renderSignIn(app, { usher: app.newUsher({ navigate }) });
    await user.click(await screen.findByRole('button', { name: 'Continue with Broken ID' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be reached/);
    expect(navigate).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Continue with Broken ID' }).getAttribute('aria-busy')).toBeNull();
  });

  it('the sign-up start step has them too, and starts a sign-up', async () => {
    await putProvider(mock, 'github', GITHUB);
    const navigate = vi.fn((_url: string) => new Promise<never>(() => undefined));
    const usher = app.newUsher({ navigate });
    render(
      <UsherProvider usher={usher}>
        <SignUp routing="virtual" />
      </UsherProvider>,
    );
    await screen.findByLabelText('Email address');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Continue with GitHub' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    expect(new URL(navigate.mock.calls[0]![0] as string).origin).toBe('https://github.com');
    // A sign-up waits for the provider (not a sign-in).
    expect(usher.signUp.id).toMatch(/^sua_/);
    expect(usher.signIn.id).toBeNull();
  });
});
