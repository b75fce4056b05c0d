/**
 * After KaTeX has rendered TeX marked by `markTerms`, turns the sentinel-
 * coloured spans into linked terms: the colour is removed, the outermost span
 * of each occurrence gets the class `tex-term`, `data-term`, and is linked to
 * the term bus. The first occurrence of a term in an equation is focusable
 * (role=button, aria-label from the catalog); later ones answer the pointer.
 *
 * KaTeX hides its visual HTML from assistive technology (aria-hidden) and
 * offers MathML instead. A focusable element may not sit inside an
 * aria-hidden subtree, so the hiding is moved down: everything in the visual
 * HTML except the focusable terms is hidden, the MathML still reads the
 * equation, and the terms are reachable as buttons.
 */
import { isSentinelColour } from './term-tex.ts';
import type { TermBus } from './term-bus.ts';
import { linkTerm } from './term-link.ts';

function sentinelKey(element: HTMLElement, colours: ReadonlyMap<string, string>): string | undefined {
  const colour = element.style.color;
  return colour ? colours.get(colour) : undefined;
}

/** Hides every part of `root` from assistive technology except `keep` and their ancestors. */
function hideAllBut(root: Element, keep: ReadonlySet<Element>): void {
  for (const child of Array.from(root.children)) {
    if (keep.has(child)) continue;
    if ([...keep].some((k) => child.contains(k))) hideAllBut(child, keep);
    else child.setAttribute('aria-hidden', 'true');
  }
}

export function linkTexTerms(root: HTMLElement, colours: ReadonlyMap<string, string>, bus: TermBus): () => void {
  const disposers: Array<() => void> = [];
  const html = root.querySelector<HTMLElement>('.katex-html');
  if (!html) return () => {};
  const focusable = new Set<Element>();
  const seen = new Set<string>();

  for (const element of Array.from(html.querySelectorAll<HTMLElement>('span'))) {
    const key = sentinelKey(element, colours);
    if (!key) continue;
    const outer = element.parentElement?.closest<HTMLElement>('[data-term]');
    if (outer && outer.dataset.term === key && html.contains(outer)) {
      element.style.removeProperty('color');
      continue;
    }
    element.style.removeProperty('color');
    element.classList.add('tex-term');
    const first = !seen.has(key);
    seen.add(key);
    if (first) {
      element.tabIndex = 0;
      element.setAttribute('role', 'button');
      element.setAttribute('aria-label', bus.label(key));
      focusable.add(element);
    }
    element.title = bus.label(key);
    disposers.push(linkTerm(element, key, bus, { interactive: first }));
  }

  // Colours on descendants (KaTeX repeats the colour on inner symbols) and in the MathML.
  for (const element of Array.from(root.querySelectorAll<HTMLElement>('.katex-html span'))) {
    if (isSentinelColour(element.style.color)) element.style.removeProperty('color');
  }
  for (const element of Array.from(root.querySelectorAll('[mathcolor]'))) {
    if (/^#0a/i.test(element.getAttribute('mathcolor') ?? '')) element.removeAttribute('mathcolor');
  }

  if (focusable.size > 0) {
    html.removeAttribute('aria-hidden');
    hideAllBut(html, focusable);
  }
  return () => disposers.forEach((dispose) => dispose());
}
