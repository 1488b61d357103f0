/**
 * Sign-in links in Chromium through the playground, against `pnpm dev`'s stack (links switched on
 * through the Backend API for this file): the link read from the dev mailbox, opened on "another
 * device" (a second browser context), signs the waiting tab in by itself; a HEAD or GET of the link
 * consumes nothing; the second click says "already used"; 20 parallel confirmations → one.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { patchInstance } from './backend-api.ts';
import { launchChromium } from './browser.ts';
import { expectSignedIn, signUpNewUser } from './playground.ts';

const base = inject('playgroundUrl');
let browser: Browser;

const setEmailFirstFactors = (value: string[]) => patchInstance({ email_first_factors: value });

beforeAll(async () => {
  browser = await launchChromium();
  await setEmailFirstFactors(['email_code', 'email_link']);
});
afterAll(async () => {
  await setEmailFirstFactors(['email_code']);
  await browser?.close();
});

/** The newest sign-in link emailed to `to`, from the dev mailbox API, waiting for one other than `previous`. */
async function latestLink(to: string, previous?: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const messages = (await (await fetch(`${base}/v1/dev/mailbox?order_by=-created_at&limit=50`)).json()) as { data: Array<{ to: string; text: string }> };
        link = messages.data.filter((m) => m.to === to).map((m) => /(https?:\/\/\S+__usher_link=\S+)/.exec(m.text)?.[1]).find((l) => l !== undefined);
        return link !== undefined && link !== previous;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return link!;
}

async function signOut(page: Page) {
  await page.goto(base);
  await page.getByRole('button', { name: /^Open user menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: /^Sign in to/ }).waitFor();
}

async function askForLink(page: Page, email: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel(/^Email address/).fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Use another method' }).click();
  await page.getByRole('button', { name: /^Email a sign-in link to / }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
}

describe('sign-in links', () => {
  it('opened on another device, the link confirms there and the waiting tab signs in; scanners consume nothing; a second click says already used', async () => {
    const email = `lin+${Date.now()}@example.com`;
    const { context, page } = await signUpNewUser(browser, base, email);
    await signOut(page);
    await askForLink(page, email);
    const link = await latestLink(email);
    expect(new URL(link).pathname).toBe('/sign-in/verify');

    // A mail scanner: HEAD and GET of the link change nothing.
    const scanner = await browser.newContext();
    expect((await scanner.request.head(link)).status()).toBeLessThan(400);
    expect((await scanner.request.get(link)).status()).toBe(200);
    await scanner.close();
    await page.waitForTimeout(2500);
    expect(await page.getByRole('heading', { level: 1, name: 'Check your email' }).count()).toBe(1);

    const phone = await browser.newContext();
    const opened = await phone.newPage();
    await opened.goto(link);
    await opened.getByRole('button', { name: 'Sign in' }).click();
    await opened.getByText(/Return to your original tab or device to continue/).waitFor();
    await expectSignedIn(page, email);

    const again = await phone.newPage();
    await again.goto(link);
    await again.getByRole('button', { name: 'Sign in' }).click();
    await again.getByRole('heading', { name: 'This link was already used' }).waitFor();
    await phone.close();
    await context.close();
  }, 120_000);

  it('20 parallel confirmations of one link: exactly one is accepted, and one session results', async () => {
    const email = `ada+${Date.now()}@example.com`;
    const { context, page } = await signUpNewUser(browser, base, email);
    await signOut(page);
    await askForLink(page, email);
    const token = new URL(await latestLink(email)).searchParams.get('__usher_link')!;
    const confirmations = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${base}/v1/client/email_links/confirm`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base, 'x-usher-bearer': '1' }, body: JSON.stringify({ token }) }),
      ),
    );
    expect(confirmations.filter((r) => r.status === 200)).toHaveLength(1);
    expect(confirmations.filter((r) => r.status === 422)).toHaveLength(19);
    await expectSignedIn(page, email);
    await context.close();
  }, 120_000);
});
