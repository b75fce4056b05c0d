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

/**
 * Waits (up to `timeout`) for the query string to hold key=value: the write is
 * debounced and, on a busy machine, a long computation can delay its timer.
 * Returns the value the URL holds at the end, for the caller's assertion.
 */
export async function urlParamAfterWrite(page: Page, key: string, value: string, timeout = 5_000): Promise<string | null> {
  await page
    .waitForFunction(([k, v]) => new URLSearchParams(location.search).get(k!) === v, [key, value] as const, { timeout })
    .catch(() => undefined);
  return new URL(page.url()).searchParams.get(key);
}

export function controlField(page: Page, key: string): Locator {
  return page.locator(`.control[data-control="${key}"]`);
}

/**
 * What the page's cells draw as DOM: the text of every shown slot (diagrams,
 * tables, read-outs) and of every figure's text alternative. Cheap to read.
 */
export async function drawnText(page: Page): Promise<string[]> {
  return page.locator('main [data-slot]:not(.controls__list), main .figure__description').allTextContents();
}

/**
 * What the figures show as pixels: one screenshot per figure (slow with
 * software WebGL). Each figure is first scrolled to the top of the window and
 * given two frames to draw, so the same state always gives the same pixels
 * (the shared 3D canvas draws only what is inside the window, and a figure
 * taller than the window would otherwise be captured from wherever the
 * previous scroll left it).
 */
export async function figurePixels(page: Page, options: { settled?: boolean } = {}): Promise<string[]> {
  const shots: string[] = [];
  for (const figure of await page.locator('.figure').all()) {
    await figure.evaluate((f) => new Promise((done) => {
      f.scrollIntoView({ block: 'start' });
      requestAnimationFrame(() => requestAnimationFrame(() => done(undefined)));
    }));
    let shot = (await figure.screenshot({ animations: 'disabled' })).toString('base64');
    // Settled: after a scroll, the shared 3D canvas may redraw a view a frame or two
    // later on a loaded machine; shoot again until two shots agree (a figure that
    // moves by itself never agrees, and its last shot is kept).
    for (let tries = 0; options.settled && tries < 5; tries++) {
      await page.waitForTimeout(100);
      const again = (await figure.screenshot({ animations: 'disabled' })).toString('base64');
      if (again === shot) break;
      shot = again;
    }
    shots.push(shot);
  }
  return shots;
}

export function sameDrawing(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

/**
 * Whether `forward` changes what is drawn. The drawn text is compared first;
 * only when it stays the same are the figures' pixels compared, between the
 * state after `forward` and the state after `back` (then `forward` again), so
 * a page pays for screenshots only where its text does not already show the
 * change.
 */
export async function changesDrawing(page: Page, forward: () => Promise<void>, back: () => Promise<void>): Promise<boolean> {
  const text = await drawnText(page);
  await forward();
  if (!sameDrawing(text, await drawnText(page))) return true;
  const moved = await figurePixels(page);
  await back();
  const original = await figurePixels(page);
  await forward();
  return !sameDrawing(moved, original);
}
