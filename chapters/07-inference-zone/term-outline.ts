/**
 * Links a whole figure to the page's terms: the figure is outlined while any
 * of `terms` is shown (from an equation, a code line or another view), and
 * pointing at `area` shows the first of them. Returns the disposer.
 */
import type { TermBus } from '../../src/notebook/index.ts';

export function outlineOnTerms(area: HTMLElement, bus: TermBus, terms: readonly string[]): () => void {
  const frame = area.closest<HTMLElement>('.figure') ?? area;
  const unsubscribe = bus.subscribe((active) => frame.classList.toggle('is-term-active', active !== null && terms.includes(active)));
  const enter = (): void => bus.highlight(terms[0]!);
  const leave = (): void => bus.highlight(null);
  area.addEventListener('pointerenter', enter);
  area.addEventListener('pointerleave', leave);
  return () => {
    unsubscribe();
    area.removeEventListener('pointerenter', enter);
    area.removeEventListener('pointerleave', leave);
    frame.classList.remove('is-term-active');
  };
}
