/**
 * Several accounts in one browser (a multi-session instance): "Add account" in the UserButton
 * signs a second account in and comes back; the menu lists the other account, and choosing it
 * switches the active user. The instance setting is switched through the Backend API for this
 * file only (E2E files run one after the other) and restored afterwards.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { expectSignedIn, PASSWORD, signUpNewUser } from './playground.ts';

const base = inject('playgroundUrl');
const secretKey = inject('secretKey');
const usherUrl = inject('usherUrl');
let browser: Browser;

async function setSingleSession(value: boolean): Promise<void> {
  const response = await fetch(`${usherUrl}/backend/v1/instance`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ single_session_mode: value }),
  });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  browser = await launchChromium();
  await setSingleSession(false);
});
afterAll(async () => {
  await setSingleSession(true);
  await browser?.close();
});

describe('two accounts signed in on one browser', () => {
  it('adds a second account from the UserButton, then switches back to the first', async () => {
    const stamp = Date.now();
    const ada = `ada.multi+${stamp}@example.com`;
    const grace = `grace.multi+${stamp}@example.com`;
    // Grace's account exists already (made on another browser).
    const graceSignUp = await signUpNewUser(browser, base, grace);
    await graceSignUp.context.close();

    const { context, page } = await signUpNewUser(browser, base, ada);
    await page.getByRole('button', { name: /^Open user menu/ }).click();
    await page.getByRole('menuitem', { name: 'Add account' }).click();
    await page.getByRole('heading', { level: 1, name: /^Sign in to/ }).waitFor();
    await page.getByLabel(/^Email address/).fill(grace);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectSignedIn(page, grace);

    await page.getByRole('button', { name: /^Open user menu/ }).click();
    const others = page.getByRole('group', { name: 'Other accounts' });
    await others.getByRole('menuitem').filter({ hasText: ada }).click();
    await expectSignedIn(page, ada);
    // Both sessions are still live on this browser.
    await page.getByRole('button', { name: /^Open user menu/ }).click();
    expect(await page.getByRole('group', { name: 'Other accounts' }).innerText()).toContain(grace);
    await context.close();
  });
});
