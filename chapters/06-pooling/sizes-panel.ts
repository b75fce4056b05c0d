/**
 * Eq. 2 for the pooling window, worked out along each axis with the numbers
 * of the current setting, and what the setting does to the input: cells left
 * unread, windows that overlap, the cells per feature map before and after.
 * Built with textContent and KaTeX only; rebuilt when the setting changes.
 */
import { tex } from '../../src/viz/tex/tex.ts';
import type { Dims } from './feature-maps.ts';
import { GRID_NAMES } from './describe.ts';
import { formatCount, formatFactor, formatShape } from './format.ts';
import { coverage, type AxisSize, type PoolSizes } from './sizes.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string | null, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

const plural = (n: number, word: string): string => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

/** What happens along one axis, in words. */
export function axisNotes(a: AxisSize): string[] {
  const notes: string[] = [];
  if (a.overlap > 0) notes.push(`neighbouring windows share ${plural(a.overlap, 'cell')} (stride ${a.stride} < window ${a.window})`);
  if (a.gap > 0) notes.push(`${plural(a.gap, 'cell')} between neighbouring windows ${a.gap === 1 ? 'is' : 'are'} never read (stride ${a.stride} > window ${a.window})`);
  if (a.dropped > 0) notes.push(`the last ${plural(a.dropped, 'cell')} ${a.dropped === 1 ? 'is' : 'are'} never reached: the stride does not divide ${a.input} − ${a.window} evenly`);
  if (notes.length === 0) notes.push('the windows tile the axis exactly');
  return notes;
}

/** The sentences under the worked-out axes: the unused axes, the sizes before and after, which cells are read. */
function summary(sizes: PoolSizes, dims: Dims): HTMLElement[] {
  const out: HTMLElement[] = [];
  const unused = sizes.axes.filter((a) => !a.used).map((a) => a.axis);
  if (unused.length > 0) {
    out.push(element('p', 'pool-sizes__unused', `A ${GRID_NAMES[dims]} has one cell along ${unused.join(' and ')}: the window and stride are 1 there.`));
  }
  const spatial = (shape: readonly number[]): number[] => shape.slice(1, 1 + dims);
  const line = element('p', 'pool-sizes__summary');
  line.append(
    element('strong', null, `${formatShape([...spatial(sizes.inShape), sizes.maps])} → ${formatShape([...spatial(sizes.outShape), sizes.maps])}`),
    document.createTextNode(
      `: ${formatCount(sizes.cellsBefore)} cells per feature map become ${formatCount(sizes.cellsAfter)}, ` +
        (sizes.factor === 1 ? 'no fewer' : `${formatFactor(sizes.factor)} times fewer`) +
        `; the ${sizes.maps} feature maps are kept (the window is 1 deep).`,
    ),
  );
  const cover = coverage(sizes);
  const read = element('p', 'pool-sizes__coverage');
  const parts: string[] = [];
  if (cover.unread > 0) parts.push(`${plural(cover.unread, 'input cell')} of each map ${cover.unread === 1 ? 'is' : 'are'} read by no window`);
  if (cover.shared > 0) parts.push(`${plural(cover.shared, 'cell')} ${cover.shared === 1 ? 'is' : 'are'} read by more than one window (up to ${cover.most})`);
  read.textContent = parts.length > 0 ? `${parts.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()) : 'Every input cell is read by exactly one window.';
  out.push(line, read);
  return out;
}

export interface SizesPanel {
  readonly node: HTMLElement;
  update(sizes: PoolSizes, dims: Dims): void;
  dispose(): void;
}

/** Built once; each update re-renders only the formulas whose numbers changed (KaTeX is the costly part). */
export function sizesPanel(container: HTMLElement): SizesPanel {
  const node = element('div', 'pool-sizes');
  const list = element('ul', 'pool-sizes__axes');
  const rows = (['x', 'y', 'z'] as const).map(() => {
    const item = element('li', 'pool-sizes__axis');
    const math = element('span', 'pool-sizes__math');
    const note = element('span', 'pool-sizes__note');
    item.append(math, note);
    list.append(item);
    return { item, math, note, tex: '' };
  });
  const rest = element('div', null);
  node.append(list, rest);
  container.append(node);
  return {
    node,
    update(sizes, dims) {
      sizes.axes.forEach((a, i) => {
        const row = rows[i]!;
        row.item.hidden = !a.used;
        if (!a.used) return;
        const source = String.raw`h_${a.axis} = \left\lfloor \dfrac{${a.input} - ${a.window}}{${a.stride}} \right\rfloor + 1 = ${a.output}`;
        if (source !== row.tex) {
          tex(row.math, source);
          row.tex = source;
        }
        row.note.textContent = `${axisNotes(a).join('; ')}.`;
      });
      rest.replaceChildren(...summary(sizes, dims));
    },
    dispose() {
      node.remove();
    },
  };
}
