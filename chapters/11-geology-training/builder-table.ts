/**
 * The builder's read-out: every layer of the planned network with the size
 * of its output (eq. 2 written out with its numbers for convolutions and
 * pooling) and its parameter count, and the total. Rows name their terms,
 * so pointing at W^m in an equation marks the convolution rows and pointing
 * at a row marks the equations. Rows are rewritten only where their text
 * changed, so a slider step costs little.
 */
import type { TermBus } from '../../src/notebook/index.ts';
import { formatCount } from '../../src/viz/paint/format.ts';
import type { BuildResult, BuiltNetwork } from './builder.ts';

export interface BuilderTable {
  readonly node: HTMLElement;
  update(result: BuildResult): void;
  dispose(): void;
}

const shapeText = (shape: readonly number[]): string => shape.map(formatCount).join(' × ');

function cell(tag: 'td' | 'th', className = ''): HTMLTableCellElement {
  const c = document.createElement(tag);
  if (className) c.className = className;
  if (tag === 'th') c.scope = 'row';
  return c;
}

const setText = (el: HTMLElement, text: string): void => {
  if (el.textContent !== text) el.textContent = text;
};

export function builderTable(container: HTMLElement, bus: TermBus): BuilderTable {
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap gt-builder';
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', 'Layers of the network, their output sizes and parameters');
  const table = document.createElement('table');
  table.className = 'data-table gt-table';
  const caption = document.createElement('caption');
  caption.textContent = 'The network as the model plans it: output size of every layer (eq. 2) and its parameters';
  const head = document.createElement('thead');
  const hr = document.createElement('tr');
  for (const [text, cls] of [['#', 'number'], ['Layer', ''], ['Makes', ''], ['Output size', ''], ['Eq. 2 along x', 'gt-eq2'], ['Params', 'number']] as const) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    if (cls) th.className = cls;
    hr.append(th);
  }
  head.append(hr);
  const body = document.createElement('tbody');
  const foot = document.createElement('tfoot');
  const totalRow = document.createElement('tr');
  const totalLabel = cell('td');
  totalLabel.colSpan = 5;
  const totalValue = cell('td', 'number');
  totalRow.append(totalLabel, totalValue);
  foot.append(totalRow);
  table.append(caption, head, body, foot);
  wrap.append(table);
  // A refused network: the reason in words above the layers that were asked for.
  const refusal = document.createElement('p');
  refusal.className = 'gt-refusal';
  refusal.setAttribute('role', 'alert');
  refusal.hidden = true;
  container.append(refusal, wrap);

  const inputRow = document.createElement('tr');
  inputRow.dataset.terms = 'X';
  const inputCells = [cell('td', 'number'), cell('th'), cell('td'), cell('td'), cell('td', 'gt-eq2'), cell('td', 'number')];
  inputRow.append(...inputCells);
  inputCells[1]!.textContent = 'input';
  inputCells[2]!.textContent = 'X = H⁰';
  inputCells[5]!.textContent = '0';
  body.append(inputRow);

  const paint = (active: string | null): void => {
    for (const row of body.rows) row.classList.toggle('is-term-active', active !== null && row.dataset.terms === active);
  };
  const unsubscribe = bus.subscribe(paint);
  body.addEventListener('pointerover', (event) => {
    const row = (event.target as Element).closest('tr');
    if (row?.dataset.terms) bus.highlight(row.dataset.terms);
  });
  body.addEventListener('pointerleave', () => bus.highlight(null));

  return {
    node: wrap,
    update(result) {
      const net: BuiltNetwork | null = 'net' in result ? result.net : null;
      const rows = net
        ? net.rows.map((r) => ({ term: r.term, makes: r.makes, label: r.label, shape: shapeText(r.outShape), eq2: r.eq2 ?? '', params: formatCount(r.parameters) }))
        : (result as Extract<BuildResult, { error: unknown }>).labels.map((label) => ({ term: '', makes: '', label, shape: '—', eq2: '', params: '—' }));
      refusal.hidden = net !== null;
      refusal.classList.toggle('cell-error', net === null);
      setText(refusal, net ? '' : (result as Extract<BuildResult, { error: unknown }>).error.message);
      setText(inputCells[3]!, shapeText(net ? net.inputShape : (result as Extract<BuildResult, { error: unknown }>).inputShape));
      while (body.rows.length > rows.length + 1) body.deleteRow(-1);
      while (body.rows.length < rows.length + 1) {
        const tr = document.createElement('tr');
        tr.append(cell('td', 'number'), cell('th'), cell('td'), cell('td'), cell('td', 'gt-eq2'), cell('td', 'number'));
        body.append(tr);
      }
      rows.forEach((r, i) => {
        const tr = body.rows[i + 1]!;
        tr.dataset.terms = r.term;
        tr.classList.toggle('gt-row--makes', r.makes !== '');
        const c = tr.cells;
        setText(c[0]!, String(i + 1));
        setText(c[1]!, r.label);
        setText(c[2]!, r.makes);
        setText(c[3]!, r.shape);
        setText(c[4]!, r.eq2);
        setText(c[5]!, r.params);
      });
      setText(totalLabel, net ? `Total: ${net.rows.length} layers, ${formatCount(net.activationValues)} values in the hidden layers of one sample` : `${rows.length} layers asked for; the network cannot be built`);
      setText(totalValue, net ? formatCount(net.parameterCount) : '—');
      paint(bus.active);
    },
    dispose() {
      unsubscribe();
      wrap.remove();
    },
  };
}

/** The table's text alternative. */
export function describeBuilder(result: BuildResult): string {
  if (!('net' in result)) return `A table of the ${result.labels.length} layers asked for, without sizes: ${result.error.message}`;
  const net = result.net;
  const hidden = net.rows.filter((r) => r.makes.startsWith('H')).map((r) => `${r.makes} ${r.outShape.join(' by ')}`);
  return `The network has ${net.rows.length} layers and ${net.parameterCount} parameters. Input ${net.inputShape.join(' by ')}; hidden layers ${hidden.join(', ')}; ${net.rows.at(-1)!.outShape[0]} class scores.`;
}
