/**
 * Chapter 8, Loss functions and gradient descent: what is particular to it.
 * The page opens with eqs. 10 and 11, its tables and the training panel; the
 * cross-entropy read-out is −log of the true class's p̂ and its terms add up;
 * dragging a score or a prediction changes the numbers and the URL; the three
 * schedules train in the worker from one job, with 1, 48 and 48 / m updates
 * per epoch; a learning rate too large stops the runs with a message and no
 * NaN on screen; an impossible batch size shows its message; a malformed URL
 * falls back with a notice; the code shown is the real source.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { findChapter } from '../../../src/notebook/chapters.ts';
import { assertEquationsRendered, assertViewsDraw } from '../support/checks.ts';
import { assertLineLit, assertOutlined, assertRealSource, assertTermLit, assertUrlNotice, equationTerm, press } from '../support/chapter-checks.ts';
import { useBrowser } from '../support/harness.ts';
import { controlField, waitForIdle, waitForUrlWrite } from '../support/notebook.ts';
import { CHAPTER_PAGES } from '../support/site.ts';

const browser = useBrowser();
const site = CHAPTER_PAGES.find((p) => p.chapter === findChapter('losses-gradient-descent'))!;

/** "1.23", "−0.5" -> numbers */
const number = (text: string): number => Number(text.trim().replace(/−/g, '-').replace(/\u202f/g, ''));

async function cellText(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).allTextContents();
}

async function ceValue(page: Page): Promise<number> {
  const text = (await page.locator('[data-slot="ce-table"] .lgd-headline').textContent()) ?? '';
  return number(/^CE = ([^:]+):/.exec(text)![1]!);
}

async function train(page: Page): Promise<void> {
  const button = page.locator('[data-slot="race"] button', { hasText: /^Train$/ });
  await button.waitFor({ timeout: 30_000 });
  await button.click();
}

describe('chapter 8, losses and gradient descent', () => {
  test('opens with eqs. 10 and 11, the two tables and the training panel; the cross-entropy is −log p̂ of the true class', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await assertEquationsRendered(page);
      assert.equal(await assertViewsDraw(page), 3, 'the two tables and the race');
      assert.equal(await page.locator('.cell-error').count(), 0);
      const rows = page.locator('[data-slot="ce-table"] tbody tr');
      assert.equal(await rows.count(), 4, 'four classes');
      const truth = page.locator('[data-slot="ce-table"] tbody tr.is-true');
      assert.equal(await truth.getAttribute('data-kind'), 'folded');
      const phat = number((await truth.locator('td').nth(1).textContent()) ?? '');
      const ce = await ceValue(page);
      assert.ok(Math.abs(ce + Math.log(phat)) < 1e-3, `CE ${ce} = −log ${phat}`);
      const phats = (await cellText(page, '[data-slot="ce-table"] tbody tr td:nth-child(3)')).map(number);
      assert.ok(Math.abs(phats.reduce((s, p) => s + p, 0) - 1) < 1e-3, 'p̂ sums to 1');
      const grads = (await cellText(page, '[data-slot="ce-table"] tbody tr td:nth-child(7)')).map(number);
      assert.ok(Math.abs(grads.reduce((s, g) => s + g, 0)) < 1e-3, 'the gradient sums to 0');
      assert.match((await page.locator('[data-slot="mse-table"] tfoot').textContent()) ?? '', /Mean over P = 2/);
      assert.match((await page.locator('[data-slot="race"] .figure__description').textContent()) ?? '', /full-batch \(1 update per epoch\), stochastic \(48 updates per epoch\) and mini-batch with m = 8 \(6 updates per epoch\)/);
      await problems.assertNone('chapter 8 opens');
    } finally {
      await close();
    }
  });

  test('raising the true class’s score lowers the loss, raising another raises it, in the numbers and the URL', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const ce = await ceValue(page);
      await press(page, 's-folded', 'ArrowRight', 10);
      await waitForUrlWrite(page);
      assert.equal(new URL(page.url()).searchParams.get('s-folded'), '3');
      const lower = await ceValue(page);
      assert.ok(lower < ce, `a higher true score lowers CE: ${ce} -> ${lower}`);
      await press(page, 's-faulted', 'End');
      const higher = await ceValue(page);
      assert.ok(higher > 5, `a score of 10 for another class makes CE large: ${higher}`);
      await press(page, 'ntg', 'End');
      await waitForUrlWrite(page);
      assert.equal(new URL(page.url()).searchParams.get('ntg'), '1');
      const squared = number((await page.locator('[data-slot="mse-table"] tbody tr[data-output="net-to-gross"] td').nth(2).textContent()) ?? '');
      const target = number((await page.locator('[data-slot="mse-table"] tbody tr[data-output="net-to-gross"] td').nth(1).textContent()) ?? '');
      assert.ok(Math.abs(squared - (1 - target) ** 2) < 1e-3, 'the squared error is (ŷ − y)²');
      await problems.assertNone('dragging');
    } finally {
      await close();
    }
  });

  test('the three schedules train in the worker from one job, and the axis switches between epochs and updates', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await train(page);
      await page.waitForFunction(() => [...document.querySelectorAll('.lgd-race__notes li')].every((li) => /\d+ updates = /.test(li.textContent ?? '')) && document.querySelectorAll('.lgd-race__notes li').length === 3, undefined, { timeout: 60_000 });
      const notes = await cellText(page, '.lgd-race__notes li');
      assert.match(notes[0]!, /^full-batch: .*\(1 per epoch\)/);
      assert.match(notes[1]!, /^stochastic: .*\(48 per epoch\)/);
      assert.match(notes[2]!, /^mini-batch, m = 8: .*\(6 per epoch\)/);
      assert.ok((await page.locator('[data-slot="race"] svg path').count()) >= 3, 'three curves');
      const field = controlField(page, 'axis');
      const id = await field.locator('input[value="update"]').getAttribute('id');
      await field.locator(`label[for="${id}"]`).click();
      await waitForIdle(page);
      await waitForUrlWrite(page);
      assert.equal(new URL(page.url()).searchParams.get('axis'), 'update');
      assert.match((await page.locator('[data-slot="race"] .lgd-race__chart').textContent()) ?? '', /Batch loss of every update, against updates/);
      await problems.assertNone('training');
    } finally {
      await close();
    }
  });

  test('equation terms, tables, sliders, figures and code lines light one another', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await equationTerm(page, '10', 'phat').focus();
      assert.ok(await page.locator('[data-slot="ce-table"] th[data-term="phat"].is-term-active').count(), 'the p-hat column lights up');
      await assertOutlined(page, 'ce-table', 'the cross-entropy figure is outlined');
      await assertLineLit(page, 'code-ce', 'softmaxRow', 'the softmax line of crossEntropy lights up');
      await equationTerm(page, '11', 'alpha').first().focus();
      assert.ok(await page.locator('.control[data-control="lr"].is-term-active').count(), 'the learning-rate slider is outlined');
      await assertLineLit(page, 'code-sgd', undefined, 'the line of eq. 11 in sgdStep lights up');
      await assertOutlined(page, 'race', 'the race is outlined');
      await page.locator('h1').focus();
      await page.locator('[data-slot="code-mse"] .code-line[data-term="yhat"]').hover();
      await assertTermLit(page, '10', 'yhat', 'the MSE line lights y-hat in eq. 10');
      await problems.assertNone('term linking');
    } finally {
      await close();
    }
  });

  test('a learning rate too large stops the runs with a message, and no number on screen is NaN', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?task=properties&lr=1' });
    try {
      await train(page);
      await page.waitForFunction(() => [...document.querySelectorAll('.lgd-race__notes li')].some((li) => /diverged/.test(li.textContent ?? '')), undefined, { timeout: 60_000 });
      const text = (await page.locator('main').textContent()) ?? '';
      assert.ok(!/NaN|Infinity|undefined/.test(text), 'every number is a number');
      await problems.assertNone('diverging');
    } finally {
      await close();
    }
  });

  test('an impossible batch size shows its message in place of the race', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?batch=48' });
    try {
      const error = page.locator('[data-slot="race"] .cell-error');
      await error.waitFor();
      assert.match((await error.textContent()) ?? '', /a mini-batch holds 2 to 47 sections/);
      await press(page, 'batch', 'ArrowLeft');
      assert.equal(await page.locator('.cell-error').count(), 0, 'm = 47 trains');
      await problems.assertNone('impossible batch');
    } finally {
      await close();
    }
  });

  test('a malformed URL falls back to the defaults with a notice, and keeps what was valid', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?truth=granite&lr=abc&batch=12' });
    try {
      await assertUrlNotice(page, { ignored: 2 });
      assert.equal(await controlField(page, 'batch').locator('input').inputValue(), '12', 'the valid batch size is kept');
      assert.equal(await page.locator('[data-slot="ce-table"] tbody tr.is-true').getAttribute('data-kind'), 'folded');
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
          ['code-ce', 'src/nn/loss.ts'],
          ['code-mse', 'src/nn/loss.ts'],
          ['code-softmax', 'src/nn/softmax.ts'],
          ['code-sgd', 'src/optim/sgd.ts'],
          ['code-train', 'src/model/train.ts'],
          ['code-job', 'chapters/08-losses-gradient-descent/schedules.ts'],
        ],
        { minLines: 3, marked: true },
      );
    } finally {
      await close();
    }
  });
});
