/**
 * KaTeX rendering into an element, safely:
 * - katex.render builds DOM nodes and sets styles through element.style, which
 *   a strict CSP (style-src 'self') allows; renderToString + innerHTML would
 *   need inline style attributes, which it forbids.
 * - trust: false (no \href, \url, \htmlClass, \includegraphics), bounded macro
 *   expansion and sizes.
 * - Errors never escape: KaTeX is asked to throw (throwOnError: true) and the
 *   error is caught here, because KaTeX's own error node (throwOnError: false)
 *   sets a style attribute, which the CSP blocks and reports. The source is
 *   shown instead, in a `.katex-error` element, and the message returned so
 *   the caller can report it.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';

export const KATEX_OPTIONS = {
  output: 'htmlAndMathml',
  throwOnError: true,
  trust: false,
  strict: 'error',
  maxExpand: 200,
  maxSize: 12,
} as const;

export type TexResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

export function renderTex(element: HTMLElement, tex: string, displayMode: boolean): TexResult {
  try {
    katex.render(tex, element, { ...KATEX_OPTIONS, displayMode });
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const fallback = document.createElement('span');
    fallback.className = 'katex-error';
    fallback.textContent = tex;
    fallback.title = message;
    element.replaceChildren(fallback);
    return { ok: false, message };
  }
}
