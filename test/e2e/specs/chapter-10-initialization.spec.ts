/**
 * Chapter 10, Initialization: what is particular to it. The page opens with
 * its equations and four drawn charts; the drawn weights stay inside the
 * cut-offs and their summary matches the theory; every slider changes what
 * is drawn and the URL; the presets set σ to the He and Glorot values; the
 * most extreme stack (σ = 2, ReLU, 10 layers) shows no error and no
 * non-number, and a tiny σ is reported as vanishing; a malformed URL falls
 * back with a notice; the code shown is the real source.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { findChapter } from '../../../src/notebook/chapters.ts';
import { assertEquationsRendered, assertViewsDraw } from '../support/checks.ts';
import { assertRealSource, assertUrlNotice, press } from '../support/chapter-checks.ts';
import { useBrowser } from '../support/harness.ts';
import { changesDrawing, controlField, waitForIdle, waitForUrlWrite } from '../support/notebook.ts';
import { CHAPTER_PAGES } from '../support/site.ts';

const browser = useBrowser();
const site = CHAPTER_PAGES.find((p) => p.chapter === findChapter('initialization'))!;

async function text(page: Page, slot: string): Promise<string> {
  return (await page.locator(`[data-slot="${slot}"]`).textContent()) ?? '';
}

describe('chapter 10, initialization', () => {
  test('opens with its equations, four charts, and drawn weights inside the cut-offs', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await assertEquationsRendered(page);
      assert.equal(await assertViewsDraw(page), 5, 'the weights, the spread, the dead units, the gradients and the per-layer histograms');
      assert.equal(await page.locator('.cell-error').count(), 0);
      const summary = await text(page, 'weights-summary');
      assert.match(summary, /so 0 of the 4\s000 weights lie outside/);
      assert.match(summary, /standard deviation 0\.088/, 'the theoretical spread of the 2σ-truncated normal with σ = 0.1');
      assert.match(await text(page, 'eq-init'), /Initialization, §2\.3/);
      assert.equal(await page.locator('[data-slot="layer-table"] tbody tr').count(), 8, 'one row per layer');
      await problems.assertNone('initialization opens');
    } finally {
      await close();
    }
  });

  test('every slider changes what is drawn and the URL', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      for (const key of ['sigma', 'cut', 'n', 'seed', 'logsigma', 'depth', 'draw']) {
        const changed = await changesDrawing(
          page,
          () => press(page, key, 'ArrowRight'),
          () => press(page, key, 'ArrowLeft'),
        );
        assert.ok(changed, `${key} changes the drawing`);
        await waitForUrlWrite(page);
        assert.match(page.url(), new RegExp(`[?&]${key}=`), `${key} is in the URL`);
      }
      await problems.assertNone('sliders');
    } finally {
      await close();
    }
  });

  test('the presets set σ to the Glorot and He values for 64 units', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await page.locator('[data-control="preset-he"] button').click();
      await waitForIdle(page);
      assert.match(await text(page, 'sigma-readout'), /σ = 0\.178/);
      await page.locator('[data-control="preset-glorot"] button').click();
      await waitForIdle(page);
      assert.match(await text(page, 'sigma-readout'), /σ = 0\.126/);
      await page.locator('[data-control="preset-paper"] button').click();
      await waitForIdle(page);
      assert.match(await text(page, 'sigma-readout'), /σ = 0\.1 /);
      await problems.assertNone('presets');
    } finally {
      await close();
    }
  });

  test('σ = 2 with ReLU over 10 layers explodes in words, with no error and no non-number; σ = 0.01 vanishes', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?logsigma=0.3&g=relu&depth=10' });
    try {
      assert.equal(await page.locator('.cell-error').count(), 0);
      assert.match(await text(page, 'stack-headline'), /explode/);
      const all = (await page.locator('main').textContent()) ?? '';
      assert.doesNotMatch(all.replace(/Number\.isFinite|Infinity,|-?Infinity;/g, ''), /\bNaN\b|\bInfinity\b/);
      assert.equal(await page.locator('[data-slot="layer-table"] tbody tr').count(), 10);
      await page.goto(page.url().replace(/logsigma=[^&]*/, 'logsigma=-2').replace(/depth=10/, 'depth=8') + '&bias=zeros');
      await waitForIdle(page);
      assert.match(await text(page, 'stack-headline'), /vanish/);
      await problems.assertNone('extreme stacks');
    } finally {
      await close();
    }
  });

  test('a malformed URL falls back to the defaults with a notice, and keeps what was valid', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?g=softplus&logsigma=9&depth=4&bias=maybe' });
    try {
      await assertUrlNotice(page, { ignored: 3 });
      assert.equal(await controlField(page, 'depth').locator('input').inputValue(), '4', 'the valid depth is kept');
      assert.equal(await page.locator('[data-slot="layer-table"] tbody tr').count(), 4);
      await problems.assertNone('malformed URL');
    } finally {
      await close();
    }
  });

  test('the code shown is the real source, with its line numbers', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await assertRealSource(
        page,
        [
          ['code-draw', 'src/tensor/init.ts'],
          ['code-tensor', 'src/tensor/init.ts'],
          ['code-bias', 'src/tensor/init.ts'],
          ['code-density', 'chapters/10-initialization/density.ts'],
          ['code-stack', 'chapters/10-initialization/stack.ts'],
        ],
        { minLines: 3 },
      );
      assert.ok(((await page.locator('[data-slot="code-draw"]').textContent()) ?? '').includes('if (Math.abs(z) <= cut) return mean + sigma * z;'), 'the rejection line is shown');
      await problems.assertNone('code');
    } finally {
      await close();
    }
  });
});
