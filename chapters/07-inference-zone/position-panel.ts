/**
 * The unrolling formula of src/nn/flatten.ts with the numbers of the cell
 * shown: p = ((x h_y + y) h_z + z) h_d + d, then the value it carries from
 * H^M into Vec(H^M). Built once, rewritten in place (the terms stay linked).
 */
import type { TermBus } from '../../src/notebook/index.ts';
import { tex } from '../../src/viz/tex/tex.ts';
import { formatNumber } from './format.ts';
import type { PositionStep } from './unrolling.ts';

export interface PositionPanel {
  readonly node: HTMLElement;
  update(step: PositionStep): void;
  dispose(): void;
}

/** A number as the page writes it ("−4.2e−5"), as TeX: -4.2 \times 10^{-5}. */
export function texNumber(text: string): string {
  const plain = text.replace(/\u2212/g, '-');
  const m = /^(-?[\d.]+)e(-?\d+)$/.exec(plain);
  return m ? `${m[1]} \\times 10^{${m[2]}}` : plain;
}

export function positionTex(step: PositionStep): string {
  const [x, y, z, d] = step.cell;
  const [, hy, hz, hd] = step.dims;
  const value = texNumber(formatNumber(step.value));
  return String.raw`\begin{aligned} p &= ((x\,h_y + y)\,h_z + z)\,h_d + d \\ &= ((${x} \cdot ${hy} + ${y}) \cdot ${hz} + ${z}) \cdot ${hd} + ${d} = ${step.position} \\ \term{Vec}{\mathrm{Vec}(H^M)}_{${step.position}} &= \term{HM}{H^M}_{${x},${y},${z},${d}} = ${value} \end{aligned}`;
}

export function positionPanel(container: HTMLElement, bus: TermBus): PositionPanel {
  const node = document.createElement('div');
  node.className = 'position-panel';
  node.setAttribute('aria-live', 'polite');
  const math = document.createElement('div');
  math.className = 'position-panel__math';
  node.append(math);
  container.append(node);
  let unlink: () => void = () => {};
  let last = '';
  return {
    node,
    update(step) {
      const source = positionTex(step);
      if (source === last) return;
      last = source;
      unlink();
      unlink = tex(math, source, { display: true, bus });
    },
    dispose() {
      unlink();
      node.remove();
    },
  };
}
