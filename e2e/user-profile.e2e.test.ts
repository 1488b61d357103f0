/**
 * <UserProfile/> in Chromium through the playground, against `pnpm dev`'s stack: an avatar the
 * UserButton then shows, a second email address added and verified with the code from the dev
 * mailbox, made primary (the old address gets the notice), and another device signed out from
 * "Active devices" (that browser loses its session within a token lifetime, without a reload).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pngImage } from '../packages/server/src/services/avatars/test-images.test-support.ts';
import { launchChromium } from './browser.ts';
import { codeFromMailbox, newestMail, signInNewDevice, signUpNewUser, typeCode } from './playground.ts';

const base = inject('playgroundUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('managing one’s account in <UserProfile/>', () => {
  it('uploads an avatar from "Manage account" and the UserButton shows it', async () => {
    const email = `ada+${Date.now()}@example.com`;
    const { context, page } = await signUpNewUser(browser, base, email);
    await page.getByRole('button', { name: /^Open user menu/ }).click();
    await page.getByRole('menuitem', { name: 'Manage account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Manage account' });
    await dialog.getByRole('heading', { name: 'Profile details' }).waitFor();
    await dialog.getByRole('button', { name: 'Update profile' }).click();
    await dialog.locator('input[type=file]').setInputFiles({ name: 'ada.png', mimeType: 'image/png', buffer: Buffer.from(pngImage(800, 600)) });
    // Resized in the browser to 512 px, uploaded, and shown by the UserButton behind the dialog.
    const avatar = page.locator('.usher-userButtonAvatarBox img');
    await expect.poll(() => avatar.getAttribute('src').catch(() => null), { timeout: 15_000 }).toMatch(/\/v1\/images\/img_[0-9a-z]+\.png$/);
    const src = (await avatar.getAttribute('src'))!;
    const served = await context.request.get(src);
    expect(served.headers()['content-type']).toBe('image/png');
    expect(served.headers()['cache-control']).toContain('immutable');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await context.close();
  });

  it('adds and verifies a second address, makes it primary, and the old address is told', async () => {
    const stamp = Date.now();
    const email = `grace+${stamp}@example.com`;
    const work = `grace.work+${stamp}@example.com`;
    const { context, page } = await signUpNewUser(browser, base, email);
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { name: 'Profile details' }).waitFor();
    const emails = page.getByRole('region', { name: 'Email addresses' });
    await emails.getByRole('button', { name: 'Add email address' }).click();
    await emails.getByLabel('Email address', { exact: true }).fill(work);
    await emails.getByRole('button', { name: 'Continue' }).click();
    await emails.getByText(`Enter the code sent to ${work}.`).waitFor();
    await typeCode(page, await codeFromMailbox(base, context, work));
    await expect.poll(() => emails.getByText('Unverified').count(), { timeout: 15_000 }).toBe(0);
    await emails.getByRole('button', { name: `Actions for ${work}` }).click();
    await page.getByRole('menuitem', { name: 'Set as primary' }).click();
    await expect.poll(() => emails.getByRole('listitem').filter({ hasText: work }).innerText()).toContain('Primary');
    expect(await newestMail(base, context, email, /primary email address was changed/)).toContain('Codes and notices go there from now on');
    await context.close();
  });

  it('signs another device out from "Active devices"; that browser is signed out within a token lifetime', async () => {
    const email = `alan+${Date.now()}@example.com`;
    const { context, page } = await signUpNewUser(browser, base, email);
    const other = await signInNewDevice(browser, base, email);
    await page.goto(`${base}/account/security`);
    const devices = page.getByRole('region', { name: 'Active devices' });
    await expect.poll(() => devices.getByRole('listitem').count(), { timeout: 15_000 }).toBe(2);
    expect(await devices.getByRole('listitem').filter({ hasText: 'This device' }).innerText()).toMatch(/Chrome|Chromium/);
    await devices.getByRole('button', { name: /^Sign out of / }).click();
    await page.getByText('That device was signed out.').waitFor();
    await expect.poll(() => devices.getByRole('listitem').count()).toBe(1);
    // No reload: the other tab's next token refresh is refused and its SDK signs it out.
    await other.page.getByRole('link', { name: 'Sign in' }).first().waitFor({ timeout: 75_000 });
    await other.context.close();
    await context.close();
  }, 120_000);
});
