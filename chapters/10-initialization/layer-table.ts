/** The stack layer by layer in numbers and words: spread, dead or saturated units, gradient. */
import { formatValue } from '../../src/viz/paint/format.ts';
import { gradText, inactiveWord, percent, stackHeadline, stdText } from './describe.ts';
import type { StackResult } from './stack.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function stackHeadlineView(container: HTMLElement) {
  const node = el('p', 'init-headline');
  node.setAttribute('aria-live', 'polite');
  container.append(node);
  return {
    node,
    update(result: StackResult) {
      node.textContent = stackHeadline(result);
    },
    dispose: () => node.remove(),
  };
}

export function layerTable(container: HTMLElement) {
  const wrap = el('div', 'init-table-wrap');
  const table = el('table', 'init-table');
  const caption = el('caption', undefined, 'The stack, layer by layer');
  const head = el('thead');
  const body = el('tbody');
  table.append(caption, head, body);
  wrap.append(table);
  container.append(wrap);
  return {
    node: wrap,
    update(result: StackResult) {
      head.replaceChildren();
      const hr = el('tr');
      for (const h of ['layer', 'std of Hᵐ', 'largest |Hᵐ|', inactiveWord(result.settings.kind), 'rms ∂L/∂Wᵐ']) {
        const th = el('th', undefined, h);
        th.scope = 'col';
        hr.append(th);
      }
      head.append(hr);
      body.replaceChildren();
      for (const l of result.layers) {
        const tr = el('tr');
        const th = el('th', undefined, String(l.layer));
        th.scope = 'row';
        tr.append(th, el('td', 'number', stdText(l)), el('td', 'number', formatValue(l.maxAbs)), el('td', 'number', percent(l.inactive)), el('td', 'number', gradText(l, result)));
        body.append(tr);
      }
      if (result.overflowAt !== null) {
        const tr = el('tr');
        const th = el('th', undefined, String(result.overflowAt));
        th.scope = 'row';
        const td = el('td', undefined, 'overflowed: larger than a double can hold');
        td.colSpan = 4;
        tr.append(th, td);
        body.append(tr);
      }
    },
    dispose: () => wrap.remove(),
  };
}
