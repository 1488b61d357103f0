import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { codeFromMailbox, expectSignedIn, typeCode } from './playground.ts';

const base = inject('playgroundUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function signOut(page: Page) {
  await page.getByRole('button', { name: /^Open user menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: /^Sign in to/ }).waitFor();
}

/** The field's own error (aria-describedby) plus any alert on the page. */
function passwordErrors(page: Page): Promise<string> {
  return page.getByLabel('Password', { exact: true }).evaluate((input) => {
    const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
    const described = ids.map((id) => document.getElementById(id)?.textContent ?? '');
    const alerts = [...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent ?? '');
    return [...described, ...alerts].join(' ');
  });
}

async function startSignIn(page: Page, email: string) {
  await page.getByLabel(/^Email address/).fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Enter your password' }).waitFor();
}

describe('a newcomer signs up, verifies by email code, reloads, signs out and back in', () => {
  it('works end to end in Chromium through the playground components', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const email = `ada+${Date.now()}@example.com`;
    const password = 'correct horse battery staple';

    await page.goto(`${base}/protected`);
    await page.getByRole('heading', { level: 1, name: 'Sign in required' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Protected page' }).count()).toBe(0);

    await page.goto(base);
    await page.getByRole('link', { name: 'Create account' }).first().click();
    expect(new URL(page.url()).pathname).toBe('/sign-up');
    await page.getByLabel('Email address', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Verify your email' }).waitFor();

    const code = await codeFromMailbox(base, context, email);
    await typeCode(page, code);
    await expectSignedIn(page, email);

    const cookies = await context.cookies();
    const client = cookies.find((c) => c.name === '__client');
    expect(client).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await expect.poll(async () => (await context.cookies()).some((c) => c.name === '__session')).toBe(true);

    await page.getByRole('button', { name: 'Show current token claims' }).click();
    const claims = JSON.parse(await page.getByLabel('Token claims').innerText()) as Record<string, number | string>;
    expect(Number(claims.exp) - Number(claims.iat)).toBe(60);
    expect(String(claims.sub)).toMatch(/^user_/);

    // The app's own server (the playground's /api/me, @usher/backend) verifies the __session cookie.
    await page.getByRole('button', { name: 'Ask the server who I am' }).click();
    await expect.poll(() => page.getByLabel('Server answer').innerText()).toBe(`The server verified your session: ${claims.sub}`);
    const anonymous = await browser.newContext();
    const refused = await anonymous.request.get(`${base}/api/me`);
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ errors: [{ code: 'authentication_invalid', meta: { reason: 'session-token-missing' } }] });
    await anonymous.close();

    await page.reload();
    await expectSignedIn(page, email);

    await page.getByRole('link', { name: 'Protected' }).click();
    await page.getByRole('heading', { level: 1, name: 'Protected page' }).waitFor();
    await page.getByRole('link', { name: 'Usher playground' }).click();
    await expectSignedIn(page, email);

    await signOut(page);
    expect((await context.cookies()).some((c) => c.name === '__session')).toBe(false);
    expect((await context.request.get(`${base}/api/me`)).status()).toBe(401);

    await startSignIn(page, email);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => passwordErrors(page)).toMatch(/password/i);

    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectSignedIn(page, email);
    expect((await context.cookies()).find((c) => c.name === '__client')?.value).not.toBe(client?.value);

    await signOut(page);
    await startSignIn(page, email);
    await page.getByRole('button', { name: 'Use another method' }).click();
    await page.getByRole('button', { name: /^Email code to/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    const signInCode = await codeFromMailbox(base, context, email, code);
    await typeCode(page, signInCode);
    await expectSignedIn(page, email);

    await context.close();
  });
});

describe('a user who forgot the password resets it by emailed code', () => {
  it('gets a session with the new password, and the device that knew the old one is signed out', async () => {
    const email = `grace+${Date.now()}@example.com`;
    const oldPassword = 'correct horse battery staple';
    const newPassword = 'an entirely new passphrase';

    // Sign up on the first device.
    const first = await browser.newContext();
    const page = await first.newPage();
    await page.goto(`${base}/sign-up`);
    await page.getByLabel('Email address', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(oldPassword);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Verify your email' }).waitFor();
    const signUpCode = await codeFromMailbox(base, first, email);
    await typeCode(page, signUpCode);
    await expectSignedIn(page, email);

    // A second device signs in with the old password.
    const second = await browser.newContext();
    const other = await second.newPage();
    await other.goto(`${base}/sign-in`);
    await startSignIn(other, email);
    await other.getByLabel('Password', { exact: true }).fill(oldPassword);
    await other.getByRole('button', { name: 'Continue' }).click();
    await expectSignedIn(other, email);

    // Back on the first device: signed out, the password forgotten.
    await signOut(page);
    await startSignIn(page, email);
    await page.getByRole('button', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    const resetCode = await codeFromMailbox(base, first, email, signUpCode);
    await typeCode(page, resetCode);
    await page.getByRole('heading', { level: 1, name: 'Set a new password' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Sign out of all other devices' }).isChecked()).toBe(true);
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirm password', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Reset password' }).click();
    await expectSignedIn(page, email);

    // The mailbox also told the owner that the password changed.
    const mailbox = await first.newPage();
    await mailbox.goto(`${base}/mailbox`);
    await expect.poll(() => mailbox.getByRole('article').filter({ hasText: `to ${email}` }).first().innerText(), { timeout: 15_000 }).toMatch(/password was changed|password has been changed/i);
    await mailbox.close();

    // The second device's session is over: a fresh load of a protected page finds it signed out.
    await other.goto(`${base}/protected`);
    await other.getByRole('heading', { level: 1, name: 'Sign in required' }).waitFor({ timeout: 15_000 });

    // The old password no longer works; the new one does.
    await signOut(page);
    await startSignIn(page, email);
    await page.getByLabel('Password', { exact: true }).fill(oldPassword);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => passwordErrors(page)).toMatch(/password/i);
    await page.getByLabel('Password', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectSignedIn(page, email);

    await first.close();
    await second.close();
  });
});
