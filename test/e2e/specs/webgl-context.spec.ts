/**
 * The 3D views survive the page's WebGL context going away (issue 8), on the
 * chapters with several 3D views (2, 6, 7, 9):
 *
 *  - forced loss (WEBGL_lose_context): every 3D view says in words that it
 *    is paused and restoring; on the restore every view draws again the same
 *    picture as before (GPU buffers and programs rebuilt), a change made
 *    while lost is drawn, and nothing errs;
 *  - no WebGL at all (canvases refuse every WebGL context, or Chromium
 *    started with --disable-3d-apis): the equations and 2D views still work,
 *    each 3D area says why it is empty, and the read-out works from the
 *    keyboard.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { findChapter } from '../../../src/notebook/chapters.ts';
import { CONTEXT_LOST_TEXT } from '../../../src/viz/three/context-loss.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, newContext } from '../support/browser.ts';
import { SCREENSHOT_DIR, assertEquationsRendered, saveScreenshot } from '../support/checks.ts';
import { useBrowser } from '../support/harness.ts';
import { waitForIdle } from '../support/notebook.ts';
import { decodePng, foregroundFraction } from '../support/png.ts';
import { CHAPTER_PAGES, pageUrl, type SitePage } from '../support/site.ts';
import { watchPage } from '../support/watch.ts';
import { DEBUG_FLAG, NO_WEBGL, frames, loseContext, pixelDifference, rendererStats, restoreContext, stagePixels } from '../support/webgl.ts';
import type { Page } from 'playwright-core';

const browser = useBrowser();
mkdirSync(SCREENSHOT_DIR, { recursive: true });
const SLUGS = ['convolution', 'pooling', 'inference-zone', 'optimizers'];
const pages = SLUGS.map((slug) => CHAPTER_PAGES.find((p) => p.chapter === findChapter(slug))).filter((p): p is SitePage => p !== undefined);

/** The status sentence of every 3D view, '' where it is hidden. */
async function statuses(page: Page): Promise<string[]> {
  return page.locator('.viz3d__status').evaluateAll((nodes) => nodes.map((n) => ((n as HTMLElement).hidden ? '' : (n.textContent ?? ''))));
}

/** How many 3D stages name their shown status in aria-describedby. */
async function describedByStatus(page: Page): Promise<number> {
  return page.locator('.viz3d__stage').evaluateAll((stages) =>
    stages.filter((stage) => {
      const status = stage.querySelector('.viz3d__status');
      return status !== null && !(status as HTMLElement).hidden && (stage.getAttribute('aria-describedby') ?? '').split(' ').includes(status.id);
    }).length,
  );
}

/** Every shown 2D view draws something (the 3D ones are checked apart). */
async function assert2dViewsDraw(page: Page): Promise<number> {
  const bodies = await page.locator('.figure[data-figure-kind="2d"] .figure__body').all();
  let shown = 0;
  for (const [i, body] of bodies.entries()) {
    if (!(await body.isVisible())) continue;
    await body.scrollIntoViewIfNeeded();
    const fraction = foregroundFraction(decodePng(await body.screenshot()));
    assert.ok(fraction > 0.01, `2D view ${i + 1} draws only ${(fraction * 100).toFixed(2)}% non-background pixels`);
    shown++;
  }
  return shown;
}

async function assertNoWebGLPage(page: Page, name: string): Promise<void> {
  const views = await page.locator('.viz3d').count();
  assert.ok(views > 0, `${name} has 3D views`);
  assert.equal(await page.locator('canvas.viz-webgl-canvas').count(), 0, 'no WebGL canvas');
  assert.equal(await page.locator('.viz3d.viz3d--no-webgl').count(), views, 'every 3D view knows it has no WebGL');
  for (const text of await statuses(page)) {
    assert.match(text, /^3D view unavailable: .*WebGL.*\. The read-out below still works from the keyboard; the 2D charts and equations on this page are not affected\.$/);
  }
  for (const status of await page.locator('.viz3d__status').all()) assert.ok(await status.isVisible(), 'the reason is visible');
  assert.equal(await describedByStatus(page), views, 'each 3D view describes itself with its reason (its stage is role="img", so screen readers hear only its name and description)');
  await assertEquationsRendered(page);
  assert.equal(await page.locator('.cell-error').count(), 0, 'no cell failed');
  // The read-out works without a picture: focus the first voxel view and step to its first cell.
  const voxel = page.locator('.viz3d--voxel .viz3d__stage').first();
  if ((await voxel.count()) > 0) {
    const readout = voxel.locator('xpath=..').locator('.viz3d__readout');
    const before = (await readout.textContent()) ?? '';
    await voxel.focus();
    await page.keyboard.press('n');
    assert.notEqual((await readout.textContent()) ?? '', before, 'N puts the read-out on a cell');
    assert.match((await readout.textContent()) ?? '', /\d/, 'the read-out gives a value');
  }
}

describe('WebGL context loss and absence', () => {
  for (const site of pages) {
    test(`${site.name}: a lost context pauses every 3D view with a message, and the restore redraws them as before`, async () => {
      const { page, problems, close } = await browser.open(site, { init: [DEBUG_FLAG] });
      try {
        const views = await page.locator('.viz3d').count();
        assert.ok(views >= 1, 'the chapter has 3D views');
        const before = await stagePixels(page);
        for (const [i, image] of before.entries()) assert.ok(foregroundFraction(image) > 0.01, `3D view ${i + 1} draws before the loss`);
        const start = await rendererStats(page);
        assert.equal(start.contextLost, false);
        assert.ok(start.geometries > 0, 'geometries are on the GPU');

        await loseContext(page);
        await page.waitForFunction((text) => [...document.querySelectorAll('.viz3d__status')].every((s) => !(s as HTMLElement).hidden && s.textContent === text), CONTEXT_LOST_TEXT, { timeout: 10_000 });
        assert.deepEqual(await statuses(page), Array(views).fill(CONTEXT_LOST_TEXT), 'every 3D view says it is paused and restoring');
        assert.equal(await describedByStatus(page), views, 'screen readers hear the pause in each view\'s description');
        const lost = await rendererStats(page);
        assert.equal(lost.contextLost, true);
        assert.equal(lost.losses, 1);
        // The rest of the page stays readable, even when the window is resized
        // meanwhile: the lost canvas, fixed over the window, must not cover it.
        const chart = page.locator('.figure[data-figure-kind="2d"] .figure__body').first();
        if ((await chart.count()) > 0) {
          const viewport = page.viewportSize()!;
          await page.setViewportSize({ width: viewport.width - 100, height: viewport.height + 200 });
          await chart.scrollIntoViewIfNeeded();
          await frames(page);
          assert.ok(foregroundFraction(decodePng(await chart.screenshot())) > 0.01, 'a 2D chart is still seen while the context is lost');
          await page.setViewportSize(viewport);
        }
        const stage = page.locator('.viz3d__stage').first();
        await stage.scrollIntoViewIfNeeded();
        await frames(page);
        const paused = await stage.screenshot({ path: join(SCREENSHOT_DIR, `webgl-context-lost-${site.name}.png`) });
        assert.ok(foregroundFraction(decodePng(paused)) > 0.002, 'the paused sentence is seen in the 3D view');

        await restoreContext(page);
        await page.waitForFunction(() => [...document.querySelectorAll('.viz3d__status')].every((s) => (s as HTMLElement).hidden), undefined, { timeout: 10_000 });
        await frames(page);
        const after = await stagePixels(page);
        assert.equal(after.length, before.length);
        for (const [i, image] of after.entries()) {
          const changed = pixelDifference(before[i]!, image);
          assert.ok(changed < 0.02, `3D view ${i + 1} draws the same picture again after the restore (${(changed * 100).toFixed(2)}% of pixels differ)`);
        }
        const restored = await rendererStats(page);
        assert.equal(restored.contextLost, false);
        assert.equal(restored.restores, 1);
        assert.ok(restored.geometries > 0, 'geometries were uploaded again');
        assert.ok(restored.programs > 0, 'programs were compiled again');
        assert.equal(await describedByStatus(page), 0, 'once restored, no view describes itself as paused');
        assert.equal(await page.locator('.cell-error').count(), 0);
        await problems.assertNone(`${site.name} context loss`);
      } finally {
        await close();
      }
    });
  }

  test('a change made while the context is lost is drawn once it returns; losing it twice works too', async () => {
    const site = pages.find((p) => p.name.includes('pooling')) ?? pages[0]!;
    const { page, problems, close } = await browser.open(site, { init: [DEBUG_FLAG] });
    try {
      const before = await stagePixels(page);
      await loseContext(page);
      await page.waitForFunction(() => [...document.querySelectorAll('.viz3d__status')].some((s) => !(s as HTMLElement).hidden));
      // Move the first slider while nothing can be drawn.
      const slider = page.locator('.control input[type=range]').first();
      await slider.focus();
      await page.keyboard.press('End');
      await waitForIdle(page);
      await restoreContext(page);
      await page.waitForFunction(() => [...document.querySelectorAll('.viz3d__status')].every((s) => (s as HTMLElement).hidden));
      const after = await stagePixels(page);
      assert.ok(after.some((image, i) => pixelDifference(before[i]!, image) > 0.001), 'the new setting is drawn after the restore');
      for (const [i, image] of after.entries()) assert.ok(foregroundFraction(image) > 0.01, `3D view ${i + 1} draws`);
      // A second loss and restore.
      await loseContext(page);
      await page.waitForFunction(() => [...document.querySelectorAll('.viz3d__status')].some((s) => !(s as HTMLElement).hidden));
      await restoreContext(page);
      await page.waitForFunction(() => [...document.querySelectorAll('.viz3d__status')].every((s) => (s as HTMLElement).hidden));
      const again = await stagePixels(page);
      for (const [i, image] of again.entries()) assert.ok(pixelDifference(after[i]!, image) < 0.02, `3D view ${i + 1} is drawn again after a second loss`);
      const stats = await rendererStats(page);
      assert.deepEqual([stats.losses, stats.restores], [2, 2]);
      await problems.assertNone('change while lost');
    } finally {
      await close();
    }
  });

  for (const site of pages) {
    test(`${site.name}: without WebGL the equations and 2D views work and every 3D area says why it is empty`, async () => {
      const { page, problems, close } = await browser.open(site, { init: [NO_WEBGL] });
      try {
        await assertNoWebGLPage(page, site.name);
        await assert2dViewsDraw(page);
        // A setting still recomputes everything, with no error.
        const slider = page.locator('.control input[type=range]').first();
        await slider.focus();
        await page.keyboard.press('ArrowRight');
        await waitForIdle(page);
        assert.equal(await page.locator('.cell-error').count(), 0, 'no cell failed after a change');
        if (site === pages[0]) await saveScreenshot(page, `webgl-none-${site.name}`);
        await problems.assertNone(`${site.name} without WebGL`);
      } finally {
        await close();
      }
    });
  }

  test('Chromium started with --disable-3d-apis: the 3D areas say why they are empty', async () => {
    const site = pages.find((p) => p.name.includes('inference-zone')) ?? pages[0]!;
    const noGpu = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--disable-3d-apis'], headless: true });
    try {
      const context = await newContext(noGpu);
      const page = await context.newPage();
      const problems = watchPage(page);
      await page.goto(pageUrl(site), { waitUntil: 'load' });
      await waitForIdle(page);
      await assertNoWebGLPage(page, site.name);
      await problems.assertNone('--disable-3d-apis');
    } finally {
      await noGpu.close();
    }
  });
});
