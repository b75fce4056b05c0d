/**
 * A view that shows an equation term: pointing at the term (in an equation,
 * a code line or a table header) outlines the view's figure, and pointing at
 * the view marks the term everywhere. Returns the disposer.
 */
import type { TermBus } from '../../src/notebook/index.ts';

export function outlineOnTerms(element: HTMLElement, bus: TermBus, terms: readonly string[]): () => void {
  const frame = element.closest<HTMLElement>('.figure') ?? element;
  const unsubscribe = bus.subscribe((active) => frame.classList.toggle('is-term-active', active !== null && terms.includes(active)));
  const enter = (): void => bus.highlight(terms[0]!);
  const leave = (): void => bus.highlight(null);
  element.addEventListener('pointerenter', enter);
  element.addEventListener('pointerleave', leave);
  return () => {
    unsubscribe();
    element.removeEventListener('pointerenter', enter);
    element.removeEventListener('pointerleave', leave);
    frame.classList.remove('is-term-active');
  };
}
