import { startOidcProvider, type OidcProviderFixture } from '@usher/testing/oidc';
import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { setupMockApp } from '../../test-support/mock-app.ts';
import { oidcClientFor, putAcme, returnFromProvider } from '../../test-support/oauth-provider.ts';
import { UserProfileInternal } from './UserProfile.tsx';

// Addresses sign in with a password only here: an account made through a provider has no other way in.
const app = setupMockApp({ instanceConfig: { attributes: { emailAddress: { firstFactors: [] } } } });
const { mock } = app;
let oidc: OidcProviderFixture | null = null;
afterAll(() => oidc?.close());

describe('UserProfile: the last way in', () => {
  it('refuses to disconnect the only way into the account, and says why', async () => {
    oidc = await startOidcProvider({ clients: [oidcClientFor(mock)] });
    await putAcme(mock, oidc);
    oidc.addAccount({ sub: 'only', email: 'only@example.com', email_verified: true });
    const navigate = vi.fn();
    const usher = app.newUsher({ navigate });
    await usher.load();
    await usher.signIn.authenticateWithRedirect({ strategy: 'oauth_acme', redirectUrl: '/sso-callback' });
    await usher.handleRedirectCallback({ url: await returnFromProvider(mock, oidc, navigate.mock.calls[0]![0] as string, 'only') });

    render(
      <UsherProvider usher={usher}>
        <UserProfileInternal routing="virtual" />
      </UsherProvider>,
    );
    const user = userEvent.setup();
    const section = await screen.findByRole('region', { name: 'Connected accounts' });
    await user.click(within(section).getByRole('button', { name: 'Actions for Acme ID' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Disconnect' }));
    await user.click(within(await screen.findByRole('form', { name: 'Disconnect Acme ID' })).getByRole('button', { name: 'Disconnect' }));
    expect((await within(section).findByRole('alert')).textContent).toBe('This is your only way to sign in. Set a password or connect another account before removing it.');
    expect(within(section).getByText('only@example.com')).toBeTruthy();
    expect(usher.user?.externalAccounts).toHaveLength(1);
  });
});
