/**
 * Chapter 11, Training a CNN on geological grids: what is particular to it.
 * The page opens with its equations, the data browser, the builder's table
 * (the preset network, 3508 parameters) and the training panel; a builder
 * control changes the sizes and the URL within a frame or so; an impossible
 * network shows its reason; the default network trains in the worker and
 * the loss falls while the curves, the confusion matrix and every H^m
 * update; a saved network loads back and answers a grid exactly as before;
 * a malformed network file and a malformed grid give a message and change
 * nothing; a malformed URL falls back with a notice; the code shown is the
 * real source.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { findChapter } from '../../../src/notebook/chapters.ts';
import { assertEquationsRendered, assertViewsDraw } from '../support/checks.ts';
import { useBrowser } from '../support/harness.ts';
import { controlField, urlParamAfterWrite, waitForIdle } from '../support/notebook.ts';
import { CHAPTER_PAGES } from '../support/site.ts';

const browser = useBrowser();
const site = CHAPTER_PAGES.find((p) => p.chapter === findChapter('geology-training'))!;
/** A data set small enough that an epoch takes a few seconds on a loaded machine. */
const SMALL = '?count=400';

const text = async (page: Page, selector: string): Promise<string> => ((await page.locator(selector).first().textContent()) ?? '').trim();
const number = (s: string): number => Number(s.trim().replace(/−/g, '-').replace(/\u202f/g, '').replace(/,/g, ''));

async function press(page: Page, key: string, keyName: string, times = 1): Promise<void> {
  const input = controlField(page, key).locator('input');
  await input.focus();
  for (let i = 0; i < times; i++) await page.keyboard.press(keyName);
  await waitForIdle(page);
}

async function clickTrain(page: Page, label: RegExp = /^(Train|Resume)$/): Promise<void> {
  const button = page.locator('[data-slot="train"] .training__buttons button', { hasText: label });
  await button.waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !(document.querySelector('[data-slot="train"] .training__buttons button') as HTMLButtonElement | null)?.disabled, undefined, { timeout: 60_000 });
  await button.click();
}

async function pause(page: Page): Promise<void> {
  await page.locator('[data-slot="train"] .training__buttons button', { hasText: /^Pause$/ }).click();
  await page.waitForFunction(() => /Paused at update/.test(document.querySelector('[data-slot="train"] .training__status')?.textContent ?? ''), undefined, { timeout: 30_000 });
}

async function epochsDone(page: Page, n: number, timeout = 180_000): Promise<void> {
  await page.waitForFunction((k) => Number(document.querySelector<HTMLElement>('.gt-train')?.dataset.epochs ?? 0) >= k, n, { timeout });
}

/** The percentages of the grid classification's bars. */
async function answer(page: Page): Promise<string[]> {
  return page.locator('[data-slot="files"] .gt-bars .gt-bar__value').allTextContents();
}

async function classifyShownModel(page: Page): Promise<string[]> {
  await page.locator('[data-slot="files"] button', { hasText: 'Use the model shown above' }).click();
  const before = await text(page, '[data-slot="files"] .gt-files__box:nth-child(2) .gt-files__status');
  await page.locator('[data-slot="files"] button', { hasText: /^Classify$/ }).click();
  await page.waitForFunction((b) => {
    const s = document.querySelectorAll('[data-slot="files"] .gt-files__status')[1]?.textContent ?? '';
    return s !== b && /reads your 12 × 12 × 12 grid as/.test(s);
  }, before, { timeout: 60_000 });
  return answer(page);
}

describe('chapter 11, training a CNN on geological grids', () => {
  test('opens with its equations, the data browser, the preset network in the builder and the training panel', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await assertEquationsRendered(page);
      for (const n of [6, 7, 8, 10, 11]) assert.equal(await page.locator(`.equation[data-equation="${n}"]`).count(), 1, `eq. ${n} is shown`);
      assert.ok((await assertViewsDraw(page)) >= 3, 'the data view, the builder table and the training charts draw');
      assert.equal(await page.locator('.cell-error').count(), 0);
      const rows = page.locator('[data-slot="builder"] tbody tr');
      assert.equal(await rows.count(), 10, 'input and nine layers');
      assert.equal(await text(page, '[data-slot="builder"] tbody tr:nth-child(2) td:nth-child(4)'), '10 × 10 × 10 × 8');
      assert.equal(await text(page, '[data-slot="builder"] tbody tr:nth-child(2) td:nth-child(5)'), '⌊(12 − 3 + 2·0) / 1⌋ + 1 = 10');
      assert.equal(number(await text(page, '[data-slot="builder"] tfoot td.number')), 3508, 'the preset has 3508 parameters');
      assert.match(await text(page, '[data-slot="data"] .gt-facts'), /Structure \(class label\).*Net-to-gross.*Steepest dip/s);
      await page.waitForFunction(() => /Ready: press Train/.test(document.querySelector('[data-slot="train"] .training__status')?.textContent ?? ''), undefined, { timeout: 60_000 });
      assert.match(await text(page, '[data-slot="notes-time"]'), /first passes 90 % after epoch 4 \(90\.8 %\)/);
      await problems.assertNone('chapter 11 opens');
    } finally {
      await close();
    }
  });

  test('a builder control changes every size, the parameter count and the URL at once; the data browser follows the grid', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await press(page, 'p', 'ArrowRight');
      assert.equal(await urlParamAfterWrite(page, 'p', '1'), '1');
      assert.equal(await text(page, '[data-slot="builder"] tbody tr:nth-child(2) td:nth-child(4)'), '12 × 12 × 12 × 8');
      assert.notEqual(number(await text(page, '[data-slot="builder"] tfoot td.number')), 3508);
      // Latency, from a slider's input event to the table's new text, in animation frames (a loaded
      // machine stretches every frame, so milliseconds are logged but frames are asserted).
      const steps = await page.evaluate(async () => {
        const input = document.querySelector<HTMLInputElement>('.control[data-control="filters"] input')!;
        const cell = document.querySelector('[data-slot="builder"] tfoot td.number')!;
        const out: { frames: number; ms: number }[] = [];
        for (let i = 0; i < 10; i++) {
          await new Promise((done) => setTimeout(done, 100));
          const before = cell.textContent;
          const t0 = performance.now();
          input.value = String(Number(input.value) + (i % 2 === 0 ? 2 : -2));
          input.dispatchEvent(new Event('input', { bubbles: true }));
          let frames = 0;
          while (cell.textContent === before && frames < 300) {
            await new Promise((done) => requestAnimationFrame(done));
            frames++;
          }
          out.push({ frames, ms: performance.now() - t0 });
        }
        return out;
      });
      const frames = steps.map((s) => s.frames).sort((a, b) => a - b);
      const ms = steps.map((s) => s.ms).sort((a, b) => a - b);
      console.log(`chapter 11: builder slider to new sizes: median ${frames[5]} frames, ${ms[5]!.toFixed(1)} ms (ms: ${ms.map((t) => t.toFixed(0)).join(', ')})`);
      assert.ok(frames[5]! <= 2, `the builder's sizes follow a slider in the next frame or so (median ${frames[5]} frames)`);
      const radio = controlField(page, 'dims');
      const id = await radio.locator('input[value="2"]').getAttribute('id');
      await radio.locator(`label[for="${id}"]`).click();
      await waitForIdle(page);
      assert.equal(await urlParamAfterWrite(page, 'dims', '2'), '2');
      assert.equal(await text(page, '[data-slot="builder"] tbody tr:nth-child(2) td:nth-child(4)'), '12 × 12 × 1 × 8');
      assert.match(await text(page, '[data-slot="data"] .figure__description'), /a 12 by 12 grid of facies codes/);
      await problems.assertNone('builder');
    } finally {
      await close();
    }
  });

  test('an impossible network is refused with its reason in words', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?blocks=4&pooled=4' });
    try {
      const error = page.locator('[data-slot="builder"] .cell-error');
      await error.waitFor({ timeout: 30_000 });
      assert.match((await error.textContent()) ?? '', /This network cannot be built: layer \d+ \((conv|pool) \w+\).*larger than the padded input/);
      assert.equal(await page.locator('[data-slot="builder"] tbody tr').count(), 1 + 4 * 4 + 2, 'the layers asked for are still listed');
      assert.match(await text(page, '[data-slot="builder"] tfoot'), /18 layers asked for; the network cannot be built/);
      assert.ok(await page.locator('[data-slot="train"] .cell-error').count(), 'training is refused too');
      const main = (await page.locator('main').textContent()) ?? '';
      assert.ok(!/NaN|Infinity|undefined/.test(main), 'no broken number on the page');
      await problems.assertNone('impossible network');
    } finally {
      await close();
    }
  });

  test('the default network trains in the worker: the loss falls and the curves, the confusion matrix and every H^m update', async () => {
    const { page, problems, close } = await browser.open(site, { query: SMALL });
    try {
      await page.locator('.gt-inspector__headline').waitFor();
      const hiddenBefore = await page.locator('[data-slot="inspector"] .gt-panel__caption').allTextContents();
      await clickTrain(page);
      await epochsDone(page, 2);
      const goal = await text(page, '.gt-goal');
      const fall = /Training loss ([\d.]+) in epoch 1, ([\d.]+) in epoch (\d+)/.exec(goal);
      assert.ok(fall, `the goal line reports the loss: ${goal}`);
      assert.ok(Number(fall[2]) < Number(fall[1]), `the training loss falls: ${fall[1]} -> ${fall[2]}`);
      assert.ok((await page.locator('[data-slot="train"] .viz-chart--line path.curve, [data-slot="train"] .viz-chart--line .lines path').count()) >= 2, 'curves are drawn');
      assert.match(await text(page, '[data-slot="train"] .viz-chart--confusion .viz-chart__readout'), /^Accuracy [\d.]+ % \(\d+ of 80\)/);
      await page.waitForFunction(() => /after update [1-9]\d*/.test(document.querySelector('.gt-inspector__headline')?.textContent ?? ''), undefined, { timeout: 30_000 });
      const hiddenAfter = await page.locator('[data-slot="inspector"] .gt-panel__caption').allTextContents();
      assert.ok(hiddenAfter.length >= 5, 'X, H¹, H², the filter and its gradient');
      assert.notDeepEqual(hiddenAfter, hiddenBefore, 'the hidden layers and filters changed with training');
      assert.equal(await page.locator('[data-slot="inspector"] .gt-softmax .gt-bar').count(), 4);
      assert.ok(await page.locator('[data-slot="inspector"] .gt-norm table tbody tr').count() === 8, 'batch-norm statistics of the 8 maps of block 1');
      const main = (await page.locator('main').textContent()) ?? '';
      assert.ok(!/NaN|Infinity|undefined/.test(main), 'no broken number on the page');
      await problems.assertNone('training');
    } finally {
      await close();
    }
  });

  test('a saved network loads back, resets the builder to its settings and answers a grid exactly as before', async () => {
    const { page, problems, close } = await browser.open(site, { query: SMALL });
    try {
      await clickTrain(page);
      await epochsDone(page, 1);
      await pause(page);
      const trained = await classifyShownModel(page);
      assert.equal(trained.length, 4);
      const download = page.waitForEvent('download');
      await page.locator('[data-slot="files"] button', { hasText: /^Save network/ }).click();
      const file = await download;
      const dir = await mkdtemp(join(tmpdir(), 'atlas-ch11-'));
      const path = join(dir, file.suggestedFilename());
      await file.saveAs(path);
      const saved = JSON.parse(await readFile(path, 'utf8')) as { format: string; version: number };
      assert.equal(saved.format, 'cnn-atlas-network');
      assert.equal(saved.version, 1);
      assert.match(await text(page, '[data-slot="files"] .gt-files__status'), /^Saved cnn-atlas-network-.*\.json/);
      // Another network, then the file: the builder takes the file's settings back.
      await press(page, 'p', 'ArrowRight');
      assert.equal(await urlParamAfterWrite(page, 'p', '1'), '1');
      await page.locator('[data-slot="files"] .gt-files__box:first-child input[type=file]').setInputFiles(path);
      await page.waitForFunction(() => /^Loaded /.test(document.querySelector('[data-slot="files"] .gt-files__status')?.textContent ?? ''), undefined, { timeout: 30_000 });
      await waitForIdle(page);
      assert.equal(await text(page, '[data-slot="builder"] tbody tr:nth-child(2) td:nth-child(4)'), '10 × 10 × 10 × 8', 'the padding is back to the file\'s 0');
      assert.equal(await controlField(page, 'p').locator('input').inputValue(), '0');
      await page.waitForFunction(() => (new URLSearchParams(location.search).get('p') ?? '0') === '0', undefined, { timeout: 5_000 });
      await page.waitForFunction(() => /Ready: press Train/.test(document.querySelector('[data-slot="train"] .training__status')?.textContent ?? ''), undefined, { timeout: 60_000 });
      const loaded = await classifyShownModel(page);
      assert.deepEqual(loaded, trained, 'the loaded network answers exactly as the saved one did');
      await problems.assertNone('save and load');
    } finally {
      await close();
    }
  });

  test('a malformed network file and a malformed grid get a message and change nothing', async () => {
    const { page, problems, close } = await browser.open(site, { query: SMALL });
    try {
      const dir = await mkdtemp(join(tmpdir(), 'atlas-ch11-'));
      const bad = join(dir, 'broken.json');
      await writeFile(bad, '{"format": "cnn-atlas-network", "version": 1, "layers": [');
      const urlBefore = page.url();
      const tableBefore = await text(page, '[data-slot="builder"] tbody');
      await page.locator('[data-slot="files"] .gt-files__box:first-child input[type=file]').setInputFiles(bad);
      await page.waitForFunction(() => /broken\.json was not loaded, nothing changed\. network file: the file is not valid JSON/.test(document.querySelector('[data-slot="files"] .gt-files__status')?.textContent ?? ''), undefined, { timeout: 30_000 });
      const newer = join(dir, 'newer.json');
      await writeFile(newer, JSON.stringify({ format: 'cnn-atlas-network', version: 99 }));
      await page.locator('[data-slot="files"] .gt-files__box:first-child input[type=file]').setInputFiles(newer);
      await page.waitForFunction(() => /newer\.json was not loaded.*version 99.*reads version 1/.test(document.querySelector('[data-slot="files"] .gt-files__status')?.textContent ?? ''), undefined, { timeout: 30_000 });
      assert.equal(page.url(), urlBefore, 'the URL is unchanged');
      assert.equal(await text(page, '[data-slot="builder"] tbody'), tableBefore, 'the network is unchanged');
      await page.locator('#gt-grid-text').fill('# shape: 12, 12, 12\n0,1,2,banana');
      await page.locator('[data-slot="files"] button', { hasText: /^Classify$/ }).click();
      const status = page.locator('[data-slot="files"] .gt-files__status').nth(1);
      await page.waitForFunction(() => /^This grid cannot be classified: /.test(document.querySelectorAll('[data-slot="files"] .gt-files__status')[1]?.textContent ?? ''), undefined, { timeout: 10_000 });
      assert.match((await status.textContent()) ?? '', /reads grids of 12 × 12 × 12 cells/);
      await page.locator('#gt-grid-text').fill('{"shape": [4, 4], "values": [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]}');
      await page.locator('[data-slot="files"] button', { hasText: /^Classify$/ }).click();
      await page.waitForFunction(() => /the grid is 4 × 4 × 1 cells but the network reads 12 × 12 × 12/.test(document.querySelectorAll('[data-slot="files"] .gt-files__status')[1]?.textContent ?? ''), undefined, { timeout: 10_000 });
      assert.equal(await answer(page).then((a) => a.length), 0, 'no answer is shown for a refused grid');
      assert.equal(page.url(), urlBefore);
      await problems.assertNone('malformed files');
    } finally {
      await close();
    }
  });

  test('a malformed URL falls back to the defaults with a notice', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?blocks=banana&w=99' });
    try {
      const notice = page.locator('[data-slot="notices"]');
      assert.match((await notice.textContent()) ?? '', /Convolution blocks/);
      assert.equal(number(await text(page, '[data-slot="builder"] tfoot td.number')), 3508);
      await problems.assertNone('malformed URL');
    } finally {
      await close();
    }
  });

  test('equation terms light the builder rows and code lines; the code shown is the real source', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await page.locator('.equation[data-equation="6"] .tex-term[data-term="W"]').first().focus();
      assert.ok(await page.locator('[data-slot="builder"] tr.is-term-active').count() >= 2, 'the two convolution rows light up');
      assert.ok(await page.locator('[data-slot="code-builder"] .code-line.is-term-active').count(), 'the conv line of builderLayers lights up');
      for (const [slot, file] of [
        ['code-builder', 'chapters/11-geology-training/builder.ts'],
        ['code-job', 'chapters/11-geology-training/training.ts'],
        ['code-train', 'src/model/train.ts'],
      ] as const) {
        const lines = (await readFile(new URL(`../../../${file}`, import.meta.url), 'utf8')).split('\n');
        const shown = await page.locator(`[data-slot="${slot}"] .code-line`).evaluateAll((elements) =>
          elements.map((e) => ({ n: Number((e as HTMLElement).dataset.line), text: [...e.childNodes].filter((c) => !(c instanceof HTMLElement && c.classList.contains('code-line__marker'))).map((c) => c.textContent).join('') })),
        );
        assert.ok(shown.length >= 5, `${slot} shows code`);
        for (const { n, text } of shown) assert.equal(lines[n - 1]!.replace(/\s*\/\/\s*term:.*$/, '').trimEnd(), text, `${file}: line ${n}`);
      }
      await problems.assertNone('terms');
    } finally {
      await close();
    }
  });
});
