/**
 * Verification links in Chromium through the playground, against `pnpm dev`'s stack (codes and
 * links switched on through the Backend API for this file): a sign-up verified by the link read
 * from the dev mailbox and opened on "another device" (a second browser context) finishes in the
 * waiting tab by itself; a HEAD or GET of the link consumes nothing; the second click says
 * "already used". An address added in UserProfile verified by its link opened on a phone.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { patchInstance } from './backend-api.ts';
import { launchChromium } from './browser.ts';
import { expectSignedIn, PASSWORD, signUpNewUser } from './playground.ts';

const base = inject('playgroundUrl');
let browser: Browser;

const setEmailVerifications = (value: string[]) => patchInstance({ email_verifications: value });

beforeAll(async () => {
  browser = await launchChromium();
  await setEmailVerifications(['email_code', 'email_link']);
});
afterAll(async () => {
  await setEmailVerifications(['email_code']);
  await browser?.close();
});

/** The newest link emailed to `to`, from the dev mailbox API. */
async function latestLink(to: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const messages = (await (await fetch(`${base}/v1/dev/mailbox?order_by=-created_at&limit=50`)).json()) as { data: Array<{ to: string; text: string }> };
        link = messages.data.filter((m) => m.to === to).map((m) => /(https?:\/\/\S+__usher_link=\S+)/.exec(m.text)?.[1]).find((l) => l !== undefined);
        return link !== undefined;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return link!;
}

describe('verification links', () => {
  it('sign-up: "Email me a link instead", opened on another device; scanners consume nothing; the waiting tab signs up by itself; a second click says already used', async () => {
    const email = `link+${Date.now()}@example.com`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/sign-up`);
    await page.getByLabel('Email address', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Verify your email' }).waitFor();
    await page.getByRole('button', { name: 'Email me a link instead' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    const link = await latestLink(email);
    expect(new URL(link).pathname).toBe('/sign-up/verify');

    const scanner = await browser.newContext();
    expect((await scanner.request.head(link)).status()).toBeLessThan(400);
    expect((await scanner.request.get(link)).status()).toBe(200);
    await scanner.close();
    await page.waitForTimeout(2500);
    expect(await page.getByRole('heading', { level: 1, name: 'Check your email' }).count()).toBe(1);

    const phone = await browser.newContext();
    const opened = await phone.newPage();
    await opened.goto(link);
    await opened.getByRole('button', { name: 'Verify email address' }).click();
    await opened.getByText(/Return to your original tab or device to finish signing up/).waitFor();
    await expectSignedIn(page, email);

    const again = await phone.newPage();
    await again.goto(link);
    await again.getByRole('button', { name: 'Verify email address' }).click();
    await again.getByRole('heading', { name: 'This link was already used' }).waitFor();
    await phone.close();
    await context.close();
  }, 120_000);

  it('UserProfile: an added address gets a link; opened on a signed-out phone it verifies the address, and the profile shows it', async () => {
    const email = `prof+${Date.now()}@example.com`;
    const added = `work+${Date.now()}@example.com`;
    const { context, page } = await signUpNewUser(browser, base, email);
    await page.goto(`${base}/account`);
    await page.getByRole('button', { name: 'Add email address' }).click();
    await page.getByLabel('Email address', { exact: true }).fill(added);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText(`Enter the code sent to ${added}.`).waitFor();
    await page.getByRole('button', { name: 'Send a link instead' }).click();
    await page.getByRole('form', { name: 'Check your email' }).waitFor();
    const link = await latestLink(added);
    expect(new URL(link).pathname).toBe('/sign-in/verify');

    const phone = await browser.newContext();
    const opened = await phone.newPage();
    await opened.goto(link);
    await opened.getByRole('button', { name: 'Verify email address' }).click();
    await opened.getByRole('heading', { name: 'Email address verified' }).waitFor();
    await page.getByText(`${added} is verified.`).waitFor({ timeout: 15_000 });
    await phone.close();
    await context.close();
  }, 120_000);
});
