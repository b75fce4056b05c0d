/**
 * Training runs in a Web Worker and leaves the page free (issue 5): on every
 * chapter that trains, while the worker trains the page keeps drawing
 * frames, no main-thread task blocks it, and the training panel's update
 * count keeps climbing.
 *
 * What is asserted is what our code decides: the main thread is never
 * blocked (no task over 50 ms, issue 7) and frames start every 16.7 ms at the
 * median (60 fps). The tail of the frame intervals is logged but bounded only
 * loosely: in headless Chromium on a two-core machine the worker takes one
 * core and the software compositor (SwiftShader) competes with the page for
 * the other, so a frame now and then waits 100 to 200 ms with no script
 * running (long-animation-frame entries showed no blocking time and under
 * 8 ms of script in those frames, and no WebGL draw happens while training).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CDPSession, Page } from 'playwright-core';
import { findChapter } from '../../../src/notebook/chapters.ts';
import { useBrowser } from '../support/harness.ts';
import { describeResponsiveness, readResponsiveness, startResponsivenessProbe } from '../support/responsiveness.ts';
import { CHAPTER_PAGES } from '../support/site.ts';

/** Every chapter whose page trains a network in the worker, and the slot of its training panel. */
const TRAINING_CHAPTERS: readonly { slug: string; slot: string }[] = [
  { slug: 'losses-gradient-descent', slot: 'race' },
  { slug: 'optimizers', slot: 'cnn' },
  { slug: 'geology-training', slot: 'train' },
];

/** How long the probe watches the page while it trains. */
const WATCH_MS = 3_000;
/** At 60 fps a frame starts every 16.7 ms: the median interval must be one frame (with a little timer slack). */
const MEDIAN_FRAME_BOUND_MS = 20;
/** A frozen page (a half-second stall) fails; the software compositor's occasional 100-200 ms frames do not (see above). */
const LONGEST_FRAME_BOUND_MS = 500;
/**
 * A task this long is a freeze a reader feels. Issue 7's stricter "no task over
 * 50 ms" is measured by `npm run bench:pages` on a quiet machine (none were seen
 * there); here other processes may hold the CPU and stretch a task past 50 ms.
 */
const LONGEST_TASK_BOUND_MS = 200;
/** Training on the main thread would keep it busy nearly all the time; the page's own drawing takes a small part. */
const MAIN_THREAD_BUSY_BOUND = 0.5;

const browser = useBrowser();

/** Seconds the page's main thread has spent running tasks since it opened (Chrome DevTools Protocol, Performance domain). */
async function mainThreadBusySeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const task = metrics.find((m) => m.name === 'TaskDuration');
  if (!task) throw new Error('Chromium reported no TaskDuration metric');
  return task.value;
}

async function updatesShown(page: Page, slot: string): Promise<number> {
  const text = await page.locator(`[data-slot="${slot}"] .training__readout .training__value`).first().textContent();
  const n = Number((text ?? '').replace(/[^\d]/g, ''));
  return Number.isFinite(n) ? n : 0;
}

describe('training leaves the page responsive', () => {
  for (const { slug, slot } of TRAINING_CHAPTERS) {
    const site = CHAPTER_PAGES.find((p) => p.chapter === findChapter(slug));
    if (!site) continue;
    test(`${site.name}: the worker trains while the page keeps drawing frames`, async () => {
      const { page, problems, close } = await browser.open(site);
      try {
        const panel = page.locator(`[data-slot="${slot}"] .training`);
        const train = panel.locator('button', { hasText: /^Train$/ });
        await train.scrollIntoViewIfNeeded();
        await page.waitForFunction((s) => {
          const b = [...document.querySelectorAll(`[data-slot="${s}"] .training button`)].find((e) => e.textContent === 'Train');
          return b !== undefined && !b.hasAttribute('disabled');
        }, slot, { timeout: 30_000 });
        await train.click();
        await page.waitForFunction((s) => /Training/.test(document.querySelector(`[data-slot="${s}"] .training__status`)?.textContent ?? ''), slot, { timeout: 30_000 });
        const before = await updatesShown(page, slot);
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        const busyBefore = await mainThreadBusySeconds(cdp);
        await startResponsivenessProbe(page);
        await page.waitForTimeout(WATCH_MS);
        const seen = await readResponsiveness(page);
        const busy = (await mainThreadBusySeconds(cdp)) - busyBefore;
        const busyFraction = (busy * 1000) / seen.windowMs;
        const after = await updatesShown(page, slot);
        const status = (await page.locator(`[data-slot="${slot}"] .training__status`).textContent()) ?? '';
        const summary = `${site.name}: ${describeResponsiveness(seen)}; main thread busy ${(100 * busyFraction).toFixed(0)}% of the time; updates ${before} -> ${after} (${status})`;
        console.log(summary);
        assert.ok(after > before || /Finished/.test(status), `training progresses: ${summary}`);
        assert.ok(seen.medianFrameMs <= MEDIAN_FRAME_BOUND_MS, `60 frames per second at the median: ${summary}`);
        assert.ok(seen.longestFrameMs <= LONGEST_FRAME_BOUND_MS, `the page never freezes: ${summary}`);
        assert.ok(busyFraction <= MAIN_THREAD_BUSY_BOUND, `the training is not on the main thread: ${summary}`);
        assert.ok(seen.longestTaskMs <= LONGEST_TASK_BOUND_MS, `no main-thread task freezes the page: ${summary}`);
        await problems.assertNone(`${site.name} training`);
      } finally {
        await close();
      }
    });
  }
});
