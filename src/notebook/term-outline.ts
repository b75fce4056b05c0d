/**
 * Links a whole figure to the page's terms: the figure around `area` (its
 * `.figure`, or `area` itself outside one) is outlined while any of `terms` is
 * shown from anywhere on the page (an equation, a code line, another view),
 * and pointing at `area` shows the first of them. With no terms it does
 * nothing. Returns the disposer.
 */
import type { TermBus } from '../viz/tex/term-bus.ts';
import { ACTIVE_CLASS } from '../viz/tex/term-link.ts';

export function outlineOnTerms(area: HTMLElement, bus: TermBus, terms: readonly string[]): () => void {
  if (terms.length === 0) return () => {};
  const frame = area.closest<HTMLElement>('.figure') ?? area;
  const unsubscribe = bus.subscribe((active) => frame.classList.toggle(ACTIVE_CLASS, active !== null && terms.includes(active)));
  const enter = (): void => bus.highlight(terms[0]!);
  const leave = (): void => bus.highlight(null);
  area.addEventListener('pointerenter', enter);
  area.addEventListener('pointerleave', leave);
  return () => {
    unsubscribe();
    area.removeEventListener('pointerenter', enter);
    area.removeEventListener('pointerleave', leave);
    frame.classList.remove(ACTIVE_CLASS);
  };
}
