/**
 * Chapter 5, Batch normalization: what is particular to it. The page opens
 * with its equations, errata and drawn 3D views; γ and β move the
 * normalized map and the URL; the numbers in the tables are BN's (mean β,
 * spread |γ|); feeding training batches moves the running averages and the
 * train/inference difference; a batch of one 1 x 1 x 1 map gives β and says
 * why; 1D, 2D and 3D inputs all work; impossible settings and a malformed URL
 * show their messages; equation terms, code lines, table columns and views
 * highlight one another; the code shown is the real source.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { findChapter } from '../../../src/notebook/chapters.ts';
import { assertEquationsRendered, assertViewsDraw } from '../support/checks.ts';
import { assertLineLit, assertOutlined, assertRealSource, assertUrlNotice, figureDescription, press, stagePixels } from '../support/chapter-checks.ts';
import { useBrowser } from '../support/harness.ts';
import { waitForIdle, waitForUrlWrite } from '../support/notebook.ts';
import { CHAPTER_PAGES } from '../support/site.ts';

const browser = useBrowser();
const site = CHAPTER_PAGES.find((p) => p.chapter === findChapter('batch-normalization'))!;

/** The cells of a table column, by header label, as numbers ("−0.385" -> -0.385). */
async function column(page: Page, slot: string, index: number): Promise<number[]> {
  const texts = await page.locator(`[data-slot="${slot}"] tbody tr`).evaluateAll(
    (rows, i) => rows.map((r) => (r as HTMLTableRowElement).cells[i]!.textContent ?? ''),
    index,
  );
  return texts.map((t) => Number(t.replace(/−/g, '-').split(',')[0]));
}

describe('chapter 5, batch normalization', () => {
  test('opens with eq. 5 and its errata, the BN definition and every view drawn', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await assertEquationsRendered(page);
      assert.equal(await page.locator('[data-slot="eq-5"] .equation__number').textContent(), '(5)');
      const errata = await page.locator('[data-slot="errata"] .erratum').allTextContents();
      assert.equal(errata.length, 2);
      assert.match(errata[0]!, /learnt during training/);
      assert.match(errata[0]!, /scale .*γ.* and a shift .*β/s);
      assert.match(errata[1]!, /dropout/);
      assert.equal(await page.locator('[data-slot="eq-bn"] .tex-term[data-term="eps"]').count(), 1, 'the BN definition shows ε as a term');
      const views = await assertViewsDraw(page);
      assert.ok(views >= 8, `expected the 3D views and charts, found ${views}`);
      assert.equal(await page.locator('.figure[data-figure-kind="3d"]').count(), 4);
      await problems.assertNone('default page');
    } finally {
      await close();
    }
  });

  test('after BN each map has mean β and a spread of |γ|; γ and β move the view and the URL', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      // Columns: map, μ, σ, mean after, std after, active zone.
      assert.deepEqual(await column(page, 'table-maps', 3), [0, 0, 0, 0]);
      const stds = await column(page, 'table-maps', 4);
      assert.ok(stds.every((s) => Math.abs(s - 1) < 0.01), `std after is about 1: ${stds}`);
      const before = await column(page, 'table-maps', 2);
      assert.ok(Math.max(...before) / Math.min(...before) > 20, `the maps start on different scales: ${before}`);

      const pixels = await stagePixels(page, 'view-train');
      await press(page, 'beta', 'ArrowRight', 5);
      await press(page, 'gamma', 'ArrowLeft', 20); // γ = −1
      await waitForUrlWrite(page);
      const url = new URL(page.url()).searchParams;
      assert.equal(url.get('beta'), '0.5');
      assert.equal(url.get('gamma'), '-1');
      assert.deepEqual(await column(page, 'table-maps', 3), [0.5, 0.5, 0.5, 0.5]);
      assert.notEqual(await stagePixels(page, 'view-train'), pixels, 'the train-mode view is redrawn');
      assert.match(await figureDescription(page, 'view-train'), /BN in train mode, map 0/);
      await problems.assertNone('gamma and beta');
    } finally {
      await close();
    }
  });

  test('feeding training batches moves the running averages towards the batch statistics', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?steps=0' });
    try {
      // Columns: map, μ, μ̂, σ², σ̂², inference out, max |Δ|.
      assert.deepEqual(await column(page, 'table-modes', 2), [0, 0, 0, 0], 'the running mean starts at 0');
      assert.deepEqual(await column(page, 'table-modes', 4), [1, 1, 1, 1], 'the running variance starts at 1');
      const farApart = (await column(page, 'table-modes', 6))[0]!;

      const feed = page.locator('.control[data-control="feed"] button');
      for (let i = 0; i < 3; i++) await feed.click();
      await waitForIdle(page);
      await waitForUrlWrite(page);
      assert.equal(new URL(page.url()).searchParams.get('steps'), '3', 'each press feeds one batch');
      assert.match(await figureDescription(page, 'running-charts'), /after 3 training batches with momentum 0\.1/);
      const runMean = (await column(page, 'table-modes', 2))[0]!;
      const batchMean = (await column(page, 'table-modes', 1))[0]!;
      assert.ok(runMean > 0 && runMean < batchMean, `the running mean ${runMean} moves from 0 towards ${batchMean}`);

      // Momentum 1: the running averages are the last training batch's; the difference shrinks.
      await press(page, 'momentum', 'End');
      const close1 = (await column(page, 'table-modes', 6))[0]!;
      assert.ok(close1 < farApart, `train and inference outputs come closer: ${close1} < ${farApart}`);
      await problems.assertNone('running averages');
    } finally {
      await close();
    }
  });

  test('a batch of one 1 x 1 x 1 map outputs beta and the page says why', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?beta=0.3' });
    try {
      await page.locator('.control[data-control="try-one"] button').click();
      await waitForIdle(page);
      const note = page.locator('[data-slot="note"] .bn-note');
      assert.ok(await note.evaluate((e) => e.classList.contains('bn-note--broken')));
      assert.match((await note.textContent()) ?? '', /variance is 0/);
      assert.match(await figureDescription(page, 'view-train'), /1 × 1 × 1 cells, every value 0\.3/);
      assert.deepEqual(await column(page, 'table-maps', 3), [0.3, 0.3, 0.3, 0.3]);
      // Inference mode still normalizes the sample with the running averages.
      assert.doesNotMatch(await figureDescription(page, 'view-inference'), /every value 0\.3/);
      assert.equal(await page.locator('.cell-error').count(), 0);

      // A batch of one with larger maps: a warning, not a breakdown.
      await page.locator('.control[data-control="try-one-large"] button').click();
      await waitForIdle(page);
      assert.ok(await note.evaluate((e) => e.classList.contains('bn-note--caution')));
      assert.match((await note.textContent()) ?? '', /single sample/);
      await problems.assertNone('batch of one');
    } finally {
      await close();
    }
  });

  test('1D, 2D and 3D inputs all work', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      for (const [dims, cells] of [['1', /\): 8 cells × 4 facies/], ['2', /\): 8 × 8 cells × 4 facies/], ['3', /\): 8 × 8 × 8 cells × 4 facies/]] as const) {
        await page.locator('.control[data-control="dims"] label', { hasText: `${dims}D` }).click();
        await waitForIdle(page);
        assert.match(await figureDescription(page, 'view-input'), cells, `${dims}D input`);
        assert.equal(await page.locator('.cell-error').count(), 0, `${dims}D: no errors`);
        assert.match((await page.locator('[data-slot="note"]').textContent()) ?? '', /each feature map's mean and variance/);
      }
      await assertViewsDraw(page);
      await problems.assertNone('dims');
    } finally {
      await close();
    }
  });

  test('impossible settings show their reason in place of the views', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?batch=4&sample=6' });
    try {
      const error = page.locator('[data-slot="view-before"] .cell-error--shape');
      assert.equal(await error.count(), 1);
      assert.match((await error.textContent()) ?? '', /holds 4 samples, numbered 0 to 3, so there is no sample 6/);
      assert.equal(await page.locator('[data-slot="table-maps"] .cell-error').count(), 0, 'the tables still show the batch');
      await press(page, 'sample', 'Home');
      assert.equal(await page.locator('.cell-error').count(), 0, 'sample 0 clears it');

      await press(page, 'size', 'End');
      const big = page.locator('[data-slot="view-train"] .cell-error--param');
      assert.match((await big.textContent()) ?? '', /at most 12 cells per axis in 3D/);
      await page.locator('.control[data-control="dims"] label', { hasText: '2D' }).click();
      await waitForIdle(page);
      assert.equal(await page.locator('.cell-error').count(), 0, '16-cell maps are fine in 2D');
      await problems.assertNone('impossible settings');
    } finally {
      await close();
    }
  });

  test('a malformed URL falls back to the defaults with a notice', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?eps=2&g=softmax&gamma=9&momentum=0.33' });
    try {
      await assertUrlNotice(page, { ignored: 4, labels: ['ε', 'Activation g', 'Scale γ (every map)', 'Momentum ρ'] });
      await problems.assertNone('malformed URL');
    } finally {
      await close();
    }
  });

  test('equation terms, code lines, table columns and views highlight one another', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await page.locator('[data-slot="eq-bn"] .tex-term[data-term="mu"]').first().hover();
      await assertLineLit(page, 'code-bn', undefined, 'the μ lines of batchnorm.ts light up');
      assert.ok(await page.locator('[data-slot="table-maps"] td.is-term-active').count(), 'the μ column lights up');
      await assertOutlined(page, 'hist-before', 'the histograms before BN are outlined');

      await page.mouse.move(0, 0);
      await page.locator('[data-slot="code-bn"] .code-line[data-term="gamma"]').hover();
      assert.ok(await page.locator('[data-slot="eq-bn"] .tex-term[data-term="gamma"].is-term-active').count(), 'the γ line marks γ');

      await page.mouse.move(0, 0);
      const g = page.locator('[data-slot="eq-5"] .tex-term[data-term="g"]').first();
      await g.focus();
      assert.equal(await g.getAttribute('role'), 'button');
      assert.ok(await page.locator('[data-slot="code-pre"] .code-line[data-term="g"].is-term-active').count(), 'g marks its code line');
      await page.keyboard.press('Enter');
      assert.equal(await g.getAttribute('aria-pressed'), 'true');

      await page.mouse.move(0, 0);
      await page.locator('[data-slot="eq-running"] .tex-term[data-term="runMean"]').first().hover();
      await assertOutlined(page, 'view-inference', 'μ̂ outlines the inference view');
      await assertLineLit(page, 'code-running', undefined, 'and marks updateRunningStats');
      await problems.assertNone('terms');
    } finally {
      await close();
    }
  });

  test('the code shown is the real source, with its line numbers', async () => {
    const { page, close } = await browser.open(site);
    try {
      await assertRealSource(page, [['code-bn', 'src/nn/batchnorm.ts'], ['code-pre', 'chapters/05-batch-normalization/block.ts']], { minLines: 11 });
    } finally {
      await close();
    }
  });
});
