import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { totpCodeOf } from '@usher/testing/node';
import { describe, expect, it } from 'vitest';
import { setupMockApp } from '../../test-support/mock-app.ts';
import { renderTwoStepSection } from '../../test-support/render-security-page.tsx';

// An instance that requires 2-step verification (authenticator apps on, as by default).
const { mock, signedInAs } = setupMockApp({ instanceConfig: { mfa: { required: true } } });
const PASSWORD = 'correct horse battery staple';


describe('<UserProfile> two-step verification required by the instance', () => {
  it('tells a user without a second factor that the application requires one', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const section = await renderTwoStepSection(await signedInAs('ada@example.com', PASSWORD));
    expect(within(section).getByRole('alert').textContent).toBe('Usher requires 2-step verification. Set up a method below.');
  });

  it('refuses removing the last second factor, with the server’s reason', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const usher = await signedInAs('ada@example.com', PASSWORD);
    const started = await usher.getSnapshot().user!.createTotp();
    await usher.getSnapshot().user!.verifyTotp({ code: await totpCodeOf(started.secret!, mock.clock.now()) });
    const section = await renderTwoStepSection(usher);
    const user = userEvent.setup();
    expect(within(section).queryByRole('alert')).toBeNull();

    await user.click(within(section).getByRole('button', { name: 'Actions for the authenticator app' }));
    await user.click(screen.getByRole('menuitem', { name: 'Remove' }));
    await user.click(screen.getByRole('button', { name: 'Remove authenticator app' }));
    expect(await within(section).findByText('This application requires 2-step verification. Add another method before removing this one.')).toBeTruthy();
    expect(usher.getSnapshot().user?.totpEnabled).toBe(true);
  });
});
