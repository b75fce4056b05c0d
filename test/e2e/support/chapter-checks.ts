/**
 * Checks the chapter specs share: the code shown is the real source, a term
 * lights up the figures, code lines and equation terms that show it, and the
 * small steps around them (a key pressed on a slider, a figure's text
 * alternative, a 3D stage's pixels).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { controlField, waitForIdle } from './notebook.ts';

const ROOT = new URL('../../../', import.meta.url);

/**
 * Every code view in each slot shows lines of its file (a path from the repository
 * root) exactly as the file has them, numbered as in the file; a line's
 * `// term: X` comment is shown as a tag, not as code. Each slot shows at least
 * `minLines` lines and, with `marked`, at least one line linked to a term.
 */
export async function assertRealSource(
  page: Page,
  views: ReadonlyArray<readonly [slot: string, file: string]>,
  { minLines, marked = false }: { minLines: number; marked?: boolean },
): Promise<void> {
  for (const [slot, file] of views) {
    const lines = (await readFile(new URL(file, ROOT), 'utf8')).split('\n');
    const shown = await page.locator(`[data-slot="${slot}"] .code-line`).evaluateAll((elements) =>
      elements.map((e) => ({
        n: Number((e as HTMLElement).dataset.line),
        text: [...e.childNodes]
          .filter((c) => !(c instanceof HTMLElement && c.classList.contains('code-line__marker')))
          .map((c) => c.textContent)
          .join(''),
      })),
    );
    assert.ok(shown.length >= minLines, `${slot} shows at least ${minLines} lines of ${file} (${shown.length})`);
    for (const { n, text } of shown) assert.equal(lines[n - 1]!.replace(/\s*\/\/\s*term:.*$/, '').trimEnd(), text, `${slot}: line ${n} is ${file}'s line ${n}`);
    if (marked) assert.ok((await page.locator(`[data-slot="${slot}"] [data-term]`).count()) > 0, `${slot} has lines marked with a term`);
  }
}

/** Term `term` of equation `equation` (its number as the page writes it: '6', '10'). */
export function equationTerm(page: Page, equation: string, term: string): Locator {
  return page.locator(`.equation[data-equation="${equation}"] .tex-term[data-term="${term}"]`);
}

/** The figure in `slot` is outlined: the term pointed at is one it shows. */
export async function assertOutlined(page: Page, slot: string, message = `the figure in ${slot} is outlined`): Promise<void> {
  assert.ok(await page.locator(`[data-slot="${slot}"] .figure.is-term-active`).count(), message);
}

/** A line of the code in `slot` (one holding `text`, if given) is lit: it implements the term pointed at. */
export async function assertLineLit(page: Page, slot: string, text?: string, message = `a line${text ? ` with "${text}"` : ''} of the code in ${slot} lights up`): Promise<void> {
  const lines = page.locator(`[data-slot="${slot}"] .code-line.is-term-active`);
  assert.ok(await (text === undefined ? lines : lines.filter({ hasText: text })).count(), message);
}

/** Term `term` of equation `equation` is lit: something that shows it is pointed at. */
export async function assertTermLit(page: Page, equation: string, term: string, message = `${term} lights up in eq. ${equation}`): Promise<void> {
  assert.ok(await page.locator(`.equation[data-equation="${equation}"] .tex-term[data-term="${term}"].is-term-active`).count(), message);
}

/** Presses `keyName` `times` times on the slider of control `key`, then waits for the page to settle. */
export async function press(page: Page, key: string, keyName: string, times = 1): Promise<void> {
  await controlField(page, key).locator('input').first().focus();
  for (let i = 0; i < times; i++) await page.keyboard.press(keyName);
  await waitForIdle(page);
}

/** The text alternative of the figure in `slot`. */
export async function figureDescription(page: Page, slot: string): Promise<string> {
  return (await page.locator(`[data-slot="${slot}"] .figure__description`).textContent()) ?? '';
}

/** The pixels of the 3D stage in `slot` (base64 PNG), once it is in view and has drawn. */
export async function stagePixels(page: Page, slot: string, settleMs = 300): Promise<string> {
  const stage = page.locator(`[data-slot="${slot}"] .viz3d__stage`);
  await stage.scrollIntoViewIfNeeded();
  await page.waitForTimeout(settleMs);
  return (await stage.screenshot()).toString('base64');
}

/**
 * A link with malformed settings: the page shows one notice listing the
 * `ignored` settings (when given) and naming each of `labels` (control labels,
 * quoted as the notice quotes them), and no cell shows an error.
 */
export async function assertUrlNotice(page: Page, { ignored, labels = [] }: { ignored?: number; labels?: readonly string[] }): Promise<void> {
  const notice = page.locator('.url-notice');
  assert.equal(await notice.count(), 1, 'one notice about the link');
  const items = await notice.locator('li').allTextContents();
  if (ignored !== undefined) assert.equal(items.length, ignored, `${ignored} settings are ignored: ${items.join('; ')}`);
  for (const label of labels) assert.ok(items.some((i) => i.includes(`"${label}"`)), `the notice names "${label}": ${items.join('; ')}`);
  assert.equal(await page.locator('.cell-error').count(), 0, 'no cell shows an error');
}
