/**
 * The part of an element the shared canvas may paint: its rectangle clipped
 * to the viewport and to every scrolling or overflow-hidden ancestor, so a 3D
 * view inside a scrolled panel does not spill over the panel's edges.
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Ancestors that clip their content (overflow other than visible). */
export function clippingAncestors(element: HTMLElement): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (let el = element.parentElement; el && el !== document.body && el !== document.documentElement; el = el.parentElement) {
    const style = getComputedStyle(el);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') out.push(el);
  }
  return out;
}

function intersect(a: Rect, left: number, top: number, right: number, bottom: number): void {
  const l = Math.max(a.left, left);
  const t = Math.max(a.top, top);
  const r = Math.min(a.left + a.width, right);
  const b = Math.min(a.top + a.height, bottom);
  a.left = l;
  a.top = t;
  a.width = Math.max(0, r - l);
  a.height = Math.max(0, b - t);
}

/**
 * Writes the element's padding box into `full` and its paintable part into
 * `clip` (both CSS pixels, viewport coordinates). Returns false when nothing
 * of it can be seen.
 */
export function measure(element: HTMLElement, clippers: readonly HTMLElement[], viewW: number, viewH: number, full: Rect, clip: Rect): boolean {
  // The padding box: borders are not drawn over.
  const r = element.getBoundingClientRect();
  full.left = r.left + element.clientLeft;
  full.top = r.top + element.clientTop;
  full.width = element.clientWidth;
  full.height = element.clientHeight;
  copyRect(clip, full);
  intersect(clip, 0, 0, viewW, viewH);
  for (const c of clippers) {
    if (clip.width <= 0 || clip.height <= 0) break;
    const cr = c.getBoundingClientRect();
    intersect(clip, cr.left + c.clientLeft, cr.top + c.clientTop, cr.left + c.clientLeft + c.clientWidth, cr.top + c.clientTop + c.clientHeight);
  }
  return clip.width > 0 && clip.height > 0;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;
}

export function copyRect(to: Rect, from: Rect): void {
  to.left = from.left;
  to.top = from.top;
  to.width = from.width;
  to.height = from.height;
}
