/**
 * The layer stack as a table: every layer the model plans, its output shape
 * (eq. 2 through the stack) and parameter count, with the total. It is also
 * the diagram's text equivalent. Rows name their terms, so hovering W^m in an
 * equation marks the convolution rows, and hovering a row marks the equation.
 */
import type { LayerSpec } from '../../src/model/index.ts';
import type { TermBus } from '../../src/notebook/index.ts';
import { sizeOf } from '../../src/tensor/index.ts';
import type { Architecture } from './architecture.ts';
import { formatCount, formatShape, subscript, superscript } from './format.ts';

const TERMS_OF: Readonly<Record<LayerSpec['type'], readonly string[]>> = {
  conv: ['W', 'b'],
  batchnorm: ['BN'],
  activation: ['g'],
  pool: ['pool'],
  flatten: ['Vec'],
  dense: ['WFC', 'bf'],
};

export interface ShapeTable {
  readonly node: HTMLElement;
  update(arch: Architecture): void;
  dispose(): void;
}

function cell(tag: 'td' | 'th', text: string, className?: string): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  if (tag === 'th') element.scope = 'row';
  return element;
}

export function shapeTable(container: HTMLElement, bus: TermBus): ShapeTable {
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  // Wide on a phone: scrollable, so focusable for the keyboard.
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', 'Layers, shapes and parameters');
  const table = document.createElement('table');
  table.className = 'data-table';
  const caption = document.createElement('caption');
  caption.textContent = 'Every layer of the network, as the model plans it';
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  for (const [text, cls] of [['#', 'number'], ['Layer', ''], ['Makes', ''], ['Output shape', ''], ['Parameters', 'number']] as const) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    if (cls) th.className = cls;
    headRow.append(th);
  }
  head.append(headRow);
  const body = document.createElement('tbody');
  const foot = document.createElement('tfoot');
  table.append(caption, head, body, foot);
  wrap.append(table);
  container.append(wrap);

  const paint = (active: string | null): void => {
    for (const row of body.querySelectorAll<HTMLElement>('tr[data-terms]')) {
      row.classList.toggle('is-term-active', active !== null && row.dataset.terms!.split(' ').includes(active));
    }
  };
  const unsubscribe = bus.subscribe(paint);
  /** The rows drawn, by what they read: a row that reads the same after an update is kept, not rebuilt. */
  let drawn = new Map<string, HTMLTableRowElement>();
  let kept = new Map<string, HTMLTableRowElement>();
  const reuse = (key: string, build: () => HTMLTableRowElement): HTMLTableRowElement => {
    const row = drawn.get(key) ?? build();
    kept.set(key, row);
    return row;
  };

  return {
    node: wrap,
    update(arch) {
      const rows: HTMLTableRowElement[] = [];
      kept = new Map();
      const inputShape = formatShape(arch.input);
      rows.push(
        reuse(`input|${inputShape}`, () => {
          const input = document.createElement('tr');
          input.dataset.terms = 'X';
          input.append(cell('td', '', 'number'), cell('th', 'input'), cell('td', 'X'), cell('td', inputShape), cell('td', '0', 'number'));
          return input;
        }),
      );
      // The last layer of each block makes H^m; the last dense layer makes the scores.
      const makes = new Map<number, string>();
      for (const h of arch.hidden) makes.set(h.stages[h.stages.length - 1]!.layer.index, `H${superscript(h.m)}`);
      let f = 0;
      for (const layer of arch.layers) {
        if (layer.spec.type === 'flatten') makes.set(layer.index, 'FC₀');
        if (layer.spec.type === 'dense') makes.set(layer.index, `FC${subscript(++f)}`);
      }
      for (const layer of arch.layers) {
        const type = layer.spec.type;
        const texts = [String(layer.index + 1), layer.label, makes.get(layer.index) ?? '', formatShape(layer.outShape), formatCount(layer.params.reduce((sum, p) => sum + sizeOf(p.shape), 0))] as const;
        rows.push(
          reuse(`${type}|${texts.join('|')}`, () => {
            const row = document.createElement('tr');
            row.dataset.terms = TERMS_OF[type].join(' ');
            row.append(cell('td', texts[0], 'number'), cell('th', texts[1]), cell('td', texts[2]), cell('td', texts[3]), cell('td', texts[4], 'number'));
            row.addEventListener('pointerenter', () => bus.highlight(TERMS_OF[type][0]!));
            row.addEventListener('pointerleave', () => bus.highlight(null));
            return row;
          }),
        );
      }
      drawn = kept;
      const same = rows.length === body.children.length && rows.every((row, i) => body.children[i] === row);
      if (!same) body.replaceChildren(...rows);
      const total = document.createElement('tr');
      const label = cell('td', `Total: ${arch.layers.length} layers`);
      label.colSpan = 4;
      total.append(label, cell('td', formatCount(arch.parameterCount), 'number'));
      foot.replaceChildren(total);
      paint(bus.active);
    },
    dispose() {
      unsubscribe();
      wrap.remove();
    },
  };
}
