/**
 * Social sign-in in Chromium through the playground against a real OpenID provider (oidc-provider
 * on loopback, registered through the Backend API for this file): the button opens the provider's
 * login page, the provider returns through the server to /sso-callback, and the person is signed
 * in. A provider answer that fails a check (bad signature, wrong nonce, wrong iss) signs nobody in and says why; an
 * address the provider does not vouch for is verified by code before the account exists.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startOidcProvider, type OidcProviderFixture } from '../packages/testing/src/oidc/index.ts';
import { backendApi } from './backend-api.ts';
import { launchChromium } from './browser.ts';
import { codeFromMailbox, expectSignedIn, typeCode } from './playground.ts';

const base = inject('playgroundUrl');
let browser: Browser;
let oidc: OidcProviderFixture;

beforeAll(async () => {
  oidc = await startOidcProvider({ clients: [{ clientId: 'playground', clientSecret: 'playground-secret-0123456789', redirectUris: [`${base}/v1/oauth_callback`] }] });
  await backendApi('PUT', '/oauth_providers/acme', { preset: 'oidc', name: 'Acme ID', issuer: oidc.issuer, client_id: 'playground', client_secret: 'playground-secret-0123456789' });
  browser = await launchChromium();
});
afterAll(async () => {
  await backendApi('DELETE', '/oauth_providers/acme').catch(() => undefined);
  await browser?.close();
  await oidc?.close();
});

async function continueWithAcme(page: Page, sub: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByRole('button', { name: /Continue with Acme ID/ }).click();
  await page.waitForURL((url) => url.origin === oidc.issuer);
  await page.getByLabel('Account (sub)').fill(sub);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('sign-in with an OpenID provider', () => {
  it('signs a new person in through the provider and back, with the provider’s profile', async () => {
    oidc.addAccount({ sub: 'e2e-ada', email: 'ada.oidc@example.com', email_verified: true, given_name: 'Ada', family_name: 'Lovelace' });
    const context = await browser.newContext();
    const page = await context.newPage();
    await continueWithAcme(page, 'e2e-ada');
    await expectSignedIn(page, 'ada.oidc@example.com');
    // A second sign-in on a new device finds the same account by (provider, subject).
    const again = await (await browser.newContext()).newPage();
    await continueWithAcme(again, 'e2e-ada');
    await expectSignedIn(again, 'ada.oidc@example.com');
    await context.close();
    await again.context().close();
  });

  it.each([
    ['a bad signature', { idTokenSignedBy: 'foreign-key' as const }],
    ['a wrong nonce', { idTokenClaims: { nonce: 'not-the-nonce' } }],
    ['a wrong issuer', { idTokenClaims: { iss: 'https://evil.example' } }],
  ])('refuses an ID token with %s and says so', async (_name, misbehaviour) => {
    oidc.addAccount({ sub: 'e2e-forged', email: 'forged@example.com', email_verified: true });
    oidc.misbehave(misbehaviour);
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await continueWithAcme(page, 'e2e-forged');
      await expect.poll(() => page.getByRole('alert').first().innerText(), { timeout: 15_000 }).toMatch(/security check/i);
      await page.getByRole('link', { name: /Back to sign in/i }).click();
      await page.getByRole('heading', { level: 1, name: /^Sign in to/ }).waitFor();
    } finally {
      oidc.behave();
      await context.close();
    }
  });

  it('an address the provider does not vouch for is verified by code before the account exists', async () => {
    oidc.addAccount({ sub: 'e2e-unverified', email: 'unverified.oidc@example.com', email_verified: false, given_name: 'Una' });
    const context = await browser.newContext();
    const page = await context.newPage();
    await continueWithAcme(page, 'e2e-unverified');
    await page.getByRole('heading', { name: 'Verify your email' }).waitFor({ timeout: 15_000 });
    await typeCode(page, await codeFromMailbox(base, context, 'unverified.oidc@example.com'));
    await expectSignedIn(page, 'unverified.oidc@example.com');
    await context.close();
  });
});
