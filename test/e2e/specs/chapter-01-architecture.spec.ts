/**
 * Chapter 1, Architecture: what is particular to it. Equation terms, code
 * lines, diagram parts and table rows highlight one another; an impossible
 * network shows the model's reason in place of the diagram, without a console
 * error; the equation in use follows the BN and pooling switches; selecting a
 * layer explains it; the code shown is the real source.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findChapter } from '../../../src/notebook/chapters.ts';
import { assertRealSource, assertTermLit, equationTerm } from '../support/chapter-checks.ts';
import { useBrowser } from '../support/harness.ts';
import { waitForIdle } from '../support/notebook.ts';
import { CHAPTER_PAGES } from '../support/site.ts';

const browser = useBrowser();
const site = CHAPTER_PAGES.find((p) => p.chapter === findChapter('architecture'))!;

describe('chapter 1, architecture', () => {
  test('an equation term, its code line, its diagram part and its table rows highlight one another', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const term = equationTerm(page, '1', 'W');
      await term.hover();
      assert.ok(await page.locator('.code-line.is-term-active').filter({ hasText: "type: 'conv'" }).count(), 'the conv line lights up');
      assert.ok(await page.locator('.arch-chip.is-term-active').count(), 'the conv parts of the diagram light up');
      assert.ok(await page.locator('.data-table tr.is-term-active').count(), 'the conv rows of the table light up');

      await page.mouse.move(0, 0);
      const line = page.locator('.code-line[data-term="pool"]');
      await line.hover();
      await assertTermLit(page, '6', 'pool', 'pointing at the pool line marks pool in eq. 6');

      // From the keyboard: focus shows the term, Enter keeps it.
      await page.mouse.move(0, 0);
      await term.focus();
      assert.equal(await term.getAttribute('role'), 'button');
      assert.match((await term.getAttribute('aria-label')) ?? '', /filter bank/);
      assert.ok(await page.locator('.code-line.is-term-active').count());
      await page.keyboard.press('Enter');
      assert.equal(await term.getAttribute('aria-pressed'), 'true');
      await page.locator('h1').click();
      assert.ok(await page.locator('.code-line.is-term-active').count(), 'a pinned term stays highlighted');
      await problems.assertNone('term linking');
    } finally {
      await close();
    }
  });

  test('an impossible network shows the reason in place of the diagram', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?size=8&blocks=4' });
    try {
      const error = page.locator('[data-slot="diagram"] .cell-error--shape');
      assert.equal(await error.count(), 1, 'the diagram shows a shape error');
      assert.match((await error.textContent()) ?? '', /pool: the 2-wide window along x is larger than the padded input 1/);
      assert.equal(await page.locator('[data-slot="diagram"] .figure__body.is-stale').count(), 1, 'the last good diagram is dimmed behind it');
      // Back to a possible network: the error goes, the diagram returns.
      const blocks = page.locator('.control[data-control="blocks"] input');
      await blocks.focus();
      await page.keyboard.press('Home');
      await waitForIdle(page);
      assert.equal(await page.locator('.cell-error').count(), 0, 'the error clears');
      assert.ok(await page.locator('.arch-card[data-layer="H1"]').isVisible());
      await problems.assertNone('impossible network');
    } finally {
      await close();
    }
  });

  test('the block equation in use follows the batch normalization and pooling switches', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const current = (): Promise<string | null> => page.locator('.equation.is-current').getAttribute('data-equation');
      assert.equal(await current(), '6');
      await page.locator('.control[data-control="pool"] input').press('Space');
      await waitForIdle(page);
      assert.equal(await current(), '5');
      await page.locator('.control[data-control="bn"] input').press('Space');
      await waitForIdle(page);
      assert.equal(await current(), '3');
      assert.equal(await page.locator('.arch-chip', { hasText: 'BN' }).count(), 0, 'no BN stage is drawn');
      await problems.assertNone('block equation');
    } finally {
      await close();
    }
  });

  test('selecting a layer explains it', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const card = page.locator('.arch-card[data-layer="FC1"]');
      await card.click();
      assert.equal(await card.getAttribute('aria-pressed'), 'true');
      assert.match((await page.locator('.arch__details').textContent()) ?? '', /Fully connected layer/);
      await page.locator('.arch-card[data-layer="X"]').focus();
      await page.keyboard.press('Enter');
      assert.match((await page.locator('.arch__details').textContent()) ?? '', /Input/);
      await problems.assertNone('layer details');
    } finally {
      await close();
    }
  });

  test('the code shown is the real source, with its line numbers', async () => {
    const { page, close } = await browser.open(site);
    try {
      await assertRealSource(page, [['code-layers', 'chapters/01-architecture/architecture.ts']], { minLines: 11 });
    } finally {
      await close();
    }
  });
});
