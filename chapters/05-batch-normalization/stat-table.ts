/**
 * A table of numbers per feature map, built once and updated in place. A
 * column that shows an equation term has its header linked to the term bus:
 * pointing at μ in the equation marks the μ column, and pointing at the
 * column's header marks μ in the equations and the code. The row of the map
 * the 3D views show is marked.
 */
import { linkTerm, type TermBus } from '../../src/notebook/index.ts';

export interface Column<R> {
  readonly label: string;
  /** A short explanation under the label (units, mode). */
  readonly sub?: string;
  readonly term?: string;
  /** The cell's text. */
  readonly value: (row: R) => string;
  /** Right-aligned numbers (default) or text. */
  readonly text?: boolean;
}

export interface StatTable<R> {
  readonly node: HTMLElement;
  update(rows: readonly R[], selected: number): void;
  dispose(): void;
}

export function statTable<R>(container: HTMLElement, bus: TermBus, caption: string, columns: readonly Column<R>[]): StatTable<R> {
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap bn-table';
  // Wide on a phone: scrollable, so focusable for the keyboard.
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', caption);
  const table = document.createElement('table');
  table.className = 'data-table';
  const captionNode = document.createElement('caption');
  captionNode.textContent = caption;
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  const disposers: Array<() => void> = [];
  const termCells: { index: number; term: string }[] = [];
  columns.forEach((column, i) => {
    const th = document.createElement('th');
    th.scope = 'col';
    if (!column.text) th.className = 'number';
    const label = document.createElement('span');
    label.className = 'bn-table__label';
    label.textContent = column.label;
    th.append(label);
    if (column.sub) {
      const sub = document.createElement('span');
      sub.className = 'bn-table__sub';
      sub.textContent = column.sub;
      th.append(sub);
    }
    if (column.term) {
      disposers.push(linkTerm(th, column.term, bus));
      termCells.push({ index: i, term: column.term });
    }
    headRow.append(th);
  });
  head.append(headRow);
  const body = document.createElement('tbody');
  table.append(captionNode, head, body);
  wrap.append(table);
  container.append(wrap);

  // A highlighted term marks its whole column.
  disposers.push(
    bus.subscribe((active) => {
      for (const row of body.rows) {
        for (const { index, term } of termCells) row.cells[index]?.classList.toggle('is-term-active', active === term);
      }
    }),
  );

  return {
    node: wrap,
    update(rows, selected) {
      // Rows are rebuilt only when their number changes; otherwise only texts and marks change.
      if (body.rows.length !== rows.length) {
        const trs = rows.map(() => {
          const tr = document.createElement('tr');
          columns.forEach((column, i) => {
            const cell = document.createElement(i === 0 ? 'th' : 'td');
            if (i === 0) (cell as HTMLTableCellElement).scope = 'row';
            if (!column.text) cell.className = 'number';
            if (column.term && bus.active === column.term) cell.classList.add('is-term-active');
            tr.append(cell);
          });
          return tr;
        });
        body.replaceChildren(...trs);
      }
      rows.forEach((row, r) => {
        const tr = body.rows[r]!;
        tr.classList.toggle('is-selected', r === selected);
        columns.forEach((column, i) => {
          const text = column.value(row);
          const cell = tr.cells[i]!;
          if (cell.textContent !== text) cell.textContent = text;
        });
      });
    },
    dispose() {
      disposers.forEach((d) => d());
      wrap.remove();
    },
  };
}
