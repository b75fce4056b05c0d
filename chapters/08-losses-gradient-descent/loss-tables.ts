/**
 * The two tables of the loss lab: one row per class (score, p-hat with a bar,
 * p, the term -p(k) log p-hat(k), the gradient) with the sum, and one row per
 * regression output (prediction, target, squared error, gradient) with the
 * mean. The column heads are the equation terms they show: pointing at one
 * lights the term in eq. 10 and in the code. Numbers come from lab.ts; text
 * only through textContent.
 */
import type { TermBus } from '../../src/notebook/index.ts';
import { formatValue, roundingFloor } from '../../src/viz/paint/format.ts';
import { linkTerm } from '../../src/viz/tex/term-link.ts';
import type { Classification, Regression } from './lab.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

const num = (v: number, digits = 3): string => formatValue(v, { digits });

interface Head {
  readonly text: string;
  readonly term?: string;
  readonly numeric?: boolean;
  /** For a column without a visible heading (the bars): its name for screen readers. */
  readonly hidden?: string;
}

function table(caption: string, heads: readonly Head[], bus: TermBus): { table: HTMLElement; body: HTMLTableSectionElement; foot: HTMLTableSectionElement } {
  const t = element('table', 'lgd-table');
  t.append(element('caption', undefined, caption));
  // Scrolls sideways on a phone; focusable so the keyboard can scroll it.
  const scroller = element('div', 'lgd-scroll');
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', caption);
  scroller.append(t);
  const tr = element('tr');
  for (const h of heads) {
    const th = element('th', h.text === '' ? 'lgd-bar' : h.numeric ? 'number' : undefined, h.text);
    th.scope = 'col';
    if (h.hidden) th.append(element('span', 'visually-hidden', h.hidden));
    if (h.term) {
      th.tabIndex = 0;
      linkTerm(th, h.term, bus);
    }
    tr.append(th);
  }
  const head = element('thead');
  head.append(tr);
  const body = element('tbody');
  const foot = element('tfoot');
  t.append(head, body, foot);
  return { table: scroller, body, foot };
}

function cells(tr: HTMLTableRowElement, values: readonly string[], numericFrom: number): void {
  tr.replaceChildren(
    ...values.map((v, i) => {
      const td = element(i === 0 ? 'th' : 'td', i >= numericFrom ? 'number' : undefined, v);
      if (i === 0) (td as HTMLTableCellElement).scope = 'row';
      return td;
    }),
  );
}

export interface CeTable {
  readonly node: HTMLElement;
  update(c: Classification): void;
  dispose(): void;
}

export function ceTable(container: HTMLElement, bus: TermBus): CeTable {
  const node = element('div', 'lgd-lab');
  const { table: t, body, foot } = table(
    'Cross-entropy of the scores you set against the true class',
    [
      { text: 'Class k' },
      { text: 'Score sₖ', numeric: true },
      { text: 'p̂(k)', term: 'phat', numeric: true },
      { text: '', hidden: 'p̂(k) as a bar' },
      { text: 'p(k)', term: 'p', numeric: true },
      { text: '−p(k) log p̂(k)', term: 'L', numeric: true },
      { text: '∂CE/∂sₖ', term: 'dL', numeric: true },
    ],
    bus,
  );
  const headline = element('p', 'lgd-headline');
  node.append(headline, t);
  container.append(node);
  return {
    node,
    update(c) {
      const rows = c.rows.map((r) => {
        const tr = element('tr');
        tr.dataset.kind = r.kind;
        if (r.p > 0) tr.classList.add('is-true');
        cells(tr, [r.label, num(r.score), num(r.phat, 4), '', num(r.p), num(r.term, 4), num(r.grad, 4)], 1);
        const barCell = tr.children[3]!;
        barCell.className = 'lgd-bar';
        const bar = element('span', 'lgd-bar__fill');
        bar.style.width = `${(100 * r.phat).toFixed(2)}%`;
        barCell.append(bar);
        return tr;
      });
      body.replaceChildren(...rows);
      const tr = element('tr');
      cells(tr, ['Sum over k', '', num(c.rows.reduce((s, r) => s + r.phat, 0), 4), '', '1', num(c.termSum, 4), formatValue(c.rows.reduce((s, r) => s + r.grad, 0), { digits: 3, zeroBelow: roundingFloor(c.rows.map((r) => r.grad)) })], 1);
      tr.children[3]!.className = 'lgd-bar';
      foot.replaceChildren(tr);
      const truth = c.rows.find((r) => r.p > 0)!;
      headline.textContent = `CE = ${num(c.ce, 4)}: the network gives the true class, ${truth.label}, a probability p̂ = ${num(truth.phat, 4)}, and −log ${num(truth.phat, 4)} = ${num(c.ce, 4)}.`;
    },
    dispose() {
      node.remove();
    },
  };
}

export interface MseTable {
  readonly node: HTMLElement;
  update(r: Regression): void;
  dispose(): void;
}

export function mseTable(container: HTMLElement, bus: TermBus): MseTable {
  const node = element('div', 'lgd-lab');
  const { table: t, body, foot } = table(
    'Squared errors of the two outputs you set against the targets of the section',
    [
      { text: 'Output k' },
      { text: 'ŷₖ', term: 'yhat', numeric: true },
      { text: 'yₖ', term: 'y', numeric: true },
      { text: '(ŷₖ − yₖ)²', term: 'L', numeric: true },
      { text: '∂MSE/∂ŷₖ', term: 'dL', numeric: true },
    ],
    bus,
  );
  const headline = element('p', 'lgd-headline');
  node.append(headline, t);
  container.append(node);
  return {
    node,
    update(r) {
      body.replaceChildren(
        ...r.rows.map((o) => {
          const tr = element('tr');
          tr.dataset.output = o.name;
          const unit = o.unit === 'degrees' ? '°' : '';
          cells(tr, [`${o.name} (${o.unit})`, `${num(o.yhat)}${unit}`, `${num(o.y)}${unit}`, num(o.squared, 4), num(o.grad, 4)], 1);
          return tr;
        }),
      );
      const tr = element('tr');
      cells(tr, ['Mean over P = 2', '', '', num(r.mse, 4), ''], 1);
      foot.replaceChildren(tr);
      const [a, b] = r.rows as [Regression['rows'][0], Regression['rows'][0]];
      const share = a.squared + b.squared > 0 ? num((100 * b.squared) / (a.squared + b.squared)) : '0';
      headline.textContent = `MSE = ${num(r.mse, 4)}, of which the dip's error makes ${share}%: in degrees it is measured on a scale 65 times wider than net-to-gross.`;
    },
    dispose() {
      node.remove();
    },
  };
}
