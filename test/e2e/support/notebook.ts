/** Waiting for a chapter's cells, and reading the page as a reader sees it. */
import type { Locator, Page } from 'playwright-core';

/** Resolves when no shown cell is computing (data-notebook="idle" on <html>); pages without cells resolve at once. */
export async function waitForIdle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => {
    const state = document.documentElement.dataset.notebook;
    return state === undefined || state === 'idle';
  }, undefined, { timeout });
  // Fonts (KaTeX) change layout; screenshots and pixel counts wait for them.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Waits past the URL write delay (src/notebook/url-sync.ts) plus a margin. */
export async function waitForUrlWrite(page: Page): Promise<void> {
  await page.waitForTimeout(400);
}

export function controlField(page: Page, key: string): Locator {
  return page.locator(`.control[data-control="${key}"]`);
}

/** A fingerprint of what the page draws: screenshots of its figures and the text of its shown cells. */
export async function drawing(page: Page): Promise<string[]> {
  const parts: string[] = [];
  for (const figure of await page.locator('.figure').all()) {
    parts.push((await figure.screenshot({ animations: 'disabled' })).toString('base64'));
  }
  parts.push(...(await page.locator('main [data-slot]:not(.controls__list)').allTextContents()));
  return parts;
}

export function sameDrawing(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}
