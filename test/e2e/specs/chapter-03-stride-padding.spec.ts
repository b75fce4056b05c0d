/**
 * Chapter 3, Stride and padding: what is particular to it. Eq. 2 shows the
 * reader's numbers and updates in place; an impossible setting shows the
 * core's reason in place of the views while the equation keeps its numbers
 * and names the failing axis; an out-of-range link falls back with a notice;
 * the presets reproduce the paper's Figures 4 and 5 and "same" padding; the
 * dimensionality hides the unused axes; the stepper and the output view move
 * the window; terms link the equation, the code and the axis diagram; the
 * 3D views draw.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { findChapter } from '../../../src/notebook/chapters.ts';
import { assertViewsDraw } from '../support/checks.ts';
import { assertTermLit, assertUrlNotice, equationTerm } from '../support/chapter-checks.ts';
import { useBrowser } from '../support/harness.ts';
import { controlField, waitForIdle, waitForUrlWrite } from '../support/notebook.ts';
import { CHAPTER_PAGES } from '../support/site.ts';

const browser = useBrowser();
const site = CHAPTER_PAGES.find((p) => p.chapter === findChapter('stride-padding'))!;

const row = (page: Page, axis: string) => page.locator(`.sp-live__row[data-axis="${axis}"]`);
const numbers = async (page: Page): Promise<Record<string, string>> =>
  Object.fromEntries(
    await page.locator('.sp-numbers tr').evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent!, r.querySelector('.sp-numbers__value')!.textContent!])),
  );

describe('chapter 3, stride and padding', () => {
  test('eq. 2 shows the numbers of each axis and updates them in place', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const x = row(page, 'x');
      // KaTeX's MathML copy reads the numbers as text: 7 - 3 + 2·0 over 2, then 2 + 1 = 3.
      const math = async () => ((await x.locator('.sp-live__math .katex-mathml').textContent()) ?? '').replace(/\s+/g, '');
      assert.match(await math(), /7−3\+2⋅02/);
      assert.match(await math(), /=2\+1=3/);
      assert.match((await row(page, 'y').textContent()) ?? '', /never reached/, 'y drops the last padded position');
      assert.ok(await row(page, 'y').evaluate((e) => e.classList.contains('is-dropping')));

      const before = await x.elementHandle();
      const stride = controlField(page, 'st-x').locator('input');
      await stride.focus();
      await page.keyboard.press('ArrowRight');
      await waitForIdle(page);
      assert.match(await math(), /7−3\+2⋅03/, 'the stride 3 is substituted');
      assert.match(await math(), /⌊43⌋\+1=1\+1=2|=1\+1=2/, 'and the floor taken: h_x = 2');
      assert.match((await x.textContent()) ?? '', /the last position of the padded input \(an input cell\) is never reached/);
      assert.ok(await x.evaluate((e, old) => e === old, before), 'the row is updated in place');
      assert.equal((await numbers(page))['Output H'], '2 × 3 × 4 × 1');
      await problems.assertNone('live equation');
    } finally {
      await close();
    }
  });

  test('a window larger than the padded input: the reason replaces the views, the equation names the axis', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?in-y=2&w-y=5' });
    try {
      for (const slot of ['input-3d', 'output-3d', 'axes-2d', 'numbers']) {
        const error = page.locator(`[data-slot="${slot}"] .cell-error--shape`);
        assert.equal(await error.count(), 1, `${slot} shows a shape error`);
        assert.match((await error.textContent()) ?? '', /conv: the 5-wide window along y is larger than the padded input 2 \+ 2\*1 = 4/);
      }
      assert.equal(await page.locator('[data-slot="input-3d"] .viz3d').count(), 0, 'no 3D view was built from an impossible setting');
      const y = row(page, 'y');
      assert.ok(await y.evaluate((e) => e.classList.contains('is-impossible')), 'the y row is marked');
      assert.match(((await y.locator('.sp-live__math .katex-mathml').textContent()) ?? '').replace(/\s+/g, ''), /=0<1/);
      assert.match((await y.textContent()) ?? '', /5-cell window is larger than the padded input.*no output can be made/);
      assert.ok(!(await row(page, 'x').evaluate((e) => e.classList.contains('is-impossible'))), 'x is fine');
      assert.ok(!/NaN|Infinity/.test((await page.locator('main').textContent()) ?? ''), 'no NaN or Infinity on the page');

      // Back to a possible filter: the errors go and the views are drawn.
      const filter = controlField(page, 'w-y').locator('input');
      await filter.focus();
      await page.keyboard.press('Home');
      await waitForIdle(page);
      assert.equal(await page.locator('.cell-error').count(), 0, 'the errors clear');
      assert.equal(await page.locator('[data-slot="input-3d"] .viz3d').count(), 1, 'the 3D view is built');
      assert.equal((await numbers(page))['Output H'], '3 × 2 × 4 × 1');
      await problems.assertNone('impossible setting');
    } finally {
      await close();
    }
  });

  test('an out-of-range link falls back to the defaults with a notice', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?st-x=0&p-y=9&w-z=2.5&dims=4' });
    try {
      await assertUrlNotice(page, { ignored: 4, labels: ['Stride, st_x'] });
      assert.equal(await controlField(page, 'st-x').locator('input').inputValue(), '2', 'stride x keeps its default');
      assert.equal(await controlField(page, 'p-y').locator('input').inputValue(), '1');
      await problems.assertNone('out-of-range link');
    } finally {
      await close();
    }
  });

  test("the presets set the paper's Figures 4 and 5 and keep the size with \"same\" padding", async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await page.locator('.control[data-control="preset-figure-4"] button').click();
      await waitForIdle(page);
      await waitForUrlWrite(page);
      const url = new URL(page.url()).searchParams;
      assert.deepEqual([url.get('dims'), url.get('in-x'), url.get('w-x'), url.get('st-x'), url.get('p-x'), url.get('st-y')], ['2', '7', '3', '2', '0', '2']);
      assert.equal((await numbers(page))['Output H'], '3 × 3 × 1 × 1');
      assert.equal((await numbers(page))['Multiply-adds'], '81');
      assert.equal(await page.locator('.sp-axis-group:not([hidden])').count(), 2, 'the z controls are hidden for a 2D input');
      assert.match((await page.locator('[data-slot="axes-note"]').textContent()) ?? '', /no z axis/);
      assert.equal(await page.locator('.sp-axis:not([hidden])').count(), 2, 'the diagram draws x and y');
      assert.ok(await row(page, 'z').evaluate((e) => e.classList.contains('is-unused')));

      await page.locator('.control[data-control="preset-figure-5"] button').click();
      await waitForIdle(page);
      assert.equal((await numbers(page))['Padded input'], '7 × 7 × 1 × 1');
      assert.equal((await numbers(page))['Output H'], '5 × 5 × 1 × 1', 'Figure 5 keeps the 5 × 5 size');
      assert.equal(await page.locator('.sp-same li.is-same').count(), 2, 'both axes meet the "same" condition');

      await page.locator('.control[data-control="w-x"] input').focus();
      await page.keyboard.press('ArrowRight');
      await page.locator('.control[data-control="preset-same"] button').click();
      await waitForIdle(page);
      await waitForUrlWrite(page);
      assert.equal(new URL(page.url()).searchParams.get('w-x'), '3', 'an even filter loses a cell');
      assert.equal((await numbers(page))['Output H'], '5 × 5 × 1 × 1');
      await problems.assertNone('presets');
    } finally {
      await close();
    }
  });

  test('a 1D input keeps only the x axis, fixed at one cell elsewhere', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?dims=1' });
    try {
      assert.equal(await page.locator('.sp-axis-group:not([hidden])').count(), 1);
      assert.equal((await numbers(page))['Output H'], '3 × 1 × 1 × 1');
      assert.match((await row(page, 'y').textContent()) ?? '', /The input has no y axis/);
      await assertViewsDraw(page);
      await problems.assertNone('1D');
    } finally {
      await close();
    }
  });

  test('the stepper and the output view move the window everywhere', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?dims=2' });
    try {
      const text = page.locator('.sp-stepper__text');
      assert.match((await text.textContent()) ?? '', /^Window 1 of 9 makes output cell \(0, 0\)/);
      const current = (axis: string) =>
        page.locator(`.sp-axis[data-axis="${axis}"] .sp-windows path`).evaluateAll((paths) => paths.findIndex((p) => p.classList.contains('is-current')));
      await page.locator('.sp-stepper button[data-action="next"]').click();
      assert.match((await text.textContent()) ?? '', /^Window 2 of 9 makes output cell \(0, 1\)/);
      assert.equal(await current('y'), 1, 'the y bracket follows');
      await page.locator('.sp-stepper button[data-action="previous"]').click();
      await page.locator('.sp-stepper button[data-action="previous"]').click();
      assert.match((await text.textContent()) ?? '', /^Window 9 of 9 makes output cell \(2, 2\)/, 'stepping wraps around');

      const play = page.locator('.sp-stepper button[data-action="play"]');
      await play.click();
      assert.equal(await play.getAttribute('aria-pressed'), 'true');
      await page.waitForTimeout(800);
      await play.click();
      assert.equal(await play.getAttribute('aria-pressed'), 'false');
      assert.doesNotMatch((await text.textContent()) ?? '', /^Window 9 of 9/, 'playing moved the window');

      // Pointing at an output cell in the axis diagram moves the window there.
      await page.locator('.sp-axis[data-axis="x"] .sp-outputs g').nth(1).hover();
      assert.equal(await current('x'), 1);
      assert.match((await text.textContent()) ?? '', /makes output cell \(1, /);
      await problems.assertNone('stepper');
    } finally {
      await close();
    }
  });

  test('terms link the equation, the code and the axis diagram', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await equationTerm(page, '2', 'p').first().hover();
      assert.ok(await page.locator('.code-line.is-term-active[data-term="p"]').count(), 'the padding line of the code lights up');
      assert.equal(await page.locator('.sp-axis[data-axis="y"] .sp-pad.is-term-active').count(), 1, 'the padding cells light up');
      await page.mouse.move(0, 0);
      await page.locator('.sp-axis[data-axis="x"] .sp-stride text').hover();
      await assertTermLit(page, '2', 'st', 'the stride arrow marks st in eq. 2');
      await problems.assertNone('terms');
    } finally {
      await close();
    }
  });

  test('both 3D views and the diagram draw', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      assert.equal(await assertViewsDraw(page), 3);
      await problems.assertNone('views');
    } finally {
      await close();
    }
  });
});
