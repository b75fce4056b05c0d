/**
 * The read-out of every optimizer at update t, one card each: theta_t and
 * L, the gradient it used, its running quantities (V, G, E[g^2], m, V,
 * m-hat, V-hat), the effective rate per coordinate (and what it multiplies)
 * and the step taken, coordinate by coordinate. Each row is linked to its
 * equation term: pointing at V in eq. 12 marks Momentum's velocity here, and
 * pointing at the row marks V in the equation and the code. Cards are kept
 * per optimizer and updated in place.
 */
import { linkTerm, type TermBus } from '../../src/notebook/index.ts';
import { formatNumber } from './format.ts';
import type { StateRow } from './inspect.ts';

export interface StateTable {
  readonly node: HTMLElement;
  update(rows: readonly StateRow[], t: number): void;
  dispose(): void;
}

interface Line {
  readonly key: string;
  readonly name: string;
  readonly term?: string;
  readonly values: readonly number[] | null;
}

interface Card {
  readonly node: HTMLElement;
  readonly swatch: HTMLElement;
  readonly title: HTMLElement;
  readonly loss: HTMLElement;
  readonly note: HTMLElement;
  readonly body: HTMLTableSectionElement;
  layout: string;
  disposers: Array<() => void>;
}

const DASH = '—';

function linesOf(row: StateRow): Line[] {
  return [
    { key: 'theta', name: 'Θₜ', term: 'theta', values: row.theta },
    { key: 'grad', name: '∇L used', term: 'grad', values: row.grad },
    ...row.quantities.map((q) => ({ key: q.term, name: q.name, term: q.term, values: q.values })),
    { key: 'rate', name: `rate × ${row.rate?.on ?? '∇L'}`, term: 'alpha', values: row.rate?.values ?? null },
    { key: 'step', name: 'step', values: row.step },
  ];
}

export function stateTable(container: HTMLElement, bus: TermBus): StateTable {
  const node = document.createElement('div');
  node.className = 'opt-state';
  node.setAttribute('role', 'region');
  node.setAttribute('aria-label', 'The state of every optimizer at update t');
  const heading = document.createElement('p');
  heading.className = 'opt-state__heading';
  const grid = document.createElement('div');
  grid.className = 'opt-state__cards';
  node.append(heading, grid);
  container.append(node);
  const cards = new Map<string, Card>();

  function cardFor(id: string): Card {
    const existing = cards.get(id);
    if (existing) return existing;
    const article = document.createElement('article');
    article.className = 'opt-card';
    const header = document.createElement('header');
    header.className = 'opt-card__header';
    const swatch = document.createElement('span');
    swatch.className = 'opt-swatch';
    swatch.setAttribute('aria-hidden', 'true');
    const title = document.createElement('h4');
    title.className = 'opt-card__title';
    const loss = document.createElement('span');
    loss.className = 'opt-card__loss';
    const note = document.createElement('p');
    note.className = 'opt-card__note';
    header.append(swatch, title, loss);
    const table = document.createElement('table');
    table.className = 'opt-card__table';
    const head = table.createTHead().insertRow();
    for (const text of ['Quantity', 'θ₁', 'θ₂']) {
      const th = document.createElement('th');
      th.scope = 'col';
      if (text === 'Quantity') {
        const hidden = document.createElement('span');
        hidden.className = 'visually-hidden';
        hidden.textContent = text;
        th.append(hidden);
      } else {
        th.textContent = text;
      }
      head.append(th);
    }
    const body = table.createTBody();
    article.append(header, note, table);
    const card: Card = { node: article, swatch, title, loss, note, body, layout: '', disposers: [] };
    cards.set(id, card);
    return card;
  }

  function writeLines(card: Card, lines: readonly Line[]): void {
    const layout = lines.map((l) => `${l.key}:${l.name}`).join('|');
    if (layout !== card.layout) {
      card.disposers.forEach((d) => d());
      card.disposers = [];
      card.body.replaceChildren();
      for (const line of lines) {
        const tr = card.body.insertRow();
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = line.name;
        tr.append(th, document.createElement('td'), document.createElement('td'));
        if (line.term) card.disposers.push(linkTerm(tr, line.term, bus));
      }
      card.layout = layout;
    }
    lines.forEach((line, i) => {
      const cells = card.body.rows[i]!.cells;
      cells[1]!.textContent = line.values ? formatNumber(line.values[0]!) : DASH;
      cells[2]!.textContent = line.values ? formatNumber(line.values[1]!) : DASH;
    });
  }

  return {
    node,
    update(rows, t) {
      heading.textContent = `Every optimizer after update t = ${t}. Point at a row to find its term in the equations.`;
      const wanted = new Set(rows.map((r) => r.id));
      for (const [id, card] of cards) {
        if (wanted.has(id)) continue;
        card.disposers.forEach((d) => d());
        card.node.remove();
        cards.delete(id);
      }
      rows.forEach((row, i) => {
        const card = cardFor(row.id);
        if (grid.children[i] !== card.node) grid.insertBefore(card.node, grid.children[i] ?? null);
        card.swatch.style.background = row.color;
        card.title.textContent = row.label;
        card.loss.textContent = `L = ${formatNumber(row.loss)}`;
        card.note.textContent = row.stopped ? `Stopped at update ${row.t}; the read-out is its last.` : '';
        card.note.hidden = !row.stopped;
        writeLines(card, linesOf(row));
      });
    },
    dispose() {
      for (const card of cards.values()) card.disposers.forEach((d) => d());
      node.remove();
    },
  };
}
