/**
 * Connects one element to the term bus: pointer and focus on it highlight its
 * term, a click or Enter/Space pins it, and the element takes the class
 * `is-term-active` whenever its term is shown from anywhere on the page.
 * Used for equation terms, code lines and the parts of diagrams and views.
 */
import type { TermBus } from './term-bus.ts';

export const ACTIVE_CLASS = 'is-term-active';

export interface TermLinkOptions {
  /** Focusable and operable from the keyboard (equation terms); code lines are pointer-only. */
  readonly interactive?: boolean;
}

export function linkTerm(element: HTMLElement | SVGElement, term: string, bus: TermBus, options: TermLinkOptions = {}): () => void {
  element.dataset.term = term;
  const enter = (): void => bus.highlight(term);
  const leave = (): void => bus.highlight(null);
  const pin = (): void => bus.togglePin(term);
  const key = (event: Event): void => {
    const { key: k } = event as KeyboardEvent;
    if (k === 'Enter' || k === ' ') {
      event.preventDefault();
      pin();
    }
  };
  element.addEventListener('pointerenter', enter);
  element.addEventListener('pointerleave', leave);
  if (options.interactive) {
    element.addEventListener('focus', enter);
    element.addEventListener('blur', leave);
    element.addEventListener('click', pin);
    element.addEventListener('keydown', key);
  }
  const unsubscribe = bus.subscribe((active) => {
    element.classList.toggle(ACTIVE_CLASS, active === term);
    if (options.interactive) element.setAttribute('aria-pressed', String(bus.pinned === term));
  });
  return () => {
    unsubscribe();
    element.removeEventListener('pointerenter', enter);
    element.removeEventListener('pointerleave', leave);
    element.removeEventListener('focus', enter);
    element.removeEventListener('blur', leave);
    element.removeEventListener('click', pin);
    element.removeEventListener('keydown', key);
  };
}
