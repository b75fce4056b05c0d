/**
 * Small panels rebuilt when their inputs change: the shapes and counts of the
 * convolution, and the "same size" check per axis. Text from explain.ts.
 */
import { prose } from '../../src/viz/tex/tex.ts';
import { numberRows, sameSentence } from './explain.ts';
import type { AxisArithmetic, StrideScene } from './stride-padding.ts';

/** Rebuilt only when a number changed: the display keeps the same node otherwise. */
let lastNumbers: { key: string; node: HTMLElement } | null = null;

export function numbersTable(scene: StrideScene): HTMLElement {
  const g = scene.geometry;
  const rows = numberRows(scene.counts, { input: g.input, padded: scene.padded, window: g.window, output: g.output });
  const key = JSON.stringify(rows);
  if (lastNumbers?.key === key) return lastNumbers.node;
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', 'Shapes, cells seen and multiply-adds');
  const table = document.createElement('table');
  table.className = 'data-table sp-numbers';
  const caption = document.createElement('caption');
  caption.textContent = 'The convolution in numbers (one input feature map, one filter)';
  const body = document.createElement('tbody');
  for (const row of rows) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = row.label;
    const value = document.createElement('td');
    value.className = 'sp-numbers__value';
    value.textContent = row.value;
    const detail = document.createElement('td');
    detail.className = 'sp-numbers__detail';
    detail.textContent = row.detail ?? '';
    tr.append(th, value, detail);
    body.append(tr);
  }
  table.append(caption, body);
  wrap.append(table);
  lastNumbers = { key, node: wrap };
  return wrap;
}

let lastSame: { key: string; node: HTMLElement } | null = null;

export function sameList(rows: readonly AxisArithmetic[]): HTMLElement {
  const used = rows.filter((row) => row.used);
  const key = used.map((row) => `${row.same.holds && row.stride === 1}|${sameSentence(row)}`).join('\n');
  if (lastSame?.key === key) return lastSame.node;
  const list = document.createElement('ul');
  list.className = 'sp-same';
  for (const row of used) {
    const item = document.createElement('li');
    item.classList.toggle('is-same', row.same.holds && row.stride === 1);
    prose(item, sameSentence(row));
    list.append(item);
  }
  lastSame = { key, node: list };
  return list;
}

/**
 * Shows the controls of the axes the input has and hides the others, and
 * says what the hidden ones are fixed at. `groups` are the per-axis control
 * groups, x, y, z.
 */
export function axisControlsNote(dims: number, groups: readonly HTMLElement[]): HTMLElement {
  groups.forEach((group, a) => {
    group.hidden = a >= dims;
  });
  const note = document.createElement('p');
  note.className = 'sp-axes-note';
  const unused = ['x', 'y', 'z'].slice(dims);
  note.textContent =
    unused.length === 0
      ? 'A block model has all three axes: each has its own input size, filter size, stride and padding.'
      : `A ${dims}D input has no ${unused.join(' or ')} axis: there the input is 1 cell, the filter 1 cell, the stride 1 and the padding 0, so the output is 1 cell too. Those sliders are hidden.`;
  return note;
}
