/**
 * Chapter 7, The inference zone: what is particular to it. The 3D and 2D
 * views draw; the walk moves through Vec(H^M) in the core's order (slider,
 * buttons, Play only when pressed), and a cell pointed at in the block is
 * found at the right position of the strip (one step along x is h_y h_z h_d
 * positions); a unit's row, its products and the relu agree; the softmax lab
 * is unmoved by a shift of 1000 and says why the printed formula breaks;
 * the network's scores and a dragged bar reach the sliders and the URL; the
 * regression table follows the chosen activation; 1D and 2D grids change H^M
 * and the vector's length; a position past the end is brought back and said
 * so; a malformed URL falls back with a notice; eqs. 7-9's terms outline the
 * views and mark the code; the code shown is the real source.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { findChapter } from '../../../src/notebook/chapters.ts';
import { assertEquationsRendered, assertViewsDraw } from '../support/checks.ts';
import { assertLineLit, assertOutlined, assertRealSource, assertTermLit, assertUrlNotice, equationTerm, figureDescription, press } from '../support/chapter-checks.ts';
import { useBrowser } from '../support/harness.ts';
import { controlField, waitForIdle } from '../support/notebook.ts';
import { CHAPTER_PAGES } from '../support/site.ts';

const browser = useBrowser();
const site = CHAPTER_PAGES.find((p) => p.chapter === findChapter('inference-zone'))!;

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent()) ?? '';
}

async function sliderValue(page: Page, key: string): Promise<string> {
  return controlField(page, key).locator('input[type=range]').inputValue();
}

/** Waits until the URL holds `value` for `key` (written a moment after the change). */
async function urlHas(page: Page, key: string, value: string): Promise<void> {
  await page
    .waitForFunction(([k, v]) => new URL(location.href).searchParams.get(k!) === v, [key, value] as const, { timeout: 5000 })
    .catch(() => undefined);
  assert.equal(new URL(page.url()).searchParams.get(key), value, `the URL holds ${key}=${value}`);
}

/** "−0.31" -> -0.31 */
const num = (s: string): number => Number(s.replace(/\u2212/g, '-'));

/** The probabilities of the softmax table, in %. */
async function tableProbabilities(page: Page): Promise<string[]> {
  return page.locator('[data-slot="softmax-table"] tbody tr td:nth-child(6)').allTextContents();
}

describe('chapter 7, the inference zone', () => {
  test('opens with its equations, its 3D and 2D views drawn, and a prediction that adds up', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await assertEquationsRendered(page);
      assert.equal(await assertViewsDraw(page), 8, 'X, Hᴹ and a row of W_FC₁ in 3D; the strip, two layers, the scores and the targets in 2D');
      assert.equal(await page.locator('.cell-error').count(), 0);
      assert.match(await figureDescription(page, 'hm-view'), /H\^M: 3 × 3 × 3 cells, 4 feature maps \(3 × 3 × 3 × 4\)/);
      assert.match(await text(page, '[data-slot="accuracy"]'), /right structure 8\d % of the time/);
      const pct = await page.locator('[data-slot="flow"] .flow__pct').allTextContents();
      assert.equal(pct.length, 4);
      assert.match(await text(page, '[data-slot="flow"] .flow__stage:last-child .flow__note'), /^right: folded layers$/);
      const body = (await page.locator('main').textContent()) ?? '';
      assert.ok(!/NaN|Infinity|undefined/.test(body), 'no NaN, Infinity or undefined on the page');
      await problems.assertNone('inference zone opens');
    } finally {
      await close();
    }
  });

  test('the walk moves through Vec(Hᴹ) with the slider and the buttons, and Play only when pressed', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      assert.match(await text(page, '[data-slot="walker"] .walker__note'), /108 values: p runs from 0 to 107/);
      await press(page, 'position', 'ArrowRight');
      await urlHas(page, 'position', '18');
      assert.match(await figureDescription(page, 'hm-view'), /up to position 18: 19 of 108/);
      // 18 = ((0·3 + 1)·3 + 1)·4 + 2: x 0, y 1, z 1, d 2.
      assert.match(await text(page, '[data-slot="position"]'), /18/);
      assert.match(await figureDescription(page, 'hm-view'), /outlined cell, x 0, y 1, z 1, d 2/);
      await page.getByRole('button', { name: 'Next position' }).click();
      await waitForIdle(page);
      assert.equal(await sliderValue(page, 'position'), '19');
      await page.getByRole('button', { name: 'Previous position' }).click();
      await waitForIdle(page);
      assert.equal(await sliderValue(page, 'position'), '18');

      await page.waitForTimeout(900);
      assert.equal(await sliderValue(page, 'position'), '18', 'nothing plays by itself');
      const play = page.getByRole('button', { name: 'Play' });
      await play.click();
      await page.waitForFunction(() => Number(document.querySelector<HTMLInputElement>('[data-control="position"] input')!.value) >= 21, undefined, { timeout: 5000 });
      await page.getByRole('button', { name: 'Pause' }).click();
      const stopped = await sliderValue(page, 'position');
      await page.waitForTimeout(800);
      assert.equal(await sliderValue(page, 'position'), stopped, 'Pause stops the walk');
      await problems.assertNone('walk');
    } finally {
      await close();
    }
  });

  test('a cell chosen in the block lands at its position in the strip: x, y, z, d weigh 36, 12, 4 and 1', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const stage = page.locator('[data-slot="hm-view"] .viz3d__stage');
      await stage.focus();
      const readout = (): Promise<string> => text(page, '[data-slot="strip"] .viz-chart__readout');
      const expectPointed = async (p: number, cell: string): Promise<void> => {
        await page.waitForFunction((want) => document.querySelector('[data-slot="strip"] .viz-chart__readout')?.textContent?.includes(want) ?? false, `p = ${p}:`, { timeout: 5000 });
        assert.match(await readout(), new RegExp(`^Pointed at position p = ${p}: H\\^M at ${cell} =`));
      };
      // The cursor starts at the walk's cell, position 17 = x 0, y 1, z 1, d 1.
      await page.keyboard.press('Shift+ArrowRight');
      await expectPointed(17 + 36, 'x 1, y 1, z 1, d 1');
      await page.keyboard.press('Shift+ArrowDown');
      await expectPointed(17 + 36 - 12, 'x 1, y 0, z 1, d 1');
      await page.keyboard.press('PageUp');
      await expectPointed(17 + 36 - 12 + 4, 'x 1, y 0, z 2, d 1');
      await page.keyboard.press(']');
      await expectPointed(17 + 36 - 12 + 4 + 1, 'x 1, y 0, z 2, d 2');
      await page.keyboard.press('Enter');
      await waitForIdle(page);
      assert.equal(await sliderValue(page, 'position'), '46', 'Enter moves the walk to the cell');

      // Pointing at the strip finds the cell in the block, and a click moves the walk there.
      await page.locator('h1').click();
      const cell = page.locator('[data-slot="strip"] .strip-cell[data-position="70"]');
      await cell.scrollIntoViewIfNeeded();
      const box = (await cell.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForFunction(() => document.querySelector('[data-slot="hm-view"] .figure__description')?.textContent?.includes('x 1, y 2, z 2, d 2') ?? false, undefined, { timeout: 5000 });
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await waitForIdle(page);
      await urlHas(page, 'position', '70');
      await problems.assertNone('block and strip');
    } finally {
      await close();
    }
  });

  test('a unit of FC₁ is its row times Vec(Hᴹ) plus its bias, through ReLU; a row clicked in FC₂ selects that score', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      for (const key of ['ArrowRight', 'ArrowRight', 'ArrowLeft', 'End', 'Home']) {
        await press(page, 'unit', key);
        const unit = await sliderValue(page, 'unit');
        const said = await figureDescription(page, 'fc1');
        const m = new RegExp(`Row ${unit} times FC0, plus b1\\[${unit}\\] = (\\S+), gives (\\S+), and g gives FC1\\[${unit}\\] = (\\S+)\\.`).exec(said);
        assert.ok(m, `fc1 says what unit ${unit} is: ${said}`);
        const [affine, out] = [num(m[2]!), num(m[3]!)];
        assert.equal(out, Math.max(0, affine), `FC1[${unit}] = ReLU(${affine})`);
      }
      await urlHas(page, 'unit', '0');

      const bias = page.locator('[data-slot="fc2"] rect.matvec-b').nth(3);
      await bias.scrollIntoViewIfNeeded();
      const box = (await bias.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await waitForIdle(page);
      assert.equal(await sliderValue(page, 'score'), '4', 'clicking row 3 of W_FC2 selects s_4');
      assert.match(await figureDescription(page, 'fc2'), /Row 3 times FC1, plus b2\[3\] = \S+, gives \S+\.$/);
      await problems.assertNone('dense layers');
    } finally {
      await close();
    }
  });

  test('the softmax ignores a constant added to every score, and says why the printed formula breaks at 1000', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const before = await tableProbabilities(page);
      // s = (2, 1, 0.1, -1): e^s / sum e^s = 63.8 %, 23.5 %, 9.5 %, 3.2 %.
      assert.deepEqual(before, ['64 %', '23 %', '10 %', '3 %']);
      await press(page, 'shift', 'End');
      await urlHas(page, 'shift', '1000');
      assert.deepEqual(await tableProbabilities(page), before, 'the same probabilities with c = 1000');
      assert.deepEqual(await page.locator('[data-slot="softmax-table"] tbody td:nth-child(7)').allTextContents(), ['overflows', 'overflows', 'overflows', 'overflows']);
      assert.match(await text(page, '[data-slot="softmax-table"] .is-warning'), /4 of the 4 values e\^\(s_k\) overflow/);
      assert.match(await text(page, '[data-slot="softmax-table"] .softmax-notes'), /Adding c = 1000 to every score changed the probabilities by at most/);
      await press(page, 'shift', 'Home');
      assert.deepEqual(await tableProbabilities(page), before, 'the same probabilities with c = −1000');
      assert.match(await text(page, '[data-slot="softmax-table"] .is-warning'), /round to 0/);
      const body = (await page.locator('main').textContent()) ?? '';
      assert.ok(!/NaN|Infinity/.test(body), 'the breakdown is said in words, never shown as NaN or Infinity');
      await problems.assertNone('softmax shift');
    } finally {
      await close();
    }
  });

  test("the network's scores and a dragged bar reach the sliders and the URL", async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const flow = await figureDescription(page, 'flow');
      const scores = /the 4 scores s_k are ([^;]+);/.exec(flow)![1]!.split(', ').map(num);
      await page.getByRole('button', { name: 'Use this model’s scores' }).click();
      await waitForIdle(page);
      for (const [i, s] of scores.entries()) {
        const expected = Math.round(Math.min(10, Math.max(-10, s)) * 10) / 10;
        assert.equal(num(await sliderValue(page, `s${i + 1}`)), expected, `s${i + 1} takes the network's ${s}`);
      }
      assert.equal(await sliderValue(page, 'shift'), '0', 'c back to 0');

      const bar = page.locator('[data-slot="score-chart"] .drag-target').nth(2);
      await bar.scrollIntoViewIfNeeded();
      const box = (await bar.boundingBox())!;
      const before = await sliderValue(page, 's3');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.5);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.1, { steps: 4 });
      await page.mouse.up();
      await waitForIdle(page);
      const after = await sliderValue(page, 's3');
      assert.notEqual(after, before);
      assert.ok(num(after) >= 7, `dragging near the top sets a high score: ${after}`);
      await urlHas(page, 's3', after);
      await problems.assertNone('scores');
    } finally {
      await close();
    }
  });

  test('the regression targets fill in, and the table follows the chosen output activation', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await page.waitForFunction(() => document.querySelector('[data-slot="reach-histogram"] .figure__description')?.textContent?.startsWith('240 models') ?? false, undefined, { timeout: 15_000 });
      await waitForIdle(page);
      assert.equal(await page.locator('[data-slot="reach-table"] tr.is-current').getAttribute('data-kind'), 'tanh');
      const share = async (kind: string): Promise<number> => num((await text(page, `[data-slot="reach-table"] tr[data-kind="${kind}"] td:nth-child(3)`)).replace(/[<> %]/g, ''));
      assert.equal(await share('identity'), 100);
      assert.ok((await share('tanh')) < 100, 'z-scores beyond ±1 are out of reach of TanH');
      await page.locator('[data-control="scaling"] select').selectOption('measured');
      await page.locator('[data-control="output"] select').selectOption('sigmoid');
      await waitForIdle(page);
      assert.equal(await page.locator('[data-slot="reach-table"] tr.is-current').getAttribute('data-kind'), 'sigmoid');
      assert.ok((await share('sigmoid')) < 20, 'dips in degrees are mostly above 1, out of reach of Sigmoid');
      assert.equal(await share('relu'), 100, 'ReLU reaches every dip, which is never negative');
      assert.match(await figureDescription(page, 'reach-histogram'), /dip \(degrees\).*Sigmoid can produce values in \(0, 1\)/);
      await problems.assertNone('regression');
    } finally {
      await close();
    }
  });

  for (const [dims, hm, length] of [['1', '16 cells, 4 feature maps \\(16 × 1 × 1 × 4\\)', 64], ['2', '4 × 4 cells, 4 feature maps \\(4 × 4 × 1 × 4\\)', 64]] as const) {
    test(`a ${dims}D grid gives its own Hᴹ and vector length`, async () => {
      const { page, problems, close } = await browser.open(site, { query: `?dims=${dims}` });
      try {
        assert.equal(await assertViewsDraw(page), 8);
        assert.match(await figureDescription(page, 'hm-view'), new RegExp(`H\\^M: ${hm}`));
        assert.match(await text(page, '[data-slot="walker"] .walker__note'), new RegExp(`${length} values: p runs from 0 to ${length - 1}`));
        assert.match(await figureDescription(page, 'fc1'), new RegExp(`W_FC1: 8 × ${length} weights`));
        assert.equal(await page.locator('.cell-error').count(), 0);
        await problems.assertNone(`${dims}D`);
      } finally {
        await close();
      }
    });
  }

  test('a position past the end of a shorter vector shows the last one, is written back and is said so', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?dims=2&position=100' });
    try {
      assert.match(await text(page, '[data-slot="walker"] .walker__note'), /Position 100 is past the end of this vector, which has 64 values: showing the last, 63/);
      assert.equal(await sliderValue(page, 'position'), '63');
      await urlHas(page, 'position', '63');
      assert.match(await figureDescription(page, 'hm-view'), /up to position 63: 64 of 64/);
      assert.equal(await page.locator('.cell-error').count(), 0);
      await problems.assertNone('position past the end');
    } finally {
      await close();
    }
  });

  test('a malformed URL falls back to the defaults with a notice', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?position=banana&dims=5&output=softplus&s2=99' });
    try {
      await assertUrlNotice(page, { ignored: 4, labels: ['Output activation g'] });
      assert.match(await figureDescription(page, 'hm-view'), /3 × 3 × 3 cells/);
      assert.equal(await sliderValue(page, 's2'), '1');
      await problems.assertNone('malformed URL');
    } finally {
      await close();
    }
  });

  test("eqs. 7, 8 and 9's terms outline the views that show them and mark their code lines, and the other way round", async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await equationTerm(page, '7', 'WFC').focus();
      for (const slot of ['fc1', 'fc2', 'template']) await assertOutlined(page, slot, `${slot} outlined by W_FC`);
      await assertLineLit(page, 'code-dense', 'w.data[wRow + j]', 'dense.ts marks the product line');

      await equationTerm(page, '7', 'Vec').focus();
      await assertOutlined(page, 'strip', 'Vec outlines the strip');
      await assertLineLit(page, 'code-position', 'p = p * size + i');
      await assertLineLit(page, 'code-flatten');

      await equationTerm(page, '8', 'phat').focus();
      await assertOutlined(page, 'score-chart', 'p-hat outlines the scores and probabilities');
      await assertLineLit(page, 'code-softmax', '/ sum', 'softmaxRow marks the division');
      await assertLineLit(page, 'code-pass', 'softmax.forward');

      await equationTerm(page, '9', 'FCout').focus();
      await assertOutlined(page, 'reach-histogram', 'FC_(F+1) outlines the targets it must produce');

      await page.locator('h1').click();
      await page.locator('[data-slot="hm-view"] .viz3d__stage').hover();
      await assertTermLit(page, '7', 'HM', 'pointing at the block marks Hᴹ in eq. 7');
      await problems.assertNone('term linking');
    } finally {
      await close();
    }
  });

  test('the weights as initialised give probabilities near a quarter', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?weights=initial' });
    try {
      const pct = (await page.locator('[data-slot="flow"] .flow__pct').allTextContents()).map((t) => num(t.replace(' %', '')));
      assert.equal(pct.length, 4);
      for (const p of pct) assert.ok(p > 10 && p < 45, `${p} % is near a quarter`);
      assert.match(await text(page, '[data-slot="accuracy"]'), /nothing learnt yet/);
      await problems.assertNone('initial weights');
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
          ['code-position', 'src/nn/flatten.ts'],
          ['code-flatten', 'src/nn/flatten.ts'],
          ['code-dense', 'src/nn/dense.ts'],
          ['code-pass', 'chapters/07-inference-zone/network.ts'],
          ['code-activation', 'src/nn/activation.ts'],
          ['code-softmax', 'src/nn/softmax.ts'],
        ],
        { minLines: 6 },
      );
    } finally {
      await close();
    }
  });
});
