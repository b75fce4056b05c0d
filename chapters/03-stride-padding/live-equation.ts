/**
 * Eq. 2 with the reader's numbers, one row per axis, updated in place: the
 * substituted equation (KaTeX, terms linked to the page) and a sentence on
 * what happened along that axis. Rows of axes the input does not have are
 * shown muted, fixed at 1 cell and no padding. Never empty, never an error:
 * an axis where the window does not fit shows its numbers, marked.
 */
import type { TermBus } from '../../src/notebook/index.ts';
import { prose, tex } from '../../src/viz/tex/tex.ts';
import { axisSentence, DEPTH_TEX, substitutedTex } from './explain.ts';
import type { AxisArithmetic } from './stride-padding.ts';

export interface LiveEquation {
  readonly node: HTMLElement;
  update(rows: readonly AxisArithmetic[]): void;
  dispose(): void;
}

interface Row {
  readonly item: HTMLElement;
  readonly math: HTMLElement;
  readonly sentence: HTMLElement;
  unlink: () => void;
  last: string;
}

export function liveEquation(container: HTMLElement, bus: TermBus): LiveEquation {
  const node = document.createElement('div');
  node.className = 'sp-live';
  node.setAttribute('role', 'group');
  node.setAttribute('aria-label', 'Equation (2) with the numbers set above, axis by axis');
  const list = document.createElement('ol');
  list.className = 'sp-live__rows';
  const rows: Row[] = ['x', 'y', 'z'].map((axis) => {
    const item = document.createElement('li');
    item.className = 'sp-live__row';
    item.dataset.axis = axis;
    const math = document.createElement('div');
    math.className = 'sp-live__math';
    const sentence = document.createElement('p');
    sentence.className = 'sp-live__sentence';
    item.append(math, sentence);
    list.append(item);
    return { item, math, sentence, unlink: () => {}, last: '' };
  });
  const depth = document.createElement('div');
  depth.className = 'sp-live__depth';
  const unlinkDepth = tex(depth, DEPTH_TEX, { display: false });
  const depthNote = document.createElement('span');
  depthNote.textContent = ' one filter, so one output feature map.';
  depth.append(depthNote);
  node.append(list, depth);
  container.append(node);

  return {
    node,
    update(arithmetic) {
      arithmetic.forEach((a, i) => {
        const row = rows[i]!;
        const source = substitutedTex(a);
        const words = axisSentence(a);
        const key = `${source}|${words}`;
        row.item.classList.toggle('is-unused', !a.used);
        row.item.classList.toggle('is-impossible', a.used && !a.fits);
        row.item.classList.toggle('is-dropping', a.used && a.fits && a.dropped > 0);
        if (key === row.last) return;
        row.last = key;
        row.unlink();
        const unlinkMath = tex(row.math, source, { display: true, bus });
        const unlinkWords = prose(row.sentence, words);
        row.unlink = () => {
          unlinkMath();
          unlinkWords();
        };
      });
    },
    dispose() {
      rows.forEach((row) => row.unlink());
      unlinkDepth();
      node.remove();
    },
  };
}
