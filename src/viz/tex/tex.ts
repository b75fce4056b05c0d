/**
 * Rendering TeX with linked terms into an element, for display equations,
 * inline math and prose with $...$ pieces. Every function returns a disposer
 * that unlinks the terms from the bus.
 */
import { splitInlineTex } from './inline-tex.ts';
import { linkTexTerms } from './link-terms.ts';
import { renderTex } from './render-tex.ts';
import type { TermBus } from './term-bus.ts';
import { markTerms } from './term-tex.ts';

export interface TexProblem {
  readonly tex: string;
  readonly message: string;
}

/** Called for each TeX source KaTeX refuses; the page reports them (a chapter bug). */
export type TexProblemHandler = (problem: TexProblem) => void;

function reportToConsole(problem: TexProblem): void {
  console.error(`KaTeX could not render ${JSON.stringify(problem.tex)}: ${problem.message}`);
}

/** TeX (with \term markup) into `element`; terms are linked to `bus` when given. */
export function tex(element: HTMLElement, source: string, options: { display?: boolean; bus?: TermBus; onProblem?: TexProblemHandler } = {}): () => void {
  const marked = markTerms(source);
  const result = renderTex(element, marked.tex, options.display ?? false);
  if (!result.ok) {
    (options.onProblem ?? reportToConsole)({ tex: source, message: result.message });
    return () => {};
  }
  if (!options.bus) return () => {};
  return linkTexTerms(element, marked.colours, options.bus);
}

/** Prose with inline $...$ math into `element`: text as text nodes, math through KaTeX. */
export function prose(element: HTMLElement, text: string, options: { bus?: TermBus; onProblem?: TexProblemHandler } = {}): () => void {
  const disposers: Array<() => void> = [];
  element.replaceChildren();
  for (const piece of splitInlineTex(text)) {
    if (piece.kind === 'text') {
      element.append(document.createTextNode(piece.text));
    } else {
      const span = document.createElement('span');
      span.className = 'inline-math';
      element.append(span);
      disposers.push(tex(span, piece.tex, options));
    }
  }
  return () => disposers.forEach((dispose) => dispose());
}
