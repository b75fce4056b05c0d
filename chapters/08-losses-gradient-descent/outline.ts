/**
 * A figure lights up (is-term-active) whenever one of the equation terms it
 * shows is pointed at anywhere on the page: in eq. 10 or 11, a code line or
 * a slider. Returns the unsubscribe.
 */
import type { TermBus } from '../../src/notebook/index.ts';

export function outlineFigure(container: HTMLElement, terms: readonly string[], bus: TermBus): () => void {
  const figure = container.closest<HTMLElement>('.figure') ?? container;
  return bus.subscribe((term) => figure.classList.toggle('is-term-active', term !== null && terms.includes(term)));
}
