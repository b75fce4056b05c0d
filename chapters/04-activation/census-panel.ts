/**
 * The live count of units outside the active zone: a headline for the
 * chosen g, and a table of the same pre-activations through all three
 * functions, each row with a bar split into units below, inside and above
 * the zone.
 */
import type { ActivationKind } from '../../src/nn/activation.ts';
import type { TermBus } from '../../src/notebook/index.ts';
import { formatCount, formatValue } from '../../src/viz/paint/format.ts';
import { linkTerm } from '../../src/viz/tex/term-link.ts';
import { inactive, type Census } from './census.ts';
import { ACTIVATION_NAMES, inactiveWord, percent, zoneText } from './names.ts';
import { maxSlope } from './zone.ts';

export interface CensusHeadline {
  readonly node: HTMLElement;
  update(chosen: Census): void;
  dispose(): void;
}

export interface CensusTable {
  readonly node: HTMLElement;
  update(all: readonly Census[], kind: ActivationKind): void;
  dispose(): void;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

interface Row {
  readonly tr: HTMLTableRowElement;
  readonly cells: HTMLTableCellElement[];
  readonly activeBar: HTMLElement;
  readonly belowBar: HTMLElement;
  readonly aboveBar: HTMLElement;
}

const KINDS: readonly ActivationKind[] = ['sigmoid', 'tanh', 'relu'];

/** "66% of the 3 456 units are dead under ReLU", and the mean slope. */
export function censusHeadline(container: HTMLElement): CensusHeadline {
  const node = element('div', 'act-census act-census--headline');
  const headline = element('p', 'act-census__headline');
  const big = element('span', 'act-census__big');
  const rest = element('span', 'act-census__rest');
  headline.append(big, rest);
  const slope = element('p', 'act-census__slope');
  node.append(headline, slope);
  container.append(node);
  return {
    node,
    update(chosen) {
      const { kind } = chosen;
      const out = inactive(chosen);
      big.textContent = percent(out, chosen.units);
      rest.textContent = ` of the ${formatCount(chosen.units)} units are ${inactiveWord(kind)} under ${ACTIVATION_NAMES[kind]}: ${formatCount(out)} units${
        kind === 'relu' ? ' with z ≤ 0, whose gradient is exactly 0' : ' where g′(z) is below 5% of its peak'
      }.`;
      slope.textContent = `Mean slope g′(z) over the layer: ${formatValue(chosen.meanSlope)}, ${percent(chosen.meanSlope, maxSlope(kind))} of the steepest slope ${ACTIVATION_NAMES[kind]} has (${formatValue(maxSlope(kind))}).`;
    },
    dispose() {
      node.remove();
    },
  };
}

/** The three functions side by side over the same pre-activations; the chosen row marked. */
export function censusTable(container: HTMLElement, bus: TermBus): CensusTable {
  const node = element('div', 'act-census');
  const wrap = element('div', 'table-wrap');
  // Scrolls sideways on a phone: focusable so the keyboard can scroll it.
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', 'Units inside and outside the active zone of each function');
  const table = element('table', 'data-table act-census__table');
  const caption = element('caption', undefined, 'The same pre-activations through each function');
  const head = element('thead');
  const headRow = element('tr');
  const titles: Array<[string, string]> = [
    ['g', ''],
    ['active zone', ''],
    ['active', 'number'],
    ['low or dead', 'number'],
    ['high', 'number'],
    ['mean g′(z)', 'number'],
    ['low | active | high', ''],
  ];
  for (const [title, cls] of titles) {
    const th = element('th', cls || undefined, title);
    th.scope = 'col';
    headRow.append(th);
  }
  head.append(headRow);
  const body = element('tbody');
  const disposers: Array<() => void> = [];
  const rows = new Map<ActivationKind, Row>();
  for (const kind of KINDS) {
    const tr = element('tr');
    tr.dataset.kind = kind;
    const name = element('th', undefined, ACTIVATION_NAMES[kind]);
    name.scope = 'row';
    const zone = element('td', 'act-census__zone', zoneText(kind));
    const cells = [element('td', 'number'), element('td', 'number'), element('td', 'number'), element('td', 'number')];
    const barCell = element('td', 'act-census__bar-cell');
    const bar = element('span', 'act-census__bar');
    bar.setAttribute('aria-hidden', 'true');
    const activeBar = element('span', 'act-census__seg act-census__seg--active');
    const belowBar = element('span', 'act-census__seg act-census__seg--inactive');
    const aboveBar = element('span', 'act-census__seg act-census__seg--inactive act-census__seg--above');
    bar.append(belowBar, activeBar, aboveBar);
    barCell.append(bar);
    tr.append(name, zone, ...cells, barCell);
    body.append(tr);
    rows.set(kind, { tr, cells, activeBar, belowBar, aboveBar });
    disposers.push(linkTerm(tr, kind, bus));
  }
  table.append(caption, head, body);
  wrap.append(table);
  node.append(wrap);
  container.append(node);

  return {
    node,
    update(all, kind) {
      for (const c of all) {
        const row = rows.get(c.kind)!;
        row.tr.classList.toggle('is-chosen', c.kind === kind);
        row.cells[0]!.textContent = percent(c.active, c.units);
        row.cells[1]!.textContent = percent(c.below, c.units);
        row.cells[2]!.textContent = c.kind === 'relu' ? '—' : percent(c.above, c.units);
        row.cells[3]!.textContent = formatValue(c.meanSlope);
        const share = (n: number) => `${c.units > 0 ? (100 * n) / c.units : 0}%`;
        row.belowBar.style.width = share(c.below);
        row.activeBar.style.width = share(c.active);
        row.aboveBar.style.width = share(c.above);
      }
    },
    dispose() {
      disposers.forEach((dispose) => dispose());
      node.remove();
    },
  };
}
