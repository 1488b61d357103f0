// The appearance engine in a real browser: SignIn's `Custom Appearance` story (static Storybook
// build, real server app in the MSW worker) restyled with `variables.colorPrimary`, a class on
// `elements.formButtonPrimary` and a style object, checked through computed styles; and the
// promise that an app's own CSS outside Usher's cascade layers wins without `!important`.
//
// Needs `pnpm build-storybook` first, like the a11y suite (skipped locally without it, fails
// under CI=true).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { STORYBOOK_STATIC_DIR, storybookBuilt, storyRendered, storyUrl } from './storybook-page.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const STORY = 'components-signin--custom-appearance';
const built = storybookBuilt('storybook-appearance', 'the appearance engine cannot be checked in a browser');

const BUTTON = '.usher-formButtonPrimary';

describe.skipIf(!built)('appearance in Chromium (SignIn › Custom Appearance)', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await serveStatic(STORYBOOK_STATIC_DIR);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // A fresh context per test: its own service worker, and no stylesheet left by another test.
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  async function open(theme = 'default'): Promise<void> {
    await page.goto(storyUrl(server.url, STORY, { theme }));
    expect(await storyRendered(page, STORY)).toBeNull();
    await page.locator(BUTTON).waitFor();
  }

  const style = (selector: string, property: string) =>
    page.locator(selector).first().evaluate((el, prop) => getComputedStyle(el).getPropertyValue(prop), property);

  it('paints the primary button with variables.colorPrimary and gives it the class from elements.formButtonPrimary', async () => {
    await open();
    expect(await style(BUTTON, 'background-color')).toBe('rgb(15, 118, 110)');
    // The custom property carries the value and its shade scale (hover uses primary-600).
    const root = '.usher-rootBox';
    expect((await style(root, '--usher-color-primary')).trim()).toBe('#0f766e');
    expect((await style(root, '--usher-color-primary-600')).trim()).toMatch(/^#[0-9a-f]{6}$/);
    const classes = await page.locator(BUTTON).getAttribute('class');
    expect(classes?.split(/\s+/)).toEqual(expect.arrayContaining(['usher-formButtonPrimary', 'brand-button']));

    // A utility class of the app (unlayered, like most app CSS) styles the element through that class.
    await page.addStyleTag({ content: '.brand-button { letter-spacing: 3px; }' });
    await expect.poll(() => style(BUTTON, 'letter-spacing')).toBe('3px');

    // The style object on headerTitle is applied too.
    expect(await style('.usher-headerTitle', 'text-transform')).toBe('uppercase');
  });

  it('keeps the prop above the toolbar theme: the dark theme with the light brand colour variant', async () => {
    await open('dark');
    expect(await style(BUTTON, 'background-color')).toBe('rgb(94, 234, 212)');
    // The theme still decides what it alone sets, e.g. the card background.
    expect(await style('.usher-card', 'background-color')).toBe('rgb(23, 23, 28)');
  });

  it('lets an app stylesheet outside the layers override Usher with lower specificity and no !important', async () => {
    await open();
    // Usher's rule is `.usher-button[data-variant=primary]` (0,2,0) inside @layer usher.base; the
    // app's single class (0,1,0) still wins because unlayered styles beat every layer.
    const usherRuleLayered = await page.evaluate(() =>
      [...document.styleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule instanceof CSSLayerBlockRule && rule.name.startsWith('usher'))),
    );
    expect(usherRuleLayered).toBe(true);
    await page.addStyleTag({ content: '.usher-formButtonPrimary { background-color: rgb(200, 0, 0); border-radius: 0px; }' });
    // Polled: the button transitions its background, so the computed value moves there in ~150 ms.
    await expect.poll(() => style(BUTTON, 'background-color')).toBe('rgb(200, 0, 0)');
    await expect.poll(() => style(BUTTON, 'border-radius')).toBe('0px');
  });

  // A Tailwind v4 app: its CSS declares `theme, base, components, utilities`, resets buttons in
  // `base` (preflight) and ships utilities; here one utility is passed through elements.
  const TAILWIND_LIKE = [
    '@layer base { *, ::before, ::after { box-sizing: border-box; margin: 0; padding: 0; border: 0 solid; } button { font: inherit; color: inherit; background-color: transparent; border-radius: 0; } }',
    '@layer utilities { .brand-button { border-radius: 9999px; } }',
  ].join('\n');

  for (const [name, statement] of [
    ["Tailwind's own order", '@layer theme, base, components, utilities;'],
    ['the order the README documents', '@layer theme, base, usher, components, utilities;'],
  ] as const) {
    it(`in a Tailwind v4 app (${name}), preflight does not undo Usher's look and utilities still win`, async () => {
      // The app's stylesheet is in <head> before the app renders, as a bundled stylesheet is.
      await page.addInitScript((css) => {
        document.addEventListener('DOMContentLoaded', () => {
          const tag = document.createElement('style');
          tag.textContent = css;
          document.head.append(tag);
        });
      }, `${statement}\n${TAILWIND_LIKE}`);
      await open();
      expect(await style(BUTTON, 'background-color')).toBe('rgb(15, 118, 110)');
      expect(await style(BUTTON, 'color')).toBe('rgb(255, 255, 255)');
      expect(await style(BUTTON, 'border-radius')).toBe('9999px');
      // Usher's field padding survives the reset too.
      expect(await style('.usher-formFieldInput', 'padding-left')).not.toBe('0px');
    });
  }
});
