/**
 * Chapter 9, Optimizers: what is particular to it. The page opens with eqs.
 * 11-15, their errata (printed Adam does not blow up) and every view drawn;
 * the race steps update by update and plays on demand; clicking the map or
 * pressing Enter on it picks the start; the read-out of each optimizer is
 * linked to its equation terms; a too-large learning rate stops its run with
 * a message and no NaN; eq. 15 as printed is checked against the rescaled
 * corrected Adam; eps and the demonstrations change the race and the URL;
 * a surface brings its start but a shared link keeps its own; nothing
 * switched on shows a message; the CNN race trains in the worker and restarts
 * when a setting changes; a malformed URL falls back with a notice; the code
 * shown is the real source.
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
const site = CHAPTER_PAGES.find((p) => p.chapter === findChapter('optimizers'))!;

const param = (page: Page, key: string): string | null => new URL(page.url()).searchParams.get(key);
const number = (text: string): number => Number(text.replace(/−/g, '-'));

async function settle(page: Page): Promise<void> {
  await waitForIdle(page);
  await waitForUrlWrite(page);
}

async function toggle(page: Page, key: string): Promise<void> {
  await controlField(page, key).locator('input[type=checkbox]').press('Space');
  await waitForIdle(page);
}

async function cardTitles(page: Page): Promise<string[]> {
  return page.locator('[data-slot="state"] .opt-card__title').allTextContents();
}

/** The state card's row for `name`, as [θ1, θ2]. */
async function cardRow(page: Page, optimizer: string, name: string): Promise<number[]> {
  const card = page.locator('[data-slot="state"] .opt-card').filter({ has: page.locator('.opt-card__title', { hasText: new RegExp(`^${optimizer}$`) }) });
  const row = card.locator('tbody tr').filter({ has: page.locator('th', { hasText: name }) });
  return (await row.locator('td').allTextContents()).map(number);
}

async function pixels(page: Page, slot: string): Promise<string> {
  const body = page.locator(`[data-slot="${slot}"] .figure__body`);
  await body.scrollIntoViewIfNeeded();
  await page.waitForTimeout(250);
  return (await body.screenshot()).toString('base64');
}

describe('chapter 9, optimizers', () => {
  test('opens with eqs. 11-15 and their errata, five optimizers racing, every view drawn', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await assertEquationsRendered(page);
      const numbers = await page.locator('.equation__number').allTextContents();
      assert.deepEqual(numbers, ['(11)', '(12)', '(13)', '(14)', '(15)']);
      const errata = await page.locator('.erratum').allTextContents();
      assert.equal(errata.length, 3);
      assert.match(errata.find((e) => e.includes('eq. 15'))!, /does not make Adam blow up/);
      assert.match(errata.find((e) => e.includes('eq. 15'))!, /19 .*1999/s);
      assert.match(errata.find((e) => e.includes('eq. 13'))!, /t − 1/);
      const printed = ((await page.locator('.equation[data-equation="15"] .katex-html').textContent()) ?? '').replace(/\u200b/g, '');
      assert.match(printed, /\(1\+β1\)/, 'eq. 15 is shown as printed, with (1 + β1)');
      const views = await assertViewsDraw(page);
      assert.equal(views, 11, 'the maps, the 3D surface, seven charts and the CNN race');
      assert.equal(await page.locator('.figure[data-figure-kind="3d"]').count(), 1);
      assert.deepEqual(await cardTitles(page), ['SGD', 'Momentum', 'AdaGrad', 'RMSProp', 'Adam']);
      assert.equal(await page.locator('[data-slot="messages"] .opt-message').count(), 0, 'no run blows up with the paper’s values on the bowl');
      assert.match((await page.locator('[data-slot="overshoot"] .opt-chart__note').textContent()) ?? '', /Momentum passes the minimum at update \d+ and is [\d.]+ beyond it/);
      assert.equal(await page.locator('.cell-error').count(), 0);
      await problems.assertNone('default page');
    } finally {
      await close();
    }
  });

  test('the race steps update by update with the slider and the buttons, and plays on demand', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const t = controlField(page, 't').locator('input');
      assert.equal(await t.inputValue(), '300', 'reduced motion: no autoplay, the whole race is shown');
      assert.equal(await t.getAttribute('max'), '300', 'the slider ends at the last update run');
      await page.locator('.player__previous').click();
      await settle(page);
      assert.equal(param(page, 't'), '299');
      await press(page, 't', 'Home');
      await settle(page);
      assert.equal(param(page, 't'), '0');
      assert.match((await page.locator('.opt-state__heading').textContent()) ?? '', /update t = 0/);
      assert.deepEqual(await cardRow(page, 'Momentum', 'Vₜ'), [0, 0], 'no velocity before the first update');
      await page.locator('.player__next').click();
      await waitForIdle(page);
      // After one update the velocity is alpha times the first gradient, and the step is minus it.
      const v = await cardRow(page, 'Momentum', 'Vₜ');
      const g = await cardRow(page, 'Momentum', '∇L used');
      assert.ok(Math.abs(v[0]! - 0.01 * g[0]!) < 1e-3 * Math.abs(v[0]!) + 1e-6, `V1 = alpha g0: ${v} vs ${g}`);
      const step = await cardRow(page, 'Momentum', 'step');
      assert.ok(Math.abs(step[0]! + v[0]!) < 1e-3 * Math.abs(v[0]!) + 1e-6, 'the step is −V');
      const before = await pixels(page, 'map');
      // Play moves t forward by itself; Pause stops it where it is.
      await page.locator('.player__toggle').click();
      await page.waitForFunction(() => Number((document.querySelector('.control[data-control="t"] input') as HTMLInputElement).value) > 30, undefined, { timeout: 30_000 });
      await page.locator('.player__toggle').click();
      assert.equal(await page.locator('.player__toggle').getAttribute('aria-pressed'), 'false');
      await settle(page);
      const paused = await t.inputValue();
      await page.waitForTimeout(500);
      assert.equal(await t.inputValue(), paused, 'paused');
      assert.equal(param(page, 't'), paused);
      assert.notEqual(await pixels(page, 'map'), before, 'the paths grew');
      await press(page, 't', 'End');
      // More updates: showing the end keeps showing the end.
      await press(page, 'steps', 'ArrowRight', 2);
      await settle(page);
      assert.equal(param(page, 'steps'), '320');
      assert.equal(await t.inputValue(), '320');
      await problems.assertNone('stepping');
    } finally {
      await close();
    }
  });

  test('clicking the contour map, or Enter on it, starts the race there', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const hit = page.locator('[data-slot="map"] svg rect[fill="transparent"]').last();
      await hit.scrollIntoViewIfNeeded();
      const box = (await hit.boundingBox())!;
      await page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.25);
      await settle(page);
      const x0 = Number(param(page, 'x0'));
      const y0 = Number(param(page, 'y0'));
      assert.ok(x0 > 0.15 && x0 < 0.25, `θ1 near 0.2: ${x0}`);
      assert.ok(y0 > 0.08 && y0 < 0.16, `θ2 near 0.12: ${y0}`);
      assert.deepEqual((await cardRow(page, 'SGD', 'Θₜ')).length, 2);
      const svg = page.locator('[data-slot="map"] svg').first();
      await svg.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await settle(page);
      assert.ok(Number(param(page, 'y0')) < y0, 'the keyboard cross moved the start down');
      await problems.assertNone('picking the start');
    } finally {
      await close();
    }
  });

  test('the read-out, the equations and the code highlight one another', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const term = equationTerm(page, '12', 'V').first();
      await term.hover();
      const active = page.locator('[data-slot="state"] tr.is-term-active');
      assert.equal(await active.count(), 1, 'one velocity row lights up');
      assert.match((await active.textContent()) ?? '', /^Vₜ/);
      await assertLineLit(page, 'code-momentum', undefined, 'the line computing V lights up');
      await page.mouse.move(0, 0);
      await page.locator('[data-slot="state"] tr[data-term="mhat"]').hover();
      await assertTermLit(page, '15', 'mhat', 'pointing at m̂ marks it in eq. 15');
      await assertOutlined(page, 'moments-m', 'and outlines the first-moment chart');
      await problems.assertNone('term linking');
    } finally {
      await close();
    }
  });

  test('a learning rate too large stops its run with a message, never NaN', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      await page.locator('.control[data-control="try-sgd"] button').click();
      await settle(page);
      assert.equal(param(page, 'lr-sgd'), '-1');
      const message = (await page.locator('[data-slot="messages"] .opt-message').allTextContents()).join(' ');
      assert.match(message, /^SGD diverged at update \d+: the loss jumped to .* lower its α\.$/);
      assert.match((await page.locator('[data-slot="state"] .opt-card').first().textContent()) ?? '', /Stopped at update \d+/);
      await page.locator('.control[data-control="try-rosenbrock"] button').click();
      await settle(page);
      assert.equal(param(page, 'surface'), 'rosenbrock');
      const messages = await page.locator('[data-slot="messages"] .opt-message').allTextContents();
      assert.ok(messages.some((m) => m.startsWith('SGD')) && messages.some((m) => m.startsWith('Momentum')), `both blow up: ${messages}`);
      const text = (await page.locator('main').textContent()) ?? '';
      assert.ok(!/NaN|Infinity|not a number/.test(text), 'no NaN on the page');
      assert.equal(await page.locator('.cell-error').count(), 0);
      await problems.assertNone('blow-up');
    } finally {
      await close();
    }
  });

  test('eq. 15 as printed is corrected Adam with a smaller alpha: the moments are 19 and 1999 times, and it races when asked', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const note = (await page.locator('[data-slot="printed-ratio"] .opt-chart__note').textContent()) ?? '';
      assert.match(note, /19.*1999/s);
      assert.match(note, /no blow-up/);
      const worst = number(/largest relative difference from those factors is ([^,]+),/.exec(note)![1]!);
      assert.ok(worst < 1e-9, `the ratios hold to ${worst}`);
      await toggle(page, 'printed');
      await settle(page);
      assert.equal(param(page, 'printed'), 'on');
      assert.deepEqual((await cardTitles(page)).slice(5), ['Adam as printed (1 + β)']);
      // The CNN race takes the new job once the settings stand still, and shows its runs when the worker answers.
      await page.waitForFunction(() => /Adam as printed/.test(document.querySelector('[data-slot="cnn"] .training__runs')?.textContent ?? ''), undefined, { timeout: 30_000 });
      await toggle(page, 'no-bias');
      assert.deepEqual((await cardTitles(page)).slice(5), ['Adam as printed (1 + β)', 'Adam, no bias correction (demo)']);
      assert.ok(!/no bias correction/.test((await page.locator('[data-slot="cnn"] .training__runs').textContent()) ?? ''), 'the demonstration stays off the CNN race');
      await problems.assertNone('printed Adam');
    } finally {
      await close();
    }
  });

  test('eps and where it goes change the denominator, the race and the URL', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const note = page.locator('[data-slot="denominator"] .opt-chart__note');
      assert.match((await note.textContent()) ?? '', /inside the root/);
      const adagrad = await cardRow(page, 'AdaGrad', 'Θₜ');
      await press(page, 'eps', 'End');
      await toggle(page, 'eps-inside');
      await settle(page);
      assert.equal(param(page, 'eps'), '0');
      assert.equal(param(page, 'eps-inside'), 'off');
      assert.match((await note.textContent()) ?? '', /outside the root/);
      assert.notDeepEqual(await cardRow(page, 'AdaGrad', 'Θₜ'), adagrad, 'with eps = 1 AdaGrad takes another path');
      await problems.assertNone('eps');
    } finally {
      await close();
    }
  });

  test('a surface brings its own start, a shared link keeps its start, and a preset tunes the rates', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?surface=himmelblau&x0=1&y0=-1' });
    try {
      assert.deepEqual(await cardRow(page, 'SGD', 'Θₜ').then((r) => r.length), 2);
      assert.equal(await controlField(page, 'x0').locator('input').inputValue(), '1', 'the link’s start is kept');
      await controlField(page, 'surface').locator('select').selectOption('saddle');
      await settle(page);
      assert.equal(param(page, 'x0'), '-1.2');
      assert.equal(param(page, 'y0'), '0.02');
      await page.locator('.control[data-control="tune"] button').click();
      await settle(page);
      assert.equal(param(page, 'lr-sgd'), '-1');
      assert.equal(param(page, 'lr-adam'), '-1.4');
      await problems.assertNone('surfaces');
    } finally {
      await close();
    }
  });

  test('with every optimizer off the race says so in place of its views', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?sgd=off&momentum=off&adagrad=off&rmsprop=off&adam=off' });
    try {
      const error = page.locator('[data-slot="map"] .cell-error');
      assert.equal(await error.count(), 1);
      assert.match((await error.textContent()) ?? '', /no optimizer is switched on/);
      assert.match((await page.locator('[data-slot="cnn"] .cell-error').textContent()) ?? '', /no optimizer is switched on/);
      // The sections that run their own optimizers still work.
      assert.equal(await page.locator('[data-slot="overshoot"] .cell-error').count(), 0);
      await toggle(page, 'adam');
      assert.equal(await page.locator('[data-slot="map"] .cell-error').count(), 0, 'one back on: the race returns');
      await problems.assertNone('nothing on');
    } finally {
      await close();
    }
  });

  test('the CNN race trains in the worker, pauses, steps, and restarts when a setting changes', async () => {
    const { page, problems, close } = await browser.open(site);
    try {
      const panel = page.locator('[data-slot="cnn"] .training');
      const step = panel.locator('button', { hasText: /^Step$/ });
      await step.waitFor();
      await page.waitForFunction(() => !document.querySelector('[data-slot="cnn"] .training button:nth-child(2)')?.hasAttribute('disabled'), undefined, { timeout: 30_000 });
      await step.click();
      await page.waitForFunction(() => /Paused at update 1\./.test(document.querySelector('[data-slot="cnn"] .training__status')?.textContent ?? ''), undefined, { timeout: 30_000 });
      await panel.locator('button', { hasText: /^(Train|Resume)$/ }).click();
      // Two epochs of 23 updates give each run two points on the chart.
      await page.waitForFunction(() => /after epoch [2-9]/.test(document.querySelector('[data-slot="cnn"] .opt-cnn > .opt-chart__note')?.textContent ?? ''), undefined, { timeout: 60_000 });
      await panel.locator('button', { hasText: /^Pause$/ }).click();
      await page.waitForFunction(() => /Paused at update/.test(document.querySelector('[data-slot="cnn"] .training__status')?.textContent ?? ''));
      assert.ok((await page.locator('[data-slot="cnn"] svg path.curve').count()) >= 5, 'one curve per optimizer');
      await press(page, 'lr-adam', 'ArrowRight');
      await page.waitForFunction(() => /Ready: press Train/.test(document.querySelector('[data-slot="cnn"] .training__status')?.textContent ?? ''), undefined, { timeout: 30_000 });
      // A button pressed while a new setting waits to be sent trains that setting, and no late start undoes it.
      await controlField(page, 'lr-adam').locator('input').first().press('ArrowLeft');
      await step.click();
      await page.waitForFunction(() => /Paused at update 1\./.test(document.querySelector('[data-slot="cnn"] .training__status')?.textContent ?? ''), undefined, { timeout: 30_000 });
      await page.waitForTimeout(800);
      assert.match((await page.locator('[data-slot="cnn"] .training__status').textContent()) ?? '', /Paused at update 1\./);
      await problems.assertNone('CNN race');
    } finally {
      await close();
    }
  });

  test('a malformed link falls back to the defaults with a notice', async () => {
    const { page, problems, close } = await browser.open(site, { query: '?x0=abc&lr-adam=7&surface=volcano&t=-3' });
    try {
      await assertUrlNotice(page, { ignored: 4 });
      assert.equal(await controlField(page, 'x0').locator('input').inputValue(), '-0.3');
      await problems.assertNone('malformed URL');
    } finally {
      await close();
    }
  });

  test('the code shown is the real source, with its line numbers', async () => {
    const { page, close } = await browser.open(site);
    try {
      await assertRealSource(page, [['code-adam', 'src/optim/adam.ts'], ['code-race', 'chapters/09-optimizers/race.ts']], { minLines: 11 });
    } finally {
      await close();
    }
  });
});
