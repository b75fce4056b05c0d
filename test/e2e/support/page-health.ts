/**
 * What a reader must never see, read from a page cheaply (no screenshots):
 * numbers that went wrong ("NaN", "Infinity", "1e+308", "not a number") in
 * visible text, and cell errors that are bugs or that are not sentences.
 */
import type { Page } from 'playwright-core';

/**
 * Text that betrays a broken computation: JavaScript's own spellings of
 * non-finite values, "undefined"/"[object Object]", and numbers so large
 * that they can only come from an overflow or a division by ~0 (an exponent
 * of +100 or more, written 1e+308 or 1.8e308). Tiny numbers are allowed:
 * an optimizer converging on a bowl really reaches 3.23e−103. The words
 * the site's formatter uses on purpose ("not a number", "infinity") are
 * allowed: chapter 7 explains in them why the softmax as printed overflows.
 */
export const BROKEN_NUMBER_PATTERN = String.raw`\bNaN\b|-?\bInfinity\b|\bundefined\b|\[object \w+\]|\d(?:\.\d+)?e\+?\d{3,}`;

/**
 * Each visible text node under <main> (KaTeX's MathML copy aside) that
 * matches BROKEN_NUMBER_PATTERN, with a little of where it is. Prose may say
 * "NaN" on purpose, so callers compare with the page's text at its defaults.
 */
export async function brokenNumbers(page: Page): Promise<string[]> {
  return page.evaluate((source) => {
    const pattern = new RegExp(source);
    const found: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!pattern.test(text)) continue;
      const parent = node.parentElement;
      if (!parent || parent.closest('.katex-mathml, script, style, [hidden], [aria-hidden="true"] .katex-mathml')) continue;
      if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      const where = parent.closest('[data-slot], figure, .control, section')?.getAttribute('data-slot') ?? parent.tagName.toLowerCase();
      found.push(`${where}: ${text.trim().slice(0, 160)}`);
    }
    return found;
  }, BROKEN_NUMBER_PATTERN);
}

/**
 * Problems with the cell errors the page shows: an error that is a bug (not
 * the core's ShapeError/ParamError), or one whose message is not words a
 * reader can act on (empty, a stack trace, a JavaScript error name).
 */
export async function badCellErrors(page: Page): Promise<string[]> {
  return page.locator('.cell-error').evaluateAll((nodes) =>
    nodes.flatMap((node) => {
      // The platform's error node has a title and a message; a chapter may style its own refusal as one (text only).
      const message = (node.querySelector('.cell-error__message') ?? node).textContent?.trim() ?? '';
      const problems: string[] = [];
      if (node.classList.contains('cell-error--bug')) problems.push(`a cell failed with a bug: ${message}`);
      else if (message.length < 12 || !/[a-z]{3,}\s+[a-z]{2,}/i.test(message)) problems.push(`a cell error is not a sentence: "${message}"`);
      else if (/\b(?:TypeError|RangeError|ReferenceError|RuntimeError)\b|\n\s+at\s/.test(message)) problems.push(`a cell error reads like a crash: ${message}`);
      return problems;
    }),
  );
}
