/**
 * Chapter 4, Activation functions: what is particular to it. The page opens
 * with its equations, Figure 6's three panels, three drawn 3D views and a
 * histogram, and its counts agree with one another; the shift kills and
 * revives ReLU units and the scale saturates Sigmoid and TanH (but kills no
 * ReLU unit), in the numbers, the views and the URL; pointing at a unit reads
 * its slope and boxes its window in the input; 1D and 2D grids work; equation
 * terms, views, sliders, table rows and code lines light one another; no
 * setting, however extreme, shows an error or a non-number; a malformed URL
 * falls back with a notice; the code shown is the real source.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { findChapter } from '../../../src/notebook/chapters.ts';
import { assertEquationsRendered, assertViewsDraw } from '../support/checks.ts';
import { assertLineLit, assertOutlined, assertRealSource, assertTermLit, assertUrlNotice, equationTerm, figureDescription, press, stagePixels } from '../support/chapter-checks.ts';
import { useBrowser } from '../support/harness.ts';
import { controlField, waitForIdle, waitForUrlWrite } from '../support/notebook.ts';
import { CHAPTER_PAGES } from '../support/site.ts';

const browser = useBrowser();
const site = CHAPTER_PAGES.find((p) => p.chapter === findChapter('activation'))!;

/** "36%" or "4.2%" -> 36, 4.2 */
const share = (text: string): number => Number(/(\d+(?:\.\d+)?)%/.exec(text)![1]);

async function headline(page: Page): Promise<number> {
  return share((await page.locator('.act-census__big').textContent()) ?? '');
}

async function tableShare(page: Page, kind: string, column: number): Promise<number> {
  return share((await page.locator(`.act-census__table tr[data-kind="${kind}"] td.number`).nth(column).textContent()) ?? '');
}

async function choose(page: Page, key: string, value: string): Promise<void> {
  const field = controlField(page, key);
  const id = await field.locator(`input[value="${value}"]`).getAttribute('id');
  await field.locator(`label[for="${id}"]`).click();
  await waitForIdle(page);
}

describe('chapter 4, activation functions', () => {
  test('opens with its equations, Figure 6, three 3D views and a histogram whose counts agree', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await assertEquationsRendered(page);
      assert.equal(await assertViewsDraw(page), 5, 'Figure 6, the input, z, g(z) and the histogram');
      assert.equal(await page.locator('.cell-error').count(), 0);
      assert.equal(await page.locator('.act-functions__panel').count(), 3, 'all three functions are drawn');
      assert.equal(await page.locator('.act-functions__panel.is-chosen').getAttribute('data-kind'), 'relu');
      for (const slot of ['view-before', 'view-after']) assert.match(await figureDescription(page, slot), /12 × 12 × 12 × 2, values from/);
      assert.match(await figureDescription(page, 'view-input'), /a block of folded layers, 12 × 12 × 12 × 1/);
      const dead = await headline(page);
      assert.ok(dead > 5 && dead < 95, `some units are dead and some alive at the start (${dead}%)`);
      assert.equal(await tableShare(page, 'relu', 1), dead, 'the headline and the table agree');
      assert.match(await figureDescription(page, 'histogram'), new RegExp(`\\(${dead}%\\) dead`), 'the histogram counts the same units');
      assert.equal(await page.locator('[data-slot="link-bn"] a').count(), findChapter('batch-normalization') ? 1 : 0, 'batch normalization is linked when its chapter exists');
      await problems.assertNone('activation opens');
    } finally {
      await close();
    }
  });

  test('the shift kills ReLU units and brings them back, in the numbers, the views and the URL', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const dead = await headline(page);
      const after = await stagePixels(page, 'view-after');
      const before = await stagePixels(page, 'view-before');
      await press(page, 'shift', 'ArrowLeft', 10);
      await waitForUrlWrite(page);
      assert.equal(new URL(page.url()).searchParams.get('shift'), '-1');
      const more = await headline(page);
      assert.ok(more > dead, `shifting down by 1 kills units: ${dead}% -> ${more}%`);
      assert.ok((await stagePixels(page, 'view-after')) !== after, 'H^m is redrawn');
      assert.ok((await stagePixels(page, 'view-before')) !== before, 'z is redrawn');
      await press(page, 'shift', 'End');
      assert.equal(await headline(page), 0, 'a shift of +6 leaves no unit dead');
      assert.match((await page.locator('.act-census__rest').textContent()) ?? '', /of the 3\u202f456 units are dead under ReLU/);
      await press(page, 'shift', 'Home');
      assert.equal(await headline(page), 100, 'a shift of −6 kills every unit');
      await problems.assertNone('shifting');
    } finally {
      await close();
    }
  });

  test('the scale saturates Sigmoid and TanH but kills no ReLU unit', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?g=sigmoid' });
    try {
      assert.equal(await page.locator('.act-functions__panel.is-chosen').getAttribute('data-kind'), 'sigmoid');
      const saturated = await headline(page);
      const reluDead = await tableShare(page, 'relu', 1);
      const tanhSaturated = (await tableShare(page, 'tanh', 1)) + (await tableShare(page, 'tanh', 2));
      await press(page, 'scale', 'End');
      await waitForUrlWrite(page);
      assert.equal(new URL(page.url()).searchParams.get('scale'), '6');
      const more = await headline(page);
      assert.ok(more > saturated + 20, `a 6 times larger spread saturates Sigmoid units: ${saturated}% -> ${more}%`);
      assert.ok((await tableShare(page, 'tanh', 1)) + (await tableShare(page, 'tanh', 2)) > tanhSaturated + 20, 'and TanH units');
      assert.equal(await tableShare(page, 'relu', 1), reluDead, 'a z stretched by a > 0 keeps its sign: no ReLU unit dies');
      assert.match((await page.locator('.act-census__rest').textContent()) ?? '', /saturated under Sigmoid/);
      await problems.assertNone('scaling');
    } finally {
      await close();
    }
  });

  test('pointing at a unit reads its z, g(z) and slope and boxes its filter window in the input', async () => {
    // Tall enough to see the z view and the input at once: scrolling would move the pointer off the unit.
    const { page, problems, close } = await browser.open(site, { viewport: { width: 1366, height: 1800 } });
    try {
      await page.locator('.workbench').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
      const inputStage = page.locator('[data-slot="view-input"] .viz3d__stage');
      const input = (await inputStage.screenshot()).toString('base64');
      const probe = page.locator('.act-probe');
      assert.match((await probe.textContent()) ?? '', /^Point at a unit/);
      const box = (await page.locator('[data-slot="view-before"] .viz3d__stage').boundingBox())!;
      let found = false;
      for (const [fx, fy] of [[0.3, 0.5], [0.35, 0.45], [0.25, 0.55], [0.65, 0.5], [0.7, 0.45]] as const) {
        await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
        found = await page.waitForFunction(() => document.querySelector('.act-probe')?.textContent?.startsWith('Unit'), undefined, { timeout: 2000 }).then(() => true, () => false);
        if (found) break;
      }
      assert.ok(found, 'pointing at a cube of the z view reads a unit');
      const text = (await probe.textContent()) ?? '';
      assert.match(text, /^Unit \(\d+, \d+, \d+\) in feature map [12]: z = [−\d.e]+, ReLU\(z\) = [\d.e−]+, slope g′\(z\) = (0, dead: no gradient passes|1, active: the gradient passes)\.$/);
      const slope = /slope g′\(z\) = (\d)/.exec(text)![1];
      const z = Number(/z = ([−\d.e]+),/.exec(text)![1]!.replace(/−/g, '-'));
      assert.equal(slope, z > 0 ? '1' : '0', 'the slope follows the sign of z');
      const [, x, y, k, d] = /^Unit \((\d+), (\d+), (\d+)\) in feature map (\d)/.exec(text)!.map(Number);
      assert.match((await page.locator('[data-slot="view-after"] .viz3d__readout').textContent()) ?? '', new RegExp(`x ${x}, y ${y}, z ${k}, d ${d! - 1}`), 'the same unit is read out after g');
      await page.waitForTimeout(300);
      assert.ok((await inputStage.screenshot()).toString('base64') !== input, 'its window is boxed in the input');
      await page.mouse.move(0, 0);
      await page.waitForFunction(() => document.querySelector('.act-probe')?.textContent?.startsWith('Point at'), undefined, { timeout: 3000 });
      await problems.assertNone('pointing');
    } finally {
      await close();
    }
  });

  for (const [dims, shape, input] of [['1', '48 × 1 × 1 × 2', 'a well column'], ['2', '24 × 24 × 1 × 2', 'an x-z cross-section']] as const) {
    test(`a ${dims}D grid goes through the same block`, async () => {
      const { page, problems, close } = await browser.open(site, { query: `?dims=${dims}&geology=channels` });
      try {
        assert.equal(await assertViewsDraw(page), 5);
        for (const slot of ['view-before', 'view-after']) assert.match(await figureDescription(page, slot), new RegExp(`${shape}, values from`));
        assert.match(await figureDescription(page, 'view-input'), new RegExp(`${input} of channel bodies`));
        assert.equal(await page.locator('.cell-error').count(), 0);
        const units = dims === '1' ? '96' : '1\u202f152';
        assert.match((await page.locator('.act-census__rest').textContent()) ?? '', new RegExp(`of the ${units} units`));
        await problems.assertNone(`${dims}D`);
      } finally {
        await close();
      }
    });
  }

  test('equation terms, views, sliders, table rows and code lines light one another', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await equationTerm(page, '3', 'W').focus();
      await assertLineLit(page, 'code-block', 'scale * v', 'the line scaling W lights up');
      await assertOutlined(page, 'view-before', 'the z view is outlined');
      assert.ok(await page.locator('.control[data-control="scale"].is-term-active').count(), 'the scale slider is outlined');

      await equationTerm(page, '3', 'Hprev').focus();
      await assertOutlined(page, 'view-input', 'the input view is outlined');
      await assertLineLit(page, 'code-block', 'x: hPrev');

      await equationTerm(page, '3', 'g').focus();
      assert.ok(await page.locator('.act-functions__panel[data-kind="relu"].is-term-active').count(), 'g lights the chosen function');
      await assertLineLit(page, 'code-forward', undefined, 'and the line of forward that applies it');
      await assertOutlined(page, 'view-after');

      await equationTerm(page, '4', 'sigmoid').focus();
      assert.ok(await page.locator('.act-functions__panel[data-kind="sigmoid"].is-term-active').count(), 'Sigmoid in eq. 4 lights its panel');
      assert.ok(await page.locator('.act-census__table tr[data-kind="sigmoid"].is-term-active').count(), 'and its table row');

      await page.locator('h1').focus();
      await page.locator('[data-slot="code-backward"] .code-line[data-term="slope"]').hover();
      assert.ok(await page.locator('[data-slot="eq-chain"] .tex-term[data-term="slope"].is-term-active').count(), "the backward line lights g'(z) in the chain rule");
      await page.locator('.control[data-control="shift"]').hover();
      await assertTermLit(page, '3', 'b', 'the shift slider lights b^m');
      await problems.assertNone('term linking');
    } finally {
      await close();
    }
  });

  test('no setting, however extreme, shows an error or a value that is not a number', async () => {
    for (const dims of ['1', '3']) {
      const { page, problems, close } = await browser.open(site, { query: `?dims=${dims}` });
      try {
        for (const g of ['sigmoid', 'tanh', 'relu']) {
          await choose(page, 'g', g);
          for (const [scaleKey, shiftKey] of [['End', 'End'], ['End', 'Home'], ['Home', 'Home'], ['Home', 'End']]) {
            await press(page, 'scale', scaleKey!);
            await press(page, 'shift', shiftKey!);
            const where = `${dims}D ${g} scale ${scaleKey} shift ${shiftKey}`;
            assert.equal(await page.locator('.cell-error').count(), 0, `${where}: no error`);
            const text = (await page.locator('main').textContent()) ?? '';
            assert.ok(!/NaN|Infinity|not a number|undefined/.test(text), `${where}: every number is a number`);
            const dead = await headline(page);
            assert.ok(dead >= 0 && dead <= 100, `${where}: a share`);
          }
        }
        await problems.assertNone(`extremes ${dims}D`);
      } finally {
        await close();
      }
    }
  });

  test('a malformed URL falls back to the defaults with a notice, and keeps what was valid', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?g=softplus&dims=4&shift=2.5&scale=abc' });
    try {
      await assertUrlNotice(page, { ignored: 3, labels: ['Activation, g', 'Input grid', 'Scale of the weights, a'] });
      assert.equal(await controlField(page, 'shift').locator('input').inputValue(), '2.5', 'the valid shift is kept');
      assert.equal(await page.locator('.act-functions__panel.is-chosen').getAttribute('data-kind'), 'relu');
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
          ['code-block', 'chapters/04-activation/layer.ts'],
          ['code-forward', 'src/nn/activation.ts'],
          ['code-backward', 'src/nn/activation.ts'],
          ['code-census', 'chapters/04-activation/census.ts'],
        ],
        { minLines: 6 },
      );
    } finally {
      await close();
    }
  });
});
