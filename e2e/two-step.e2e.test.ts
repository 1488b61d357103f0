/**
 * Two-step verification in Chromium through the playground, against `pnpm dev`'s stack: an
 * authenticator app set up in <UserProfile/> (the test reads the setup key on screen and computes
 * the codes itself, as an app would), sign-in with password + code, a backup code that works once,
 * a password reset that reaches a session only after the second factor, and the lockout shown in
 * the sign-in after the configured number of failures on any path.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { totpCodeOf } from '../packages/testing/src/totp.ts';
import { launchChromium } from './browser.ts';
import { codeFromMailbox, expectSignedIn, PASSWORD, signUpNewUser, typeCode } from './playground.ts';

const base = inject('playgroundUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The code the authenticator shows `offsetSteps` 30-second steps from now (the server accepts ±1 step, each code once). */
const codeOf = (secret: string, offsetSteps = 0) => totpCodeOf(secret, Date.now(), offsetSteps);

/** Security → Two-step verification → Add authenticator app: answers the key read on screen and the backup codes shown once. */
async function enableAuthenticator(page: Page): Promise<{ secret: string; backupCodes: string[] }> {
  await page.goto(`${base}/account/security`);
  const section = page.getByRole('region', { name: 'Two-step verification' });
  await section.getByRole('button', { name: 'Add authenticator app' }).click();
  await page.getByRole('img', { name: /^QR code that adds .* to your authenticator app$/ }).waitFor();
  const secret = (await page.getByTestId('usher-totp-secret').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await typeCode(page, await codeOf(secret));
  const list = page.getByRole('list', { name: 'Your backup codes' });
  await list.waitFor();
  const backupCodes = (await list.getByRole('listitem').allInnerTexts()).map((code) => code.trim());
  expect(backupCodes).toHaveLength(10);
  await page.getByRole('button', { name: 'I’ve saved my codes' }).click();
  await section.getByText('Enabled').waitFor();
  return { secret, backupCodes };
}

async function signOut(page: Page) {
  await page.goto(base);
  await page.getByRole('button', { name: /^Open user menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: /^Sign in to/ }).waitFor();
}

/** Identifier and password on /sign-in; for an account with 2-step verification it stops at the second step. */
async function signInWithPassword(page: Page, email: string, password = PASSWORD) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel(/^Email address/).fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function secondStep(page: Page) {
  await page.getByRole('heading', { level: 1, name: 'Two-step verification' }).waitFor();
  // Not signed in yet: the playground's "Signed in" heading is absent.
  expect(await page.getByTestId('user-email').count()).toBe(0);
}

/** At the second step: "Use another method" → "Use a backup code" → the code → Verify. */
async function enterBackupCode(page: Page, code: string) {
  await page.getByRole('button', { name: 'Use another method' }).click();
  await page.getByRole('button', { name: 'Use a backup code' }).click();
  await page.getByLabel('Backup code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
}

async function newMfaUser(name: string): Promise<{ email: string; context: BrowserContext; page: Page; secret: string; backupCodes: string[] }> {
  const email = `${name}+${Date.now()}@example.com`;
  const { context, page } = await signUpNewUser(browser, base, email);
  const { secret, backupCodes } = await enableAuthenticator(page);
  await signOut(page);
  return { email, context, page, secret, backupCodes };
}

async function setLockout(maxAttempts: number) {
  const response = await fetch(`${inject('usherUrl')}/backend/v1/instance`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${inject('secretKey')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ lockout_max_attempts: maxAttempts }),
  });
  expect(response.status).toBe(200);
}

describe('two-step verification', () => {
  it('set up in UserProfile; then sign-in asks for the authenticator code after the password', async () => {
    const { email, context, page, secret } = await newMfaUser('ada');
    await signInWithPassword(page, email);
    await secondStep(page);
    // The code that enabled the app is spent; the next step's code is inside the ±30 s window.
    await typeCode(page, await codeOf(secret, 1));
    await expectSignedIn(page, email);
    await context.close();
  }, 120_000);

  it('a backup code signs in once; the same code is refused the next time', async () => {
    const { email, context, page, backupCodes } = await newMfaUser('grace');
    await signInWithPassword(page, email);
    await secondStep(page);
    await enterBackupCode(page, backupCodes[0]!);
    await expectSignedIn(page, email);

    await signOut(page);
    await signInWithPassword(page, email);
    await secondStep(page);
    await enterBackupCode(page, backupCodes[0]!);
    await page.getByText('That backup code is not right, or it was already used.').waitFor();
    expect(await page.getByLabel('Backup code', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('user-email').count()).toBe(0);
    await context.close();
  }, 120_000);

  it('a password reset of an account with 2-step verification reaches a session only after the second factor', async () => {
    const { email, context, page, secret } = await newMfaUser('alan');
    await page.goto(`${base}/sign-in`);
    await page.getByLabel(/^Email address/).fill(email);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await typeCode(page, await codeFromMailbox(base, context, email));
    await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
    await page.getByLabel('Confirm password', { exact: true }).fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Reset password' }).click();
    await secondStep(page);
    expect((await context.cookies()).some((c) => c.name === '__session')).toBe(false);
    await typeCode(page, await codeOf(secret, 1));
    await expectSignedIn(page, email);

    await signOut(page);
    await signInWithPassword(page, email, 'a brand new passphrase');
    await secondStep(page);
    await context.close();
  }, 120_000);

  it('after the configured number of failures, on any factor path, the sign-in says the account is paused until when', async () => {
    await setLockout(3);
    try {
      const { email, context, page } = await newMfaUser('hedy');
      for (let i = 0; i < 2; i++) {
        await signInWithPassword(page, email, 'not the password');
        await page.getByText(/password/i).first().waitFor();
      }
      // The third failure is a wrong authenticator code, after the right password.
      await signInWithPassword(page, email);
      await secondStep(page);
      await typeCode(page, '000000');
      await page.getByText(/signing in to this account is paused until/).waitFor();
      // Locked: the right password is refused too, with the same message.
      await signInWithPassword(page, email);
      await page.getByText(/signing in to this account is paused until/).waitFor();
      await context.close();
    } finally {
      await setLockout(100);
    }
  }, 120_000);
});
