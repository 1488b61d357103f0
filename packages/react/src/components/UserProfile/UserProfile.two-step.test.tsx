import type { Usher } from '@usher/core';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { totpCodeOf } from '@usher/testing/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupMockApp } from '../../test-support/mock-app.ts';
import { renderTwoStepSection } from '../../test-support/render-security-page.tsx';

// The default instance: authenticator apps and backup codes on, SMS codes off, not required.
const { mock, signedInAs } = setupMockApp();
const PASSWORD = 'correct horse battery staple';

/** The code an authenticator app holding `secret` shows now, by the server's clock (the tests' own RFC 6238, not the server's). */
const codeNow = (secret: string): Promise<string> => totpCodeOf(secret, mock.clock.now());

async function signedIn(): Promise<Usher> {
  await mock.seedUser({ email: 'ada@example.com', password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' });
  return signedInAs('ada@example.com', PASSWORD);
}

/** Ada with an authenticator app set up through the SDK; answers the backup codes it came with. */
async function withAuthenticator(usher: Usher): Promise<readonly string[]> {
  const user = usher.getSnapshot().user!;
  const started = await user.createTotp();
  const done = await user.verifyTotp({ code: await codeNow(started.secret!) });
  // The enabling code is spent: move on a step so a later code in the test is a fresh one.
  mock.clock.advance(30_000);
  return done.backupCodes ?? [];
}


const boxes = () => screen.getAllByRole('textbox', { name: /^Digit \d of 6$/ }) as HTMLInputElement[];

afterEach(() => vi.restoreAllMocks());

describe('<UserProfile> two-step verification: authenticator app', () => {
  it('sets up an app: QR code and key, a wrong code refused on the cleared field, the right one shows 10 backup codes, then "Enabled"', async () => {
    const usher = await signedIn();
    const section = await renderTwoStepSection(usher);
    const user = userEvent.setup();
    expect(within(section).queryByText('Backup codes')).toBeNull();
    await user.click(within(section).getByRole('button', { name: 'Add authenticator app' }));

    const qr = await screen.findByRole('img', { name: 'QR code that adds Usher to your authenticator app' });
    expect(qr.tagName.toLowerCase()).toBe('svg');
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h\d+v1h-\d+z/);
    const shown = screen.getByTestId('usher-totp-secret').textContent!;
    expect(shown).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    const secret = shown.replace(/ /g, '');
    expect(screen.getByText('Can’t scan it? Enter this key')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Copy key' }));
    expect(await screen.findByText('Copied')).toBeTruthy();
    await expect(navigator.clipboard.readText()).resolves.toBe(secret);

    const right = await codeNow(secret);
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
    await user.click(boxes()[0]!);
    await user.paste(wrong);
    expect(await screen.findByText('That code is not right. Enter the code your app shows now.')).toBeTruthy();
    expect(boxes().map((box) => box.value).join('')).toBe('');
    expect(document.activeElement).toBe(boxes()[0]);
    expect(boxes()[0]!.getAttribute('aria-invalid')).toBe('true');
    expect(usher.getSnapshot().user?.totpEnabled).toBe(false);

    await user.paste(right);
    const codes = await screen.findByRole('list', { name: 'Your backup codes' });
    expect(within(codes).getAllByRole('listitem')).toHaveLength(10);
    expect(screen.getByText(/Each code works once\. Keep them somewhere safe/)).toBeTruthy();
    expect(usher.getSnapshot().user?.totpEnabled).toBe(true);

    await user.click(screen.getByRole('button', { name: 'I’ve saved my codes' }));
    const after = screen.getByRole('region', { name: 'Two-step verification' });
    expect(within(after).getByText('Enabled')).toBeTruthy();
    expect(within(after).getByText('Your authenticator app is set up. Sign-in will ask for its code.')).toBeTruthy();
    expect(within(after).queryByRole('button', { name: 'Add authenticator app' })).toBeNull();
    expect(within(after).getByRole('button', { name: 'Regenerate codes' })).toBeTruthy();
  });

  it('downloads the backup codes as a text file named after the application', async () => {
    const usher = await signedIn();
    const section = await renderTwoStepSection(usher);
    const user = userEvent.setup();
    await user.click(within(section).getByRole('button', { name: 'Add authenticator app' }));
    const secret = (await screen.findByTestId('usher-totp-secret')).textContent!.replace(/ /g, '');
    await user.click(boxes()[0]!);
    await user.paste(await codeNow(secret));
    const codes = within(await screen.findByRole('list', { name: 'Your backup codes' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);

    let blob: Blob | null = null;
    // jsdom has no object URLs; the download link is what matters here.
    Object.assign(URL, { createObjectURL: (value: Blob) => ((blob = value), 'blob:backup-codes'), revokeObjectURL: () => undefined });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await user.click(screen.getByRole('button', { name: 'Download' }));
    const link = clicked.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('usher-backup-codes.txt');
    expect(link.href).toBe('blob:backup-codes');
    const text = await blob!.text();
    expect(text.startsWith('Backup codes for Usher\n')).toBe(true);
    for (const code of codes) expect(text).toContain(`\n${code}\n`);
  });

  it('asks the user to confirm it is them before starting when their last verification is old', async () => {
    const usher = await signedIn();
    const section = await renderTwoStepSection(usher);
    const user = userEvent.setup();
    mock.clock.advance(11 * 60_000);
    await user.click(within(section).getByRole('button', { name: 'Add authenticator app' }));
    const prompt = await screen.findByRole('region', { name: 'Confirm it’s you' });
    await user.type(await within(prompt).findByLabelText('Password'), PASSWORD);
    await user.click(within(prompt).getByRole('button', { name: 'Continue' }));
    expect(await screen.findByTestId('usher-totp-secret')).toBeTruthy();
  });

  it('removes the app after a confirmation; cancelling keeps it', async () => {
    const usher = await signedIn();
    await withAuthenticator(usher);
    const section = await renderTwoStepSection(usher);
    const user = userEvent.setup();
    expect(within(section).getByText('Enabled')).toBeTruthy();

    await user.click(within(section).getByRole('button', { name: 'Actions for the authenticator app' }));
    await user.click(screen.getByRole('menuitem', { name: 'Remove' }));
    expect(screen.getByText(/It is your only method/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(usher.getSnapshot().user?.totpEnabled).toBe(true);

    await user.click(within(section).getByRole('button', { name: 'Actions for the authenticator app' }));
    await user.click(screen.getByRole('menuitem', { name: 'Remove' }));
    await user.click(screen.getByRole('button', { name: 'Remove authenticator app' }));
    expect(await screen.findByText('The authenticator app was removed.')).toBeTruthy();
    expect(usher.getSnapshot().user).toMatchObject({ totpEnabled: false, twoFactorEnabled: false, backupCodeEnabled: false });
    expect(within(section).getByRole('button', { name: 'Add authenticator app' })).toBeTruthy();
    expect(within(section).queryByText('Enabled')).toBeNull();
  });

  it('regenerates the backup codes: 10 new ones, none of the old', async () => {
    const usher = await signedIn();
    const old = await withAuthenticator(usher);
    expect(old).toHaveLength(10);
    const section = await renderTwoStepSection(usher);
    const user = userEvent.setup();
    await user.click(within(section).getByRole('button', { name: 'Regenerate codes' }));
    const list = await screen.findByRole('list', { name: 'Your backup codes' });
    const fresh = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent!);
    expect(fresh).toHaveLength(10);
    expect(fresh.some((code) => old.includes(code))).toBe(false);
    await user.click(screen.getByRole('button', { name: 'I’ve saved my codes' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Your backup codes' })).toBeNull());
    expect(within(section).getByRole('button', { name: 'Regenerate codes' })).toBeTruthy();
  });
});
