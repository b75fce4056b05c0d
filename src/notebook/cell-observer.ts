/**
 * Observers that show a cell in its slot (an element of the page):
 * - 'replace': the cell's value (a node, a view with .node, text) replaces the
 *   slot's content; an error replaces it with a message.
 * - 'overlay': for a view updated in place; the view stays, an error is shown
 *   over it (the view dimmed) until the next value clears it.
 * Both keep aria-busy and the page's busy tracker up to date.
 */
import type { Observer } from '@observablehq/runtime';
import type { BusyTracker } from './busy.ts';
import { errorNode } from './cell-error.ts';

export type ObserverMode = 'replace' | 'overlay';

function isNode(value: unknown): value is Node {
  return typeof Node !== 'undefined' && value instanceof Node;
}

function show(slot: HTMLElement, value: unknown): void {
  if (value === undefined || value === null) slot.replaceChildren();
  else if (isNode(value)) {
    if (value.parentNode !== slot || slot.childNodes.length !== 1) slot.replaceChildren(value);
  } else if (typeof value === 'object' && isNode((value as { node?: unknown }).node)) {
    show(slot, (value as { node: Node }).node);
  } else if (typeof value === 'string' || typeof value === 'number') slot.textContent = String(value);
  else slot.replaceChildren();
}

export function slotObserver(slot: HTMLElement, name: string, busy: BusyTracker, mode: ObserverMode): Observer {
  let overlay: HTMLElement | null = null;
  const clearOverlay = (): void => {
    overlay?.remove();
    overlay = null;
    slot.classList.remove('is-stale');
  };
  return {
    pending() {
      busy.start(name);
      slot.setAttribute('aria-busy', 'true');
    },
    fulfilled(value) {
      busy.done(name);
      slot.removeAttribute('aria-busy');
      if (mode === 'replace') show(slot, value);
      else clearOverlay();
    },
    rejected(error) {
      busy.done(name);
      slot.removeAttribute('aria-busy');
      const node = errorNode(error);
      if (mode === 'replace') {
        slot.replaceChildren(node);
        return;
      }
      clearOverlay();
      overlay = node;
      overlay.classList.add('cell-error--overlay');
      slot.classList.add('is-stale');
      slot.append(overlay);
    },
  };
}
