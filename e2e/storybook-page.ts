import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** Where `pnpm build-storybook` writes the static build the Storybook suites test. */
export const STORYBOOK_STATIC_DIR = resolve(import.meta.dirname, '../storybook-static');

/**
 * Whether the static build is there. Without it a suite is skipped locally (with a warning) and
 * fails under CI=true, where nothing may be skipped; an old build only gets a warning.
 */
export function storybookBuilt(suite: string, consequence: string): boolean {
  const index = join(STORYBOOK_STATIC_DIR, 'index.json');
  const how = 'Build it first: `pnpm build-storybook` (writes storybook-static/), then `pnpm test:e2e`.';
  if (!existsSync(index)) {
    if (process.env.CI === 'true') throw new Error(`storybook-static/index.json is missing, so ${consequence}. ${how}`);
    console.warn(`[${suite}] skipped: storybook-static/ is missing. ${how}`);
    return false;
  }
  const ageMinutes = Math.round((Date.now() - statSync(index).mtimeMs) / 60_000);
  if (process.env.CI !== 'true' && ageMinutes > 30) console.warn(`[${suite}] storybook-static/ was built ${ageMinutes} min ago; rebuild with \`pnpm build-storybook\` if stories changed.`);
  return true;
}

type PreviewWindow = Window & {
  __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; renderId?: number; phase?: string } };
  __STORYBOOK_ADDONS_CHANNEL__?: { emit(event: string, payload: unknown): void };
};

/** The URL of one story of a static Storybook build, with toolbar globals (e.g. `{ theme: 'dark' }`). */
export function storyUrl(baseUrl: string, storyId: string, globals: Record<string, string> = {}): string {
  // a11y.manual: the addon's own axe run (for its panel) would race the suite's.
  const pairs = [...Object.entries(globals).map(([k, v]) => `${k}:${v}`), 'a11y.manual:!true'];
  return `${baseUrl}/iframe.html?id=${encodeURIComponent(storyId)}&viewMode=story&globals=${encodeURIComponent(pairs.join(';'))}`;
}

/** The id of the render the preview shows now, to tell the next one apart. */
export async function currentRenderId(page: Page): Promise<number | null> {
  return page.evaluate(() => (window as PreviewWindow).__STORYBOOK_PREVIEW__?.currentRender?.renderId ?? null);
}

/** Switches the loaded preview to another story in place (same worker, a fresh mock and SDK). */
export async function switchStory(page: Page, storyId: string): Promise<void> {
  await page.evaluate((id) => (window as PreviewWindow).__STORYBOOK_ADDONS_CHANNEL__?.emit('setCurrentStory', { storyId: id, viewMode: 'story' }), storyId);
}

/**
 * Waits for Storybook's render cycle of `storyId` to end (loaders incl. MSW start, seeding, render,
 * play). Storybook reaches `finished` even after an error, so the error display decides: answers
 * the error shown, or null.
 */
export async function storyRendered(page: Page, storyId: string, previousRenderId: number | null = null): Promise<string | null> {
  await page.waitForFunction(
    ([id, prev]) => {
      const render = (window as PreviewWindow).__STORYBOOK_PREVIEW__?.currentRender;
      return render?.id === id && render.renderId !== prev && (render.phase === 'finished' || render.phase === 'aborted');
    },
    [storyId, previousRenderId] as const,
    { timeout: 30_000, polling: 25 },
  );
  return page.evaluate(() => {
    if (!document.body.classList.contains('sb-show-errordisplay')) return null;
    const text = (id: string) => document.getElementById(id)?.textContent?.trim() ?? '';
    return [text('error-message'), text('error-stack')].filter(Boolean).join('\n') || 'an error (no message)';
  });
}
