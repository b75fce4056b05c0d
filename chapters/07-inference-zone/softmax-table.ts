/**
 * The softmax step by step, as softmaxRow in src/nn/softmax.ts computes it:
 * the largest score m, each exponent s_k - m, each e^{s_k - m}, their sum and
 * the probabilities; beside them, e^{s_k} taken directly, which overflows
 * past s = 709.78 and underflows to 0 below -745; under the table, whether
 * adding c to every score changed anything. Built from the lab's numbers.
 */
import { STRUCTURE_KINDS } from '../../src/data/index.ts';
import { formatNumber, formatPercent } from './format.ts';
import { EXP_LIMIT, type SoftmaxLab } from './softmax-lab.ts';

let titleCount = 0;

function cell(tag: 'td' | 'th', text: string, className?: string): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

function direct(e: number, score: number): string {
  if (!Number.isFinite(e)) return 'overflows';
  if (e === 0) return `underflows to 0`;
  return formatNumber(e) + (score > EXP_LIMIT - 20 ? ' (near the limit)' : '');
}

export function softmaxTable(lab: SoftmaxLab): HTMLElement {
  const node = document.createElement('div');
  node.className = 'softmax-table';
  const table = document.createElement('table');
  table.className = 'data-table';
  const caption = document.createElement('p');
  caption.className = 'table-title';
  caption.id = `softmax-table-${++titleCount}`;
  table.setAttribute('aria-labelledby', caption.id);
  caption.textContent = `The softmax step by step: m = max s_c = ${formatNumber(lab.max, lab.max > 100 ? 6 : 3)}, and the sum of e^(s_c − m) is ${formatNumber(lab.sum, 4)}.`;
  const head = document.createElement('thead');
  const hr = document.createElement('tr');
  for (const h of ['k', 'structure', 's_k', 's_k − m', 'e^(s_k − m)', 'p̂(k)', 'e^(s_k) directly']) {
    const th = cell('th', h);
    th.setAttribute('scope', 'col');
    hr.append(th);
  }
  head.append(hr);
  const body = document.createElement('tbody');
  for (const row of lab.rows) {
    const tr = document.createElement('tr');
    tr.append(
      cell('td', String(row.k), 'number'),
      cell('td', STRUCTURE_KINDS[row.k - 1] ?? ''),
      cell('td', formatNumber(row.score, Math.abs(row.score) > 100 ? 6 : 3), 'number'),
      cell('td', formatNumber(row.exponent), 'number'),
      cell('td', formatNumber(row.term), 'number'),
      cell('td', formatPercent(row.probability), 'number'),
      cell('td', direct(row.naiveExp, row.score), `number${Number.isFinite(row.naiveExp) && row.naiveExp > 0 ? '' : ' is-bad'}`),
    );
    body.append(tr);
  }
  table.append(head, body);
  const scroll = document.createElement('div');
  scroll.className = 'table-wrap';
  scroll.tabIndex = 0;
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', 'The softmax step by step');
  scroll.append(table);

  const notes = document.createElement('div');
  notes.className = 'softmax-notes';
  const naive = document.createElement('p');
  if (lab.naive) {
    naive.textContent = `The formula as printed, e^(s_k) / Σ e^(s_c), computed directly, gives the same probabilities here: every e^(s_k) is a finite number.`;
  } else {
    const why: string[] = [];
    if (lab.overflowing > 0) why.push(`${lab.overflowing} of the ${lab.rows.length} values e^(s_k) overflow (past s = ${formatNumber(EXP_LIMIT, 5)} they exceed the largest double, about 1.8 × 10^308)`);
    if (lab.underflowing > 0) why.push(`${lab.underflowing} of them round to 0 (below s ≈ −745)`);
    naive.textContent = `Computed directly, the formula as printed breaks down: ${why.join(' and ')}, so it divides infinity by infinity, or 0 by 0, and the result is not a number. Subtracting m first keeps every exponent at or below 0 and gives the probabilities in the table.`;
    naive.className = 'is-warning';
  }
  const shift = document.createElement('p');
  shift.textContent =
    lab.shift === 0
      ? 'Move the constant c to add the same number to every score: the probabilities do not move.'
      : `Adding c = ${formatNumber(lab.shift, 4)} to every score changed the probabilities by at most ${lab.shiftDifference === 0 ? '0: not at all' : `${formatNumber(lab.shiftDifference, 2)}, the rounding of s_k + c in double precision`}.`;
  notes.append(naive, shift);
  node.append(caption, scroll, notes);
  return node;
}
