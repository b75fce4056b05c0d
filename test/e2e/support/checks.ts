/** Checks every page of the site must pass. */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { CITATION } from '../../../src/notebook/chapters.ts';
import { decodePng, foregroundFraction } from './png.ts';

export const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', '..', 'screenshots');

/** KaTeX rendered every equation and inline formula, and refused none. */
export async function assertEquationsRendered(page: Page): Promise<void> {
  const report = await page.evaluate(() => ({
    errors: [...document.querySelectorAll('.katex-error')].map((e) => e.textContent ?? ''),
    equations: document.querySelectorAll('.equation__math').length,
    equationsRendered: document.querySelectorAll('.equation__math .katex').length,
    inline: document.querySelectorAll('[data-tex]').length,
    inlineRendered: [...document.querySelectorAll('[data-tex]')].filter((e) => e.querySelector('.katex')).length,
  }));
  assert.deepEqual(report.errors, [], 'KaTeX refused some TeX');
  assert.equal(report.equationsRendered, report.equations, 'every display equation holds KaTeX output');
  assert.equal(report.inlineRendered, report.inline, 'every inline formula holds KaTeX output');
}

/** The footer cites the paper, word for word. */
export async function assertCitation(page: Page): Promise<void> {
  const footer = (await page.locator('footer.site-footer .citation').textContent()) ?? '';
  assert.equal(footer.replace(/\s+/g, ' ').trim(), CITATION);
}

/** Every axe finding (any impact) under WCAG 2.0/2.1 A and AA and axe's best practices, one line per element. */
export async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.flatMap((v) =>
    v.nodes
      .slice(0, 4)
      .map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`),
  );
}

/** No accessibility violation at all, whatever axe rates its impact. */
export async function assertAccessible(page: Page, context: string): Promise<void> {
  const findings = await axeFindings(page);
  assert.equal(findings.length, 0, `${context}: accessibility violations\n    ${findings.join('\n    ')}`);
}

/**
 * The shown 3D and 2D views that draw (almost) nothing: those whose share of
 * pixels differing from their background (the most common colour) is at most
 * `minimum`, as 'view 2 (title): 0.00%'. Hidden views are skipped: a reader
 * cannot see them blank. `settleMs` is how long to let the shared renderer
 * draw after scrolling a view into the window (it draws on the next frames).
 */
export async function blankViews(page: Page, options: { minimum?: number; settleMs?: number } = {}): Promise<string[]> {
  const { minimum = 0.01, settleMs = 250 } = options;
  const bodies = await page.locator('.figure[data-figure-kind="3d"] .figure__body, .figure[data-figure-kind="2d"] .figure__body').all();
  const blank: string[] = [];
  for (const [i, body] of bodies.entries()) {
    if (!(await body.isVisible())) continue;
    await body.scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.waitForTimeout(settleMs);
    const fraction = foregroundFraction(decodePng(await body.screenshot()));
    if (fraction <= minimum) {
      const title = await body.evaluate((b) => b.closest('.figure')?.querySelector('.figure__title')?.textContent ?? '');
      blank.push(`view ${i + 1} (${title}): ${(fraction * 100).toFixed(2)}% non-background pixels`);
    }
  }
  return blank;
}

/** Each shown 3D or 2D view draws something (see blankViews); returns how many views the page has. */
export async function assertViewsDraw(page: Page, minimum = 0.01): Promise<number> {
  assert.deepEqual(await blankViews(page, { minimum }), [], 'every view draws');
  return page.locator('.figure[data-figure-kind="3d"] .figure__body, .figure[data-figure-kind="2d"] .figure__body').count();
}

/** WebGL's largest viewport in SwiftShader is 8192 px; keep each capture below it. */
const MAX_CAPTURE_HEIGHT = 8000;

/**
 * The whole page as people see it, 3D views included: the window is made as
 * tall as the page (in parts of at most 8000 px: name.png, name-2.png, ...)
 * so the page's one WebGL canvas, fixed over the window, covers every view.
 * A full-page screenshot would leave the views blank: the shared renderer
 * draws only what is inside the window.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const viewport = page.viewportSize()!;
  const total = await page.evaluate(() => document.documentElement.scrollHeight);
  const height = Math.min(total, MAX_CAPTURE_HEIGHT);
  try {
    await page.setViewportSize({ width: viewport.width, height });
    for (let top = 0, part = 1; top < total; top += height, part++) {
      await page.evaluate((y) => window.scrollTo(0, y), top);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}${part > 1 ? `-${part}` : ''}.png`), animations: 'disabled' });
    }
  } finally {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
  }
}
