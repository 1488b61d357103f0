// Runs axe (WCAG 2.0/2.1/2.2, levels A and AA) on every story of the static Storybook build, in
// Debian's Chromium, once per shipped theme. Each story renders against its own instance of the
// real server app in the MSW service worker, so a story only counts as rendered once Storybook's
// render cycle has finished (MSW started, state seeded, SDK loaded) and the page's network is quiet.
//
// Needs `pnpm build-storybook` first (CI runs it in .ci/run). Without a build the file is skipped
// locally and fails under CI=true.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORY_THEME_NAMES } from '../packages/react/src/stories-support/story-themes.ts';
import { launchChromium } from './browser.ts';
import { currentRenderId, STORYBOOK_STATIC_DIR, storybookBuilt, storyRendered, storyUrl, switchStory } from './storybook-page.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const INDEX = join(STORYBOOK_STATIC_DIR, 'index.json');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// Every theme of the Storybook toolbar; narrow with e.g. USHER_A11Y_THEMES=default while iterating.
const THEMES = process.env.USHER_A11Y_THEMES
  ? process.env.USHER_A11Y_THEMES.split(',')
      .map((t) => t.trim())
      .filter(Boolean)
  : STORY_THEME_NAMES;

interface IndexEntry {
  type: 'story' | 'docs';
  id: string;
  title: string;
  name: string;
  tags?: string[];
}

function readStories(): IndexEntry[] | null {
  if (!storybookBuilt('storybook-a11y', 'no story can be checked for accessibility')) return null;
  const index = JSON.parse(readFileSync(INDEX, 'utf8')) as { entries: Record<string, IndexEntry> };
  // Stories opt out of tests with Storybook's own `tags: ['!test']`, nothing else.
  const stories = Object.values(index.entries).filter((e) => e.type === 'story' && (e.tags ?? ['test']).includes('test'));
  if (stories.length === 0) throw new Error(`storybook-static/index.json lists no stories: check the stories glob in .storybook/main.ts.`);
  return stories;
}

const stories = readStories();

// axe-core as @axe-core/playwright uses it, preloaded into every document of the test's context.
// AxeBuilder would otherwise send its 650 kB source over CDP twice per analysis (~0.8 s a story).
const axeRequire = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
const AXE_PATH = axeRequire.resolve('axe-core/axe.min.js');
const AXE_PRELOADED = '/* axe-core is preloaded by the context init script */ void 0';

describe.skipIf(stories === null)(`Storybook: axe finds no WCAG A/AA violation (themes: ${THEMES.join(', ')})`, () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext | null = null;
  let page: Page;
  const inFlight = new Set<unknown>();
  let lastNetworkActivity = 0;
  const pageErrors: string[] = [];
  // The theme the loaded preview was opened with; null forces a fresh page load.
  let loadedTheme: string | null = null;

  /** Waits until no request has been in flight for `quietMs` (components may fetch after render). */
  async function networkIdle(quietMs = 150, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (inFlight.size === 0 && Date.now() - lastNetworkActivity >= quietMs) return;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /**
   * Shows a story and waits for Storybook's render cycle to end (loaders incl. MSW start, seeding,
   * render, play). The first story of a theme loads iframe.html with the theme as a URL global;
   * the next ones are switched in place (a fresh mock and SDK each, the worker stays). Storybook
   * reaches `finished` even after an error, so the error display decides: answers the error shown,
   * or null.
   */
  async function showStory(storyId: string, theme: string): Promise<string | null> {
    let previous: number | null = null;
    if (loadedTheme !== theme) {
      await openFreshPage();
      await page.goto(storyUrl(server.url, storyId, { theme }));
      loadedTheme = theme;
    } else {
      previous = await currentRenderId(page);
      await switchStory(page, storyId);
    }
    const shown = await storyRendered(page, storyId, previous);
    // After an error the preview may be unusable: the next story starts from a fresh page.
    if (shown !== null) loadedTheme = null;
    return shown;
  }

  /**
   * A new browser context (own service-worker registrations) and page. Reloading a page in the
   * same context races MSW: the unloading page tells the worker its last client closed, the
   * worker unregisters itself, and the new page's `registration.update()` rejects with
   * "Not found" as an unhandled rejection. A fresh context has no registration to update.
   */
  async function openFreshPage(): Promise<void> {
    await context?.close();
    inFlight.clear();
    // @axe-core/playwright needs a page of a context made with browser.newContext().
    context = await browser.newContext();
    await context.addInitScript({ path: AXE_PATH });
    page = await context.newPage();
    const touch = () => (lastNetworkActivity = Date.now());
    page.on('request', (r) => (inFlight.add(r), touch()));
    page.on('requestfinished', (r) => (inFlight.delete(r), touch()));
    page.on('requestfailed', (r) => (inFlight.delete(r), touch()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }

  beforeAll(async () => {
    server = await serveStatic(STORYBOOK_STATIC_DIR);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves the MSW worker of the installed msw (else: pnpm exec msw init .storybook/public --no-save)', () => {
    const worker = readFileSync(join(STORYBOOK_STATIC_DIR, 'mockServiceWorker.js'), 'utf8');
    const { version } = createRequire(import.meta.url)('msw/package.json') as { version: string };
    expect(/PACKAGE_VERSION = '([^']+)'/.exec(worker)?.[1]).toBe(version);
  });

  for (const theme of THEMES) {
    for (const story of stories ?? []) {
      it(`[${theme}] ${story.title} › ${story.name}`, async () => {
        pageErrors.length = 0;
        const shown = await showStory(story.id, theme);
        if (shown !== null) throw new Error(`Story ${story.id} [theme ${theme}] did not render:\n${shown}`);
        await networkIdle();
        if (pageErrors.length > 0) throw new Error(`Story ${story.id} [theme ${theme}] threw in the page:\n${pageErrors.join('\n')}`);

        // Legacy mode runs axe in the story's own frame: stories contain no cross-origin frames, and
        // it saves the blank page the default mode opens per analysis.
        const { violations } = await new AxeBuilder({ page, axeSource: AXE_PRELOADED }).setLegacyMode(true).include('#storybook-root').withTags(WCAG_TAGS).analyze();
        if (violations.length > 0) {
          const report = violations
            .map((v) => {
              const nodes = v.nodes.map((n) => `    - ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n');
              return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
            })
            .join('\n');
          throw new Error(`axe: ${violations.length} violation(s) in ${story.id} [theme ${theme}]\n${report}`);
        }
      });
    }
  }
});
