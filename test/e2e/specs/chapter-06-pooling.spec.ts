/**
 * Chapter 6, Pooling: what is particular to it. The six 3D views draw; an
 * output cell chosen by pointer or keyboard lights its window in the input
 * and the numbers agree with the four poolings; the window and stride
 * sliders change the sizes, the views and the URL; overlapping windows are
 * allowed and said so; a window larger than the feature maps shows the
 * core's message; 1D and 2D grids switch the unused axes off; eq. 6's terms
 * outline the views and mark the code; a malformed URL falls back with a
 * notice; the code shown is the real source.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { findChapter } from '../../../src/notebook/chapters.ts';
import { assertEquationsRendered, assertViewsDraw } from '../support/checks.ts';
import { decodePng } from '../support/png.ts';
import { assertLineLit, assertOutlined, assertRealSource, assertTermLit, assertUrlNotice, equationTerm, figureDescription, press, stagePixels } from '../support/chapter-checks.ts';
import { useBrowser } from '../support/harness.ts';
import { controlField, waitForIdle, waitForUrlWrite } from '../support/notebook.ts';
import { CHAPTER_PAGES } from '../support/site.ts';

const browser = useBrowser();
const site = CHAPTER_PAGES.find((p) => p.chapter === findChapter('pooling'))!;

const KINDS = ['max', 'avg', 'min', 'l2'] as const;

async function windowHeading(page: Page): Promise<string> {
  return (await page.locator('.window-panel__head').textContent()) ?? '';
}

/** The selection reaches the views through the runtime on a later animation frame: wait for the numbers to follow. */
async function headingChange(page: Page, previous: string, timeout = 10_000): Promise<string> {
  await page.waitForFunction((text) => document.querySelector('.window-panel__head')?.textContent !== text, previous, { timeout });
  await waitForIdle(page);
  return windowHeading(page);
}

/** "−0.31 ▲ (kept by max)" -> -0.31 */
const number = (text: string): number => Number(/[−-]?\d+(?:\.\d+)?(?:e[−-]?\d+)?/.exec(text)![0].replace(/−/g, '-'));

describe('chapter 6, pooling', () => {
  test('opens with equations, six drawn 3D views and the window of the most varied output cell', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await assertEquationsRendered(page);
      assert.equal(await assertViewsDraw(page), 6, 'the grid, the feature maps and four pooled layers');
      assert.equal(await page.locator('.cell-error').count(), 0);
      assert.match(await windowHeading(page), /^Output cell x \d, y \d, z \d of feature map d = [01]/);
      for (const kind of KINDS) {
        assert.match(await figureDescription(page, `output-${kind}`), /Hᵐ: 4 × 4 × 4 cells, 2 feature maps/, `${kind}: the paper's (2, 2, 2, 1) window halves every axis`);
      }
      assert.match(await figureDescription(page, 'input-view'), /8 × 8 × 8 cells, 2 feature maps/);
      // The window is outlined in the views' box colour (#c2185b in the light theme), also under reduced motion (this context).
      const image = decodePng(Buffer.from(await stagePixels(page, 'input-view'), 'base64'));
      let outline = 0;
      for (let p = 0; p < image.rgba.length; p += 4) {
        const [r, g, b] = [image.rgba[p]!, image.rgba[p + 1]!, image.rgba[p + 2]!];
        if (Math.abs(r - 194) < 30 && Math.abs(g - 24) < 30 && Math.abs(b - 91) < 30) outline++;
      }
      assert.ok(outline > 40, `the window outline is drawn in the box colour (${outline} pixels)`);
      await problems.assertNone('pooling opens');
    } finally {
      await close();
    }
  });

  test('the numbers under the views are the window and its four poolings', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const values = (await page.locator('.window-grid td:not(.window-grid__corner)').allTextContents()).map((t) => number(t.replace(/[▲▼]/g, '')));
      assert.equal(values.length, 8, 'a 2 × 2 × 2 window lists 8 values');
      const result = async (kind: string): Promise<number> => number((await page.locator(`.window-results tr[data-kind="${kind}"] td.number`).textContent()) ?? '');
      const close3 = (a: number, b: number): boolean => Math.abs(a - b) <= 0.006 * Math.max(1, Math.abs(b));
      assert.ok(close3(await result('max'), Math.max(...values)), 'max is the largest listed value');
      assert.ok(close3(await result('min'), Math.min(...values)), 'min is the smallest listed value');
      assert.ok(close3(await result('avg'), values.reduce((s, v) => s + v, 0) / 8), 'average is their mean');
      assert.ok(close3(await result('l2'), Math.sqrt(values.reduce((s, v) => s + v * v, 0))), 'L2 is the root of the sum of squares');
      assert.equal(await page.locator('.window-grid td.is-max').count(), 1, 'max pooling kept one cell');
      assert.equal(await page.locator('.window-grid td.is-min').count(), 1, 'min pooling kept one cell');
      await problems.assertNone('window numbers');
    } finally {
      await close();
    }
  });

  test('an output cell chosen from the keyboard or by pointing lights its window in the input', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const inputBefore = await stagePixels(page, 'input-view');
      const stage = page.locator('[data-slot="output-min"] .viz3d__stage');
      const start = /^Output cell x (\d), y (\d), z (\d) of feature map d = (\d)/.exec(await windowHeading(page))!;
      const [x, y, z, d] = start.slice(1).map(Number) as [number, number, number, number];
      const step = x > 0 ? -1 : 1;
      await stage.focus();
      const first = await windowHeading(page);
      await page.keyboard.press(step < 0 ? 'Shift+ArrowLeft' : 'Shift+ArrowRight');
      await headingChange(page, first);
      const nx = x + step;
      const where = `x ${2 * nx}–${2 * nx + 1}, y ${2 * y}–${2 * y + 1}, z ${2 * z}–${2 * z + 1}`;
      assert.match(await windowHeading(page), new RegExp(`^Output cell x ${nx}, y ${y}, z ${z} of feature map d = ${d} .* window ${where} `), 'Shift + arrow moves the selection along x');
      assert.match(await figureDescription(page, 'input-view'), new RegExp(`covers ${where} of feature map d = ${d}`));
      for (const kind of KINDS) assert.match(await figureDescription(page, `output-${kind}`), new RegExp(`Selected cell x ${nx}, y ${y}, z ${z} of feature map d = ${d}`), `${kind} shows the same cell`);
      assert.notEqual(await stagePixels(page, 'input-view'), inputBefore, 'the input view marks another window');

      // Pointing: some point of the max view's stage lies on a cell, and selects it.
      const heading = await windowHeading(page);
      const maxStage = page.locator('[data-slot="output-max"] .viz3d__stage');
      await maxStage.scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      const box = (await maxStage.boundingBox())!;
      let moved = false;
      for (const [fx, fy] of [[0.3, 0.5], [0.25, 0.4], [0.35, 0.6], [0.7, 0.5], [0.65, 0.4]] as const) {
        await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
        moved = await headingChange(page, heading, 3000).then(() => true, () => false);
        if (moved) break;
      }
      assert.ok(moved, 'pointing at a cell of an output view selects it');
      const pointed = await windowHeading(page);
      await page.mouse.move(0, 0);
      await page.waitForTimeout(500);
      await waitForIdle(page);
      assert.equal(await windowHeading(page), pointed, 'the selection stays when the pointer leaves');
      await problems.assertNone('selecting an output cell');
    } finally {
      await close();
    }
  });

  test('window and stride change the sizes, the views and the URL; overlapping windows are allowed', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const before = await stagePixels(page, 'output-max');
      await press(page, 'wx', 'ArrowRight');
      await waitForUrlWrite(page);
      assert.equal(new URL(page.url()).searchParams.get('wx'), '3');
      const sizes = (await page.locator('[data-slot="sizes"]').textContent()) ?? '';
      assert.match(sizes, /neighbouring windows share 1 cell \(stride 2 < window 3\)/);
      assert.match(sizes, /8 × 8 × 8 × 2 → 3 × 4 × 4 × 2/);
      assert.match(await figureDescription(page, 'output-avg'), /3 × 4 × 4 cells/);
      assert.notEqual(await stagePixels(page, 'output-max'), before, 'the pooled layer is redrawn');
      assert.equal(await page.locator('.window-grid td:not(.window-grid__corner)').count(), 12, 'a 3 × 2 × 2 window lists 12 values');
      assert.match((await page.locator('.window-panel').textContent()) ?? '', /Windows overlap: this one shares 1 cell along x with the next window/);

      await press(page, 'sy', 'ArrowRight');
      assert.match((await page.locator('[data-slot="sizes"]').textContent()) ?? '', /1 cell between neighbouring windows is never read \(stride 3 > window 2\)/);
      assert.match((await page.locator('[data-slot="costs"]').textContent()) ?? '', /Values to store, the length of Vec\(H\)1,02472/);
      await problems.assertNone('window and stride');
    } finally {
      await close();
    }
  });

  test('a window larger than the feature maps shows the core message in place of the views', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?size=8&wx=8' });
    try {
      const message = 'pool: the 8-wide window along x is larger than the input 6';
      for (const slot of ['output-max', 'output-avg', 'output-min', 'output-l2', 'sizes', 'costs', 'window']) {
        const error = page.locator(`[data-slot="${slot}"] .cell-error--shape`);
        assert.equal(await error.count(), 1, `${slot} shows a shape error`);
        assert.match((await error.textContent()) ?? '', new RegExp(message));
      }
      assert.equal(await page.locator('[data-slot="geology"] .cell-error').count(), 0, 'the grid itself is fine');
      await press(page, 'wx', 'Home');
      assert.equal(await page.locator('.cell-error').count(), 0, 'a 1-cell window fits again');
      assert.match(await figureDescription(page, 'output-max'), /3 × 3 × 3 cells/, 'a 1-cell window with stride 2 over 6 cells');
      await problems.assertNone('impossible window');
    } finally {
      await close();
    }
  });

  for (const [dims, shape, off] of [['1', '4 cells', ['wy', 'wz', 'sy', 'sz']], ['2', '4 × 4 cells', ['wz', 'sz']]] as const) {
    test(`a ${dims}D grid pools along its own axes and switches the other sliders off`, async () => {
      const { page, problems, close } = await browser.open(site, { query: `?dims=${dims}` });
      try {
        assert.equal(await assertViewsDraw(page), 6);
        for (const kind of KINDS) assert.match(await figureDescription(page, `output-${kind}`), new RegExp(`Hᵐ: ${shape}, 2 feature maps`));
        for (const key of ['wx', 'wy', 'wz', 'sx', 'sy', 'sz']) {
          assert.equal(await controlField(page, key).locator('input').isDisabled(), (off as readonly string[]).includes(key), `${key} is ${(off as readonly string[]).includes(key) ? 'off' : 'on'}`);
        }
        assert.equal(await page.locator('.window-grid td:not(.window-grid__corner)').count(), dims === '1' ? 2 : 4);
        assert.equal(await page.locator('.cell-error').count(), 0);
        await problems.assertNone(`${dims}D`);
      } finally {
        await close();
      }
    });
  }

  test("eq. 6's terms outline the views that show them and mark their code lines, and the other way round", async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await equationTerm(page, '6', 'pool').focus();
      for (const kind of KINDS) assert.ok(await page.locator(`[data-slot="output-${kind}"] .figure.is-term-active`).count(), `${kind} view outlined`);
      assert.equal(await page.locator('[data-slot="input-view"] .figure.is-term-active').count(), 0);
      await assertLineLit(page, 'code-pool', 'extremum(', 'pool.ts forward marks extremum');
      await assertLineLit(page, 'code-pool-every');

      await equationTerm(page, '6', 'BN').focus();
      await assertOutlined(page, 'input-view', 'BN outlines the feature maps');
      await assertLineLit(page, 'code-block', 'batchNormalize');

      await equationTerm(page, '6', 'Hprev').focus();
      await assertOutlined(page, 'geology', 'H^(m-1) outlines the grid');

      await page.locator('h1').click();
      await page.locator('[data-slot="input-view"] .viz3d__stage').hover();
      await assertTermLit(page, '6', 'g', 'pointing at the feature maps marks g');
      await problems.assertNone('term linking');
    } finally {
      await close();
    }
  });

  test('a malformed URL falls back to the defaults with a notice', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?wx=banana&dims=4&structure=granite' });
    try {
      await assertUrlNotice(page, { ignored: 3, labels: ['Window w_x'] });
      assert.match(await figureDescription(page, 'output-max'), /4 × 4 × 4 cells/);
      await problems.assertNone('malformed URL');
    } finally {
      await close();
    }
  });

  test('the code shown is the real source, with its line numbers', async () => {
    const { page, close } = await browser.open(site);
    try {
      await assertRealSource(
        page,
        [
          ['code-block', 'chapters/06-pooling/feature-maps.ts'],
          ['code-pool-every', 'chapters/06-pooling/pooling.ts'],
          ['code-pool', 'src/nn/pool.ts'],
        ],
        { minLines: 6 },
      );
    } finally {
      await close();
    }
  });
});
