/**
 * The selected window in numbers: its values laid out as the views draw them
 * (one small grid per z layer, y upwards in sections and blocks), the cells
 * max and min pooling kept marked, and each pooling's result with the
 * arithmetic behind it. Text only (textContent), rebuilt in place.
 */
import type { Index5 } from '../../src/nn/pool.ts';
import type { Dims } from './feature-maps.ts';
import { FILTER_NAMES } from './feature-maps.ts';
import { formatCount, formatIndex, formatNumber } from './format.ts';
import { POOL_KINDS, type PoolKind } from './pooling.ts';
import type { WindowDetails } from './selection.ts';

/** Larger windows are summed up in words: a table of hundreds of numbers teaches nothing. */
export const MAX_LISTED_VALUES = 125;

const KIND_LABELS: Readonly<Record<PoolKind, string>> = { max: 'Max', avg: 'Average', min: 'Min', l2: 'L2 norm' };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string | null, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

const sameCell = (a: Index5, b: Index5): boolean => a.every((v, i) => v === b[i]);

function ties(details: WindowDetails, value: number): number {
  return details.values.filter((v) => v === value).length;
}

function span(from: number, to: number): string {
  return from === to ? `${from}` : `${from}–${to}`;
}

/** Along which axes this window shares cells with its neighbours' (stride < window), in words; null when it shares none. */
export function overlapNote(details: WindowDetails, dims: Dims): string | null {
  const axes = ['x', 'y', 'z'].slice(0, dims).filter((_, a) => details.stride[a]! < details.window[a]!);
  if (axes.length === 0) return null;
  const parts = axes.map((axis) => {
    const a = ['x', 'y', 'z'].indexOf(axis);
    const shared = details.window[a]! - details.stride[a]!;
    return `${shared} ${shared === 1 ? 'cell' : 'cells'} along ${axis}`;
  });
  return `Windows overlap: this one shares ${parts.join(' and ')} with the next window, so those values feed more than one output cell. Step through neighbouring output cells to see the outline slide by less than its width.`;
}

function heading(details: WindowDetails, dims: Dims): HTMLElement {
  const p = element('p', 'window-panel__head');
  const d = details.cell[3];
  const where = ['x', 'y', 'z'].slice(0, dims).map((a, i) => `${a} ${span(details.from[i]!, details.to[i]!)}`).join(', ');
  p.append(
    element('strong', null, `Output cell ${formatIndex(details.cell, dims)}`),
    document.createTextNode(
      ` of feature map d = ${d} (${FILTER_NAMES[d] ?? 'unnamed'}) comes from the window ${where} of the input: ${formatCount(details.values.length)} value${details.values.length === 1 ? '' : 's'}.`,
    ),
  );
  return p;
}

/** One grid per z layer (top layer first), rows y from the top down, columns x left to right. */
function layers(details: WindowDetails, dims: Dims): HTMLElement {
  const wrap = element('div', 'window-panel__layers');
  if (details.values.length > MAX_LISTED_VALUES) {
    wrap.append(element('p', 'window-panel__note', `The window holds ${formatCount(details.values.length)} values, too many to list; choose a smaller window to see them.`));
    return wrap;
  }
  const valueAt = new Map<string, { value: number; cell: Index5 }>();
  details.cells.forEach((cell, i) => valueAt.set(`${cell[1]},${cell[2]},${cell[3]}`, { value: details.values[i]!, cell }));
  const [x0, y0, z0] = details.from;
  const [x1, y1, z1] = details.to;
  for (let z = z1; z >= z0; z--) {
    const table = element('table', 'window-grid');
    if (dims === 3) table.append(element('caption', null, `z = ${z}`));
    const body = element('tbody', null);
    for (let y = y1; y >= y0; y--) {
      const row = element('tr', null);
      if (dims >= 2) {
        const th = element('th', null, `y ${y}`);
        th.scope = 'row';
        row.append(th);
      }
      for (let x = x0; x <= x1; x++) {
        const entry = valueAt.get(`${x},${y},${z}`)!;
        const td = element('td', null, formatNumber(entry.value));
        const isMax = sameCell(entry.cell, details.picked.max);
        const isMin = sameCell(entry.cell, details.picked.min);
        if (isMax) td.classList.add('is-max');
        if (isMin) td.classList.add('is-min');
        if (isMax || isMin) {
          const mark = element('span', 'window-grid__mark', isMax && isMin ? ' ▲▼' : isMax ? ' ▲' : ' ▼');
          mark.setAttribute('aria-hidden', 'true');
          td.append(mark);
          td.append(element('span', 'visually-hidden', isMax && isMin ? ' (kept by max and min)' : isMax ? ' (kept by max)' : ' (kept by min)'));
        }
        row.append(td);
      }
      body.append(row);
    }
    const head = element('thead', null);
    const headRow = element('tr', null);
    if (dims >= 2) headRow.append(element('td', 'window-grid__corner'));
    for (let x = x0; x <= x1; x++) {
      const th = element('th', null, `x ${x}`);
      th.scope = 'col';
      headRow.append(th);
    }
    head.append(headRow);
    table.append(head, body);
    wrap.append(table);
  }
  return wrap;
}

function workedOut(kind: PoolKind, details: WindowDetails, dims: Dims): string {
  const n = details.values.length;
  switch (kind) {
    case 'max':
    case 'min': {
      const value = details.results[kind];
      const tied = ties(details, value);
      const where = formatIndex(details.picked[kind].slice(1), dims);
      const word = kind === 'max' ? 'largest' : 'smallest';
      return tied > 1
        ? `the ${word} of the ${formatCount(n)} values; ${tied} cells tie, pool.ts keeps the first in window order, ${where} (${kind === 'max' ? '▲' : '▼'})`
        : `the ${word} of the ${formatCount(n)} values, at ${where} (${kind === 'max' ? '▲' : '▼'})`;
    }
    case 'avg':
      return `the sum ${formatNumber(details.sum)} divided by ${formatCount(n)}`;
    case 'l2':
      return `the square root of the sum of squares ${formatNumber(details.sumOfSquares)}`;
  }
}

function results(details: WindowDetails, dims: Dims): HTMLElement {
  const wrap = element('div', 'table-wrap');
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', 'Each pooling of the selected window');
  const table = element('table', 'data-table window-results');
  table.append(element('caption', null, 'Each pooling of this window'));
  const head = element('thead', null);
  const headRow = element('tr', null);
  for (const [text, cls] of [['Pooling', ''], ['Worked out', ''], ['Output value', 'number']] as const) {
    const th = element('th', cls || null, text);
    th.scope = 'col';
    headRow.append(th);
  }
  head.append(headRow);
  const body = element('tbody', null);
  for (const kind of POOL_KINDS) {
    const row = element('tr', null);
    row.dataset.kind = kind;
    const th = element('th', null, KIND_LABELS[kind]);
    th.scope = 'row';
    row.append(th, element('td', 'window-results__how', workedOut(kind, details, dims)), element('td', 'number', formatNumber(details.results[kind])));
    body.append(row);
  }
  table.append(head, body);
  wrap.append(table);
  return wrap;
}

export interface WindowPanel {
  readonly node: HTMLElement;
  update(details: WindowDetails, dims: Dims): void;
  dispose(): void;
}

export function windowPanel(container: HTMLElement): WindowPanel {
  const node = element('div', 'window-panel');
  // One short live sentence for screen readers; the tables are there to be read at leisure.
  const live = element('p', 'visually-hidden');
  live.setAttribute('aria-live', 'polite');
  const content = element('div', null);
  node.append(live, content);
  container.append(node);
  return {
    node,
    update(details, dims) {
      const overlap = overlapNote(details, dims);
      content.replaceChildren(heading(details, dims), ...(overlap ? [element('p', 'window-panel__note', overlap)] : []), layers(details, dims), results(details, dims));
      live.textContent = `Output cell ${formatIndex(details.cell, dims)}, map d = ${details.cell[3]}: ${POOL_KINDS.map((k) => `${KIND_LABELS[k]} ${formatNumber(details.results[k])}`).join(', ')}.`;
    },
    dispose() {
      node.remove();
    },
  };
}
