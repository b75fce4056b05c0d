/**
 * The next layer's cost before and after pooling, as a table: the values it
 * receives, the weights of a fully connected layer on Vec(H) (eq. 7), and the
 * weights and multiply-adds of a following convolution. Text only, updated in place.
 */
import type { Dims } from './feature-maps.ts';
import { formatCount, formatFactor, formatShape } from './format.ts';
import type { NextLayerCosts } from './sizes.ts';
import type { PoolSizes } from './sizes.ts';

function cell(tag: 'td' | 'th', text: string, className?: string): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  if (tag === 'th') element.scope = 'row';
  return element;
}

function ratio(before: number, after: number): string {
  return after === 0 ? '' : before === after ? 'same' : `${formatFactor(before / after)} ×`;
}

/**
 * The table, built on the first call; later calls rewrite only the texts that
 * changed and return the same element, so the focusable region stays and a
 * slider move does not replace the table.
 */
export function costPanel(): (sizes: PoolSizes, costs: NextLayerCosts, dims: Dims) => HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', 'The next layer before and after pooling');
  const table = document.createElement('table');
  table.className = 'data-table pool-costs';
  const caption = document.createElement('caption');
  caption.textContent = 'The next layer, on the feature maps before and after pooling';
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  for (const [text, cls] of [['Counted', ''], ['Before', 'number'], ['After', 'number'], ['Fewer by', 'number']] as const) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    if (cls) th.className = cls;
    headRow.append(th);
  }
  head.append(headRow);
  const body = document.createElement('tbody');
  table.append(caption, head, body);
  wrap.append(table);
  const rows: HTMLTableCellElement[][] = [];
  const write = (element: HTMLElement, text: string): void => {
    if (element.textContent !== text) element.textContent = text;
  };
  return (sizes, costs, dims) => {
    // Compact (8×8×8×2): the table must fit a phone.
    const spatial = (shape: readonly number[]): string => [...shape.slice(1, 1 + dims), shape[4]!].join('×');
    const { dense, conv, units } = costs;
    const lines: [string, number | string, number | string, string][] = [
      ['Feature maps H (cells × maps)', spatial(sizes.inShape), spatial(sizes.outShape), ''],
      ['Values to store, the length of Vec(H)', dense.before.inputs, dense.after.inputs, ratio(dense.before.inputs, dense.after.inputs)],
      [`Fully connected layer of ${units} units: weights, values × ${units}`, dense.before.weights, dense.after.weights, ratio(dense.before.weights, dense.after.weights)],
      [`… and its biases`, dense.before.biases, dense.after.biases, 'same'],
      [`Convolution, ${conv.filters} filters of ${formatShape(conv.filterShape.slice(0, 4))}: weights and biases`, conv.before.weights + conv.before.biases, conv.after.weights + conv.after.biases, 'same'],
      ['… its multiply-adds per sample', conv.before.multiplyAdds, conv.after.multiplyAdds, ratio(conv.before.multiplyAdds, conv.after.multiplyAdds)],
    ];
    const text = (v: number | string): string => (typeof v === 'number' ? formatCount(v) : v);
    lines.forEach(([label, before, after, fewer], i) => {
      if (!rows[i]) {
        const row = document.createElement('tr');
        rows[i] = [cell('th', ''), cell('td', '', 'number'), cell('td', '', 'number'), cell('td', '', 'number')];
        row.append(...rows[i]!);
        body.append(row);
      }
      const [c0, c1, c2, c3] = rows[i]!;
      write(c0!, label);
      write(c1!, text(before));
      write(c2!, text(after));
      write(c3!, fewer);
    });
    return wrap;
  };
}
