/** What the playground E2E tests share: reading codes the way a person would, signing up and in. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { expect, inject } from 'vitest';

export const PASSWORD = 'correct horse battery staple';

/**
 * The newest code sent to `to`, read from the playground's dev mailbox page (/mailbox), waiting
 * until one other than `previous` has arrived (the outbox worker delivers it).
 */
export async function codeFromMailbox(base: string, context: BrowserContext, to: string, previous?: string): Promise<string> {
  const mailbox = await context.newPage();
  await mailbox.goto(`${base}/mailbox`);
  // The newest message carrying a code (notices such as "2-step verification changed" carry none).
  const newest = mailbox.getByRole('article').filter({ hasText: `to ${to}` }).filter({ has: mailbox.locator('pre', { hasText: /\b\d{6}\b/ }) }).first().locator('pre');
  let code: string | undefined;
  await explained(
    expect
      .poll(async () => {
        code = (await newest.count()) ? (await newest.innerText()).match(/\b(\d{6})\b/)?.[1] : undefined;
        return code !== undefined && code !== previous;
      }, { timeout: 15_000 })
      .toBe(true),
    base,
    `no new code to ${to} showed on ${base}/mailbox`,
  );
  await mailbox.close();
  return code!;
}

/** The newest message to `to` in the dev mailbox page, as text. */
export async function newestMail(base: string, context: BrowserContext, to: string, matching: RegExp): Promise<string> {
  const mailbox = await context.newPage();
  await mailbox.goto(`${base}/mailbox`);
  let text = '';
  await explained(
    expect
      .poll(async () => {
        await mailbox.reload();
        text = await mailbox.getByRole('article').filter({ hasText: `to ${to}` }).first().innerText().catch(() => '');
        return matching.test(text);
      }, { timeout: 15_000 })
      .toBe(true),
    base,
    `no message to ${to} matching ${matching} showed on ${base}/mailbox`,
  );
  await mailbox.close();
  return text;
}

/**
 * Waits for `waiting`; if it fails, fails with what a person would look at next: the newest
 * messages the dev mailbox API holds and the tail of the dev stack's output (CI shows only this).
 */
async function explained(waiting: Promise<unknown>, base: string, what: string): Promise<void> {
  try {
    await waiting;
  } catch (error) {
    const api = await fetch(`${base}/v1/dev/mailbox?order_by=-created_at&limit=5`)
      .then(async (r) => `${r.status} ${(await r.text()).slice(0, 2000)}`)
      .catch((e: unknown) => String(e));
    const log = inject('stackLog');
    const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-40).join('\n') : '(no stack log)';
    throw new Error(`${what} within 15 s.\nGET /v1/dev/mailbox (newest 5): ${api}\nDev stack output, last 40 lines:\n${tail}`, { cause: error });
  }
}

/** The OTP field has six boxes; typing into the first fills them all and submits on the sixth digit. */
export async function typeCode(page: Page, code: string): Promise<void> {
  await page.getByLabel('Digit 1 of 6').first().click();
  await page.keyboard.type(code);
}

export async function expectSignedIn(page: Page, email: string): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).first().innerText(), { timeout: 15_000 }).toMatch(/^Signed in/);
  // Polled too: after an account switch the heading already says "Signed in" before the user changes.
  await expect.poll(() => page.getByTestId('user-email').innerText(), { timeout: 15_000 }).toBe(email);
}

/** A new browser context with a new account, signed up through the playground and verified by code. */
export async function signUpNewUser(browser: Browser, base: string, email: string): Promise<{ context: BrowserContext; page: Page; code: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/sign-up`);
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Verify your email' }).waitFor();
  const code = await codeFromMailbox(base, context, email);
  await typeCode(page, code);
  await expectSignedIn(page, email);
  return { context, page, code };
}

/** A new browser context signed in to an existing account with the password. */
export async function signInNewDevice(browser: Browser, base: string, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel(/^Email address/).fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectSignedIn(page, email);
  return { context, page };
}
