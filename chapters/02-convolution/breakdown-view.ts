/**
 * The sum at the current position, written out: for each input map d (and
 * each z-slice of the window in 3D) the window's values, the filter's
 * weights and their element-wise products as small grids laid out like the
 * views (x to the right, y up), each with its sum; then the sum over all
 * taps and maps, plus the bias, equals the output value, checked against the
 * value conv.ts computed for the whole layer.
 *
 * Cells are tinted with the colours of the 3D views. Pointing at a cell marks
 * the same term in the input and filter views, and the other way round.
 * The skeleton is rebuilt only when the window's shape changes; moving the
 * window rewrites text and colours in place.
 */
import type { TermBus } from '../../src/notebook/index.ts';
import { linkTerm } from '../../src/viz/tex/term-link.ts';
import { colorAt, normalizeValue, rgbCss, textColorOn, type ColormapName, type RGB } from '../../src/viz/paint/colormap.ts';
import type { Breakdown, Term } from './breakdown.ts';
import type { LayerDomains } from './domains.ts';
import { formatCell, formatExact, formatNumber, formatRangeOf, superscript } from './format.ts';
import type { Dims } from './inputs.ts';
import { windowRange, type ConvLayer, type Placement } from './layer.ts';
import type { FocusedTerm, TapFocus } from './tap-focus.ts';

export interface BreakdownViewData {
  readonly layer: ConvLayer;
  readonly place: Placement;
  readonly breakdown: Breakdown;
  readonly domains: LayerDomains;
  readonly dims: Dims;
  /** m: the layer made (H^m from H^{m-1}). */
  readonly m: number;
  /** Names of the input maps ('gamma ray'), if they have any. */
  readonly mapNames?: readonly string[];
  /** What the filter explained is ('vertical gradient'). */
  readonly filterName?: string;
  /** Colour map of the input's values, as its view uses (default viridis). */
  readonly inputColormap?: 'viridis' | 'diverging';
}

export interface BreakdownView {
  readonly node: HTMLElement;
  update(data: BreakdownViewData): void;
  dispose(): void;
}

interface Grid {
  readonly wrap: HTMLElement;
  /** Cells in term order (i outer, j inner). */
  readonly cells: HTMLTableCellElement[];
}

interface GroupParts {
  readonly title: HTMLElement;
  readonly h: Grid;
  readonly w: Grid;
  readonly p: Grid;
  readonly sum: HTMLElement;
  terms: readonly Term[];
}

const scratch: RGB = [0, 0, 0];

function tint(cell: HTMLElement, value: number, domain: readonly [number, number], map: ColormapName, kind: 'sequential' | 'diverging'): void {
  const rgb = colorAt(map, normalizeValue(value, domain, kind), scratch);
  cell.style.backgroundColor = rgbCss(rgb);
  cell.style.color = textColorOn(rgb);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function breakdownView(container: HTMLElement, bus: TermBus, focus: TapFocus, label = 'Products of the window and the filter, map by map'): BreakdownView {
  const root = el('div', 'bd');
  const lead = el('p', 'bd__lead');
  const groupsEl = el('div', 'bd__groups');
  // Many maps and slices scroll inside the region: focusable, so the keyboard can scroll it.
  groupsEl.tabIndex = 0;
  groupsEl.setAttribute('role', 'region');
  groupsEl.setAttribute('aria-label', label);
  const total = el('p', 'bd-total');
  const check = el('p', 'bd-check');
  check.setAttribute('role', 'status');
  root.append(lead, groupsEl, total, check);
  container.append(root);

  const disposers: Array<() => void> = [];
  // Links of the grids, undone when the grids are rebuilt.
  let gridDisposers: Array<() => void> = [];
  let shapeKey = '';
  let groups: GroupParts[] = [];

  // The total line: Σ products + b = H^m value, parts linked to their terms.
  const sumPart = el('span', 'bd-total__part');
  const sumLabel = el('span');
  const sumValue = el('strong');
  sumPart.append(sumLabel, sumValue);
  const biasPart = el('span', 'bd-total__part');
  const biasLabel = el('span');
  const biasValue = el('strong');
  biasPart.append(biasLabel, biasValue);
  const resultPart = el('span', 'bd-total__part bd-total__result');
  const resultLabel = el('span');
  const resultValue = el('strong');
  resultPart.append(resultLabel, resultValue);
  total.append(sumPart, el('span', 'bd-op', '+'), biasPart, el('span', 'bd-op', '='), resultPart);
  disposers.push(linkTerm(biasPart, 'b', bus), linkTerm(resultPart, 'Hm', bus));

  function grid(caption: string, term: string | null, wx: number, wy: number, mark: string): Grid {
    const wrap = el('figure', 'bd-grid');
    if (term) gridDisposers.push(linkTerm(wrap, term, bus));
    const table = el('table', `bd-grid__table bd-grid__table--${mark}`);
    const cap = el('caption', 'bd-grid__caption', caption);
    table.append(cap);
    const body = el('tbody');
    const cells: HTMLTableCellElement[] = new Array(wx * wy);
    // Rows from the top: y = wy - 1 first, as in the views.
    for (let r = 0; r < wy; r++) {
      const row = el('tr');
      const j = wy - 1 - r;
      for (let i = 0; i < wx; i++) {
        const td = el('td');
        const index = i * wy + j;
        td.addEventListener('pointerenter', () => {
          const group = groups.find((g) => g.h.cells.includes(td) || g.w.cells.includes(td) || g.p.cells.includes(td));
          const t = group?.terms[index];
          if (t) focus.set({ cell: t.cell, tap: t.tap, d: t.d });
        });
        td.addEventListener('pointerleave', () => focus.set(null));
        cells[index] = td;
        row.append(td);
      }
      body.append(row);
    }
    table.append(body);
    wrap.append(table);
    return { wrap, cells };
  }

  function build(data: BreakdownViewData): void {
    const [wx, wy] = data.layer.geometry.window;
    gridDisposers.forEach((d) => d());
    gridDisposers = [];
    groupsEl.replaceChildren();
    groups = data.breakdown.groups.map(() => {
      const section = el('section', 'bd-group');
      const title = el('h4', 'bd-group__title');
      const row = el('div', 'bd-group__row');
      const h = grid('window', 'H', wx, wy, 'h');
      const w = grid('filter', 'W', wx, wy, 'w');
      const p = grid('products', null, wx, wy, 'p');
      const sum = el('p', 'bd-group__sum');
      row.append(h.wrap, el('span', 'bd-op', '×'), w.wrap, el('span', 'bd-op', '='), p.wrap, sum);
      section.append(title, row);
      groupsEl.append(section);
      return { title, h, w, p, sum, terms: [] };
    });
  }

  function markFocus(t: FocusedTerm | null): void {
    for (const g of groups) {
      g.terms.forEach((term, index) => {
        const on = t !== null && term.d === t.d && term.tap.every((v, a) => v === t.tap[a]);
        g.h.cells[index]!.classList.toggle('is-focus', on);
        g.w.cells[index]!.classList.toggle('is-focus', on);
        g.p.cells[index]!.classList.toggle('is-focus', on);
      });
    }
  }
  disposers.push(focus.subscribe(markFocus));

  return {
    node: root,
    update(data) {
      const { layer, place, breakdown: bd, domains, dims, m } = data;
      const [wx, wy, wz] = layer.geometry.window;
      const key = `${bd.groups.length}|${wx}|${wy}`;
      if (key !== shapeKey) {
        build(data);
        shapeKey = key;
      }
      const up = superscript(m - 1);
      const here = superscript(m);
      const { from, to } = windowRange(layer, place.corner);
      const filterText = `filter ${place.filter + 1}${data.filterName ? ` (${data.filterName})` : ''}`;
      lead.textContent =
        `Position ${place.position} of ${place.count}. The window covers ${formatRangeOf(from, to, dims)} of H${up}` +
        `${layer.geometry.depth > 1 ? `, in all ${layer.geometry.depth} maps` : ''}; ${filterText} turns it into H${here} at ${formatCell(place.output, dims)}, feature map c = ${place.filter}.`;

      const inputMap = data.inputColormap ?? 'viridis';
      let maxProduct = 0;
      for (const t of bd.terms) maxProduct = Math.max(maxProduct, Math.abs(t.product));
      const productDomain: [number, number] = [-maxProduct, maxProduct];
      bd.groups.forEach((group, gi) => {
        const parts = groups[gi]!;
        parts.terms = group.terms;
        const mapName = data.mapNames?.[group.d];
        parts.title.textContent =
          `Map d = ${group.d}${mapName ? ` · ${mapName}` : ''}` + (wz > 1 ? ` · window slice k = ${group.k} (z = ${place.corner[2] + group.k})` : '');
        group.terms.forEach((t, index) => {
          const h = parts.h.cells[index]!;
          const w = parts.w.cells[index]!;
          const p = parts.p.cells[index]!;
          h.textContent = formatNumber(t.h);
          w.textContent = formatNumber(t.w);
          p.textContent = formatNumber(t.product);
          tint(h, t.h, domains.input, inputMap, inputMap === 'viridis' ? 'sequential' : 'diverging');
          tint(w, t.w, domains.weights, 'diverging', 'diverging');
          tint(p, t.product, productDomain, 'diverging', 'diverging');
          const at = formatCell(t.cell, dims);
          h.title = `H${up} at ${at}, d ${t.d}: ${formatNumber(t.h, 6)}`;
          w.title = `W${here} tap (${t.tap.join(', ')}), d ${t.d}, c ${place.filter}: ${formatNumber(t.w, 6)}`;
          p.title = `${formatNumber(t.w, 6)} × ${formatNumber(t.h, 6)} = ${formatNumber(t.product, 6)}`;
        });
        parts.sum.textContent = `Σ = ${formatNumber(group.sum)}`;
      });

      const n = bd.terms.length;
      sumLabel.textContent = `Σ of the ${n} product${n === 1 ? '' : 's'}: `;
      // Products that cancel leave rounding residue (1e-17): say so rather than show a bare 5.6e−17.
      let scale = Math.abs(bd.bias);
      for (const t of bd.terms) scale += Math.abs(t.product);
      const residue = (v: number): string => (v !== 0 && Math.abs(v) <= 1e-12 * scale ? ' (0 but for rounding)' : '');
      sumValue.textContent = formatNumber(bd.products, 6) + residue(bd.products);
      biasLabel.textContent = `bias b${here} of filter ${place.filter + 1}: `;
      biasValue.textContent = formatNumber(bd.bias, 6);
      resultLabel.textContent = `H${here} at ${formatCell(place.output, dims)}, map c = ${place.filter}: `;
      resultValue.textContent = formatNumber(bd.value, 6) + residue(bd.value);

      check.classList.toggle('is-ok', bd.agrees);
      check.classList.toggle('is-wrong', !bd.agrees);
      const exact = bd.difference === 0;
      check.textContent = bd.agrees
        ? `✓ The same number conv.ts computed for this cell in its forward pass over the whole layer (src/nn/conv.ts, the fast kernel): ` +
          `${formatExact(bd.computed)}. ` +
          (exact
            ? 'Added up here in the reference kernel’s order, the sum is identical to the last digit.'
            : `Added up here in the reference kernel’s order it is ${formatExact(bd.value)}: the two kernels add in different orders, and the last digit rounds differently (difference ${formatNumber(bd.difference, 2)}).`)
        : `✗ conv.ts computed ${formatExact(bd.computed)} for this cell, but the sum above is ${formatExact(bd.value)}: they differ by ${formatNumber(bd.difference, 2)}.`;
      markFocus(focus.current);
    },
    dispose() {
      gridDisposers.forEach((d) => d());
      disposers.forEach((d) => d());
      root.remove();
    },
  };
}
