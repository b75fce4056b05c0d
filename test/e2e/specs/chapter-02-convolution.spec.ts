/**
 * Chapter 2, Convolution: what is particular to it. The sum written out
 * shows the numbers the core computes (checked here against the chapter's
 * pure modules in Node) and says it matches conv.ts; stepping and playing
 * move the window and the URL, with no autoplay under reduced motion; the
 * filter count sets the output depth and the input depth the filter depth;
 * 1D and 3D inputs work and draw; an impossible filter shows the core's
 * reason; a malformed link falls back with a notice; an output cell selected
 * from the keyboard moves the window to it; terms link the equations, the
 * kernel's lines, the views and the breakdown; Figure 3 matches the shared
 * conformance case; the code shown is the real source.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { explain } from '../../../chapters/02-convolution/breakdown.ts';
import { filterBank } from '../../../chapters/02-convolution/filters.ts';
import { formatNumber } from '../../../chapters/02-convolution/format.ts';
import { inputTensor, type Dims, type PatternName } from '../../../chapters/02-convolution/inputs.ts';
import { convLayer, placement } from '../../../chapters/02-convolution/layer.ts';
import { findChapter } from '../../../src/notebook/chapters.ts';
import { assertViewsDraw } from '../support/checks.ts';
import { assertOutlined, assertRealSource, assertTermLit, equationTerm } from '../support/chapter-checks.ts';
import { useBrowser } from '../support/harness.ts';
import { controlField, waitForIdle, waitForUrlWrite } from '../support/notebook.ts';
import { CHAPTER_PAGES } from '../support/site.ts';

const browser = useBrowser();
const site = CHAPTER_PAGES.find((p) => p.chapter === findChapter('convolution'))!;

const position = (page: Page): Promise<string> => controlField(page, 'position').locator('input').inputValue();
const check = (page: Page) => page.locator('[data-slot="breakdown"] .bd-check');

/** The numbers the breakdown should show, computed in Node by the same pure modules and the core. */
function expected(config: { dims: Dims; size: number; depth: number; pattern: PatternName; seed: number; fsize: number; filters: number; position: number; filter: number }) {
  const x = inputTensor({ dims: config.dims, size: config.size, depth: config.depth, pattern: config.pattern, seed: config.seed });
  const bank = filterBank({ dims: config.dims, size: config.fsize, depth: config.depth, count: config.filters, kind: 'detectors', seed: config.seed, bias: 0 });
  const layer = convLayer(x, bank.w, bank.b);
  const place = placement(layer, config.position, config.filter);
  return explain(layer, place.output, place.filter);
}

describe('chapter 2, convolution', () => {
  test('the sum written out holds the core’s numbers and matches what conv.ts computed, step after step', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const next = page.locator('.player__next');
      for (let p = 1; p <= 4; p++) {
        if (p > 1) {
          await next.click();
          await waitForIdle(page);
        }
        assert.equal(await position(page), String(p));
        const bd = expected({ dims: 2, size: 9, depth: 1, pattern: 'faulted', seed: 1, fsize: 3, filters: 2, position: p, filter: 1 });
        const group = page.locator('[data-slot="breakdown"] .bd-group').first();
        const shown = async (kind: string) => group.locator(`.bd-grid__table--${kind} td`).allTextContents();
        // Rows run from the top (y = 2) down; the terms are stored i outer, j inner.
        const order = [2, 5, 8, 1, 4, 7, 0, 3, 6];
        assert.deepEqual(await shown('h'), order.map((t) => formatNumber(bd.terms[t]!.h)), `position ${p}: the window's values`);
        assert.deepEqual(await shown('w'), order.map((t) => formatNumber(bd.terms[t]!.w)), `position ${p}: the filter's weights`);
        assert.deepEqual(await shown('p'), order.map((t) => formatNumber(bd.terms[t]!.product)), `position ${p}: the products`);
        assert.match((await page.locator('[data-slot="breakdown"] .bd-total__result').textContent()) ?? '', new RegExp(formatNumber(bd.value, 6).replace('.', '\\.')));
        assert.ok(await check(page).evaluate((e) => e.classList.contains('is-ok')), 'the check says the sum is what conv.ts computed');
        assert.match((await check(page).textContent()) ?? '', /The same number conv\.ts computed/);
      }
      await waitForUrlWrite(page);
      assert.equal(new URL(page.url()).searchParams.get('position'), '4', 'the position is in the URL');
      await page.locator('.player__previous').click();
      await waitForIdle(page);
      assert.equal(await position(page), '3');
      await problems.assertNone('stepping');
    } finally {
      await close();
    }
  });

  test('play moves the window and pause stops it; under reduced motion nothing moves by itself', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await page.locator('[data-slot="explorer"]').scrollIntoViewIfNeeded();
      await page.waitForTimeout(1600);
      assert.equal(await position(page), '1', 'no autoplay with prefers-reduced-motion');
      const toggle = page.locator('.player__toggle');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      await page.waitForFunction(() => Number((document.querySelector('.control[data-control="position"] input') as HTMLInputElement).value) >= 3, undefined, { timeout: 5000 });
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-label'), 'Play');
      const stopped = await position(page);
      await page.waitForTimeout(1000);
      assert.equal(await position(page), stopped, 'pause stops the window');
      await problems.assertNone('play and pause');
    } finally {
      await close();
    }
    const moving = await browser.open(site, { reducedMotion: 'no-preference' });
    try {
      await moving.page.locator('[data-slot="explorer"]').scrollIntoViewIfNeeded();
      await moving.page.waitForFunction(() => Number((document.querySelector('.control[data-control="position"] input') as HTMLInputElement).value) > 1, undefined, { timeout: 5000 });
      // The reader takes over: the window stays where they put it.
      await moving.page.locator('.player__previous').click();
      const held = await position(moving.page);
      await moving.page.waitForTimeout(1200);
      assert.equal(await position(moving.page), held);
      await moving.problems.assertNone('autoplay');
    } finally {
      await moving.close();
    }
  });

  test('the number of filters sets the output depth, the input depth sets the filter depth', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?filters=4&depth=3&filter=4' });
    try {
      assert.equal(await page.locator('[data-slot="bank-view"] .conv-filter').count(), 4, 'one view per filter');
      const output = (await page.locator('[data-slot="output-view"] .figure__description').textContent()) ?? '';
      assert.match(output, /H¹: 7 × 7 × 1 × 4, 4 feature maps \(one per filter\)/);
      const bank = (await page.locator('[data-slot="bank-view"] .figure__description').textContent()) ?? '';
      assert.match(bank, /W¹: 3 × 3 × 1 × 3 × 4/);
      assert.equal(await page.locator('[data-slot="breakdown"] .bd-group').count(), 3, 'one group of products per input map');
      assert.match((await page.locator('[data-slot="breakdown"] .bd__lead').textContent()) ?? '', /filter 4 \(random\)/);
      assert.ok(await check(page).evaluate((e) => e.classList.contains('is-ok')));

      // Fewer filters than the one explained: the slider follows.
      const filters = controlField(page, 'filters').locator('input');
      await filters.focus();
      await page.keyboard.press('Home');
      await waitForIdle(page);
      await waitForUrlWrite(page);
      assert.equal(await page.locator('[data-slot="bank-view"] .conv-filter').count(), 1);
      assert.equal(await controlField(page, 'filter').locator('input').inputValue(), '1');
      assert.equal(await controlField(page, 'filter').locator('input').getAttribute('max'), '1');
      assert.equal(new URL(page.url()).searchParams.get('filter'), '1', 'the URL follows the slider');
      await problems.assertNone('filters and depth');
    } finally {
      await close();
    }
  });

  for (const [dims, query, groups] of [
    ['1D', '?dims=1&size=12&depth=2&position=5', 2],
    ['3D', '?dims=3&size=6&depth=2&fsize=2&position=7', 4],
  ] as const) {
    test(`a ${dims} input slides, draws and sums correctly`, async () => {
      const { page, problems, close } = await browser.open(site, { query });
      try {
        assert.equal(await page.locator('.cell-error').count(), 0);
        assert.equal(await page.locator('[data-slot="breakdown"] .bd-group').count(), groups);
        assert.ok(await check(page).evaluate((e) => e.classList.contains('is-ok')));
        assert.ok((await assertViewsDraw(page)) >= 5);
        await problems.assertNone(`${dims} input`);
      } finally {
        await close();
      }
    });
  }

  test('a filter larger than the input shows the core’s reason in place of the views', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?size=4&fsize=5' });
    try {
      for (const slot of ['input-view', 'output-view', 'bank-view', 'breakdown']) {
        const error = page.locator(`[data-slot="${slot}"] .cell-error--shape`);
        assert.equal(await error.count(), 1, `${slot} shows the reason`);
        assert.match((await error.textContent()) ?? '', /conv: the 5-wide window along x is larger than the padded input 4/);
      }
      const fsize = controlField(page, 'fsize').locator('input');
      await fsize.focus();
      await page.keyboard.press('ArrowLeft');
      await waitForIdle(page);
      assert.equal(await page.locator('.cell-error').count(), 0, 'a 4-cell filter fits: the reason goes');
      assert.ok(await check(page).evaluate((e) => e.classList.contains('is-ok')));
      await problems.assertNone('impossible filter');
    } finally {
      await close();
    }
  });

  test('a malformed link falls back to the defaults with a notice', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?size=banana&position=-3&pattern=%3Cscript%3E&dims=4' });
    try {
      const notice = page.locator('.url-notice');
      assert.equal(await notice.count(), 1);
      const text = (await notice.textContent()) ?? '';
      for (const label of ['Cells per axis', 'Window position', 'Geology', 'Input grid']) assert.ok(text.includes(label), `the notice names ${label}`);
      assert.equal(await controlField(page, 'size').locator('input').inputValue(), '9');
      assert.equal(await position(page), '1');
      assert.equal(await page.locator('.cell-error').count(), 0);
      assert.equal(new URL(page.url()).search, '', 'the ignored parameters leave the URL');
      await problems.assertNone('malformed link');
    } finally {
      await close();
    }
  });

  test('selecting an output cell from the keyboard moves the window to the cell and its feature map', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const stage = page.locator('[data-slot="output-view"] .viz3d__stage');
      await stage.focus();
      for (let i = 0; i < 12; i++) await page.keyboard.press('n');
      const readout = (await page.locator('[data-slot="output-view"] .viz3d__readout').textContent()) ?? '';
      const [, x, y, d] = /x (\d+), y (\d+), z 0, d (\d+)/.exec(readout) ?? [];
      assert.ok(x !== undefined, `the read-out names a cell: ${readout}`);
      await page.keyboard.press('Enter');
      await waitForIdle(page);
      assert.equal(await position(page), String(Number(x) * 7 + Number(y) + 1));
      assert.equal(await controlField(page, 'filter').locator('input').inputValue(), String(Number(d) + 1));
      assert.match((await page.locator('[data-slot="breakdown"] .bd-total__result').textContent()) ?? '', new RegExp(`at x ${x}, y ${y}, map c = ${d}`));
      await problems.assertNone('select an output cell');
    } finally {
      await close();
    }
  });

  test('equation terms, kernel lines, views and the breakdown highlight one another', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const w = equationTerm(page, '1', 'W');
      await w.hover();
      assert.ok(await page.locator('.code-line.is-term-active').filter({ hasText: 'const weight = w[wAt(i, j, k, d, c)]!;' }).count(), 'the weight line lights up');
      await assertOutlined(page, 'bank-view', 'the filter bank view lights up');
      assert.ok(await page.locator('[data-slot="breakdown"] .bd-grid.is-term-active').count(), 'the filter grids of the sum light up');

      await page.mouse.move(0, 0);
      await page.locator('.code-line[data-term="Hm"]').hover();
      await assertTermLit(page, '3', 'Hm', 'the output line marks H^m in eq. 3');
      await assertOutlined(page, 'output-view', 'and the output view');

      await page.mouse.move(0, 0);
      await page.locator('[data-slot="input-view"] .figure__caption').hover();
      assert.ok(await page.locator('.code-line.is-term-active').filter({ hasText: 'const input = x[xAt(n, ix, iy, iz, d)]!;' }).count(), 'pointing at the input view marks the line that reads it');

      await page.mouse.move(0, 0);
      await page.locator('[data-slot="breakdown"] .bd-total__part').nth(1).hover();
      assert.ok(await page.locator('.code-line.is-term-active').filter({ hasText: 'let sum = b[c]!;' }).count(), 'the bias in the sum marks the line that starts from it');

      // A product points at its input cell and its filter tap in the 3D views: the top-left one is tap (0, 2).
      await page.locator('[data-slot="breakdown"] .bd-grid__table--p td').first().hover();
      assert.match((await page.locator('[data-slot="input-view"] .viz3d__readout').textContent()) ?? '', /^x 0, y 2, z 0: /);
      assert.match((await page.locator('[data-slot="bank-view"] .conv-filter.is-selected .viz3d__readout').textContent()) ?? '', /^x 0, y 2, z 0: 1$/);
      assert.equal(await page.locator('[data-slot="breakdown"] td.is-focus').count(), 3, 'the window value, the weight and the product are marked');
      await problems.assertNone('term linking');
    } finally {
      await close();
    }
  });

  test('Figure 3: the whole numbers check by hand, the conformance numbers meet the shared case', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      assert.match((await page.locator('.fig3-check').textContent()) ?? '', /H² holds 1053\.5 and 13/);
      assert.match((await page.locator('[data-slot="fig3-breakdown2"] .bd-total__result').textContent()) ?? '', /1053\.5/);
      assert.equal(await page.locator('[data-slot="fig3-breakdown2"] .bd-group').count(), 3, 'the second step sums over the three maps of H¹');
      const choice = controlField(page, 'fig3');
      await choice.locator('label', { hasText: 'Conformance case' }).click();
      await waitForIdle(page);
      const text = (await page.locator('.fig3-check').textContent()) ?? '';
      assert.match(text, /✓ H¹ matches the expected output stored in the shared conformance case conv\/figure3-first: all 27 values/);
      assert.ok(await page.locator('[data-slot="fig3-breakdown1"] .bd-check.is-ok').count());
      assert.ok(await page.locator('[data-slot="fig3-breakdown2"] .bd-check.is-ok').count());
      assert.ok(await page.locator('.erratum').filter({ hasText: '3× 3× 3× 3' }).count(), 'the paper’s wording is quoted beside the note');
      await problems.assertNone('Figure 3');
    } finally {
      await close();
    }
  });

  test('the code shown is the real source, with its line numbers', async () => {
    const { page, close } = await browser.open(site);
    try {
      await assertRealSource(page, [['code-kernel', 'src/nn/kernels/conv-reference.ts']], { minLines: 26 });
    } finally {
      await close();
    }
  });
});
