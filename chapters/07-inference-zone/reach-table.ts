/**
 * For each output activation of the regression head: the values it can
 * produce, the share of the data set's targets inside that range, and the
 * share of a standard normal variable inside it (the paper's "normal
 * gaussian" outputs). The chosen activation's row is marked.
 */
import { formatPercent } from './format.ts';
import { OUTPUT_KINDS, OUTPUT_NAMES, OUTPUT_RANGES, gaussianShare, reachOf, type OutputKind, type TargetView } from './regression.ts';

let titleCount = 0;

function cell(tag: 'td' | 'th', text: string, className?: string): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

export function reachTable(view: TargetView, chosen: OutputKind): HTMLElement {
  const table = document.createElement('table');
  table.className = 'data-table reach-table';
  const caption = document.createElement('p');
  caption.className = 'table-title';
  caption.id = `reach-table-${++titleCount}`;
  table.setAttribute('aria-labelledby', caption.id);
  caption.textContent = `Which targets each output activation can produce: ${view.values.length} samples of ${view.label}.`;
  const head = document.createElement('thead');
  const hr = document.createElement('tr');
  for (const h of ['g of the output', 'values it can produce', 'targets inside', 'of a standard normal']) {
    const th = cell('th', h);
    th.setAttribute('scope', 'col');
    hr.append(th);
  }
  head.append(hr);
  const body = document.createElement('tbody');
  for (const kind of OUTPUT_KINDS) {
    const reach = reachOf(view.values, kind);
    const tr = document.createElement('tr');
    tr.dataset.kind = kind;
    if (kind === chosen) tr.className = 'is-current';
    const name = cell('th', OUTPUT_NAMES[kind]);
    name.setAttribute('scope', 'row');
    tr.append(name, cell('td', OUTPUT_RANGES[kind].text), cell('td', formatPercent(reach.share), `number${reach.share < 1 ? ' is-bad' : ''}`), cell('td', formatPercent(gaussianShare(kind)), 'number'));
    body.append(tr);
  }
  table.append(head, body);
  const scroll = document.createElement('div');
  scroll.className = 'table-wrap';
  scroll.tabIndex = 0;
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', 'Targets each output activation can produce');
  scroll.append(table);
  const node = document.createElement('div');
  node.append(caption, scroll);
  return node;
}
