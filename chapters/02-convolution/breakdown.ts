/**
 * The sum at one window position, term by term: for output cell (ox, oy, oz)
 * and filter c, every tap (i, j, k) of the window and every input map d
 * gives a product W^m[i, j, k, d, c] * H^{m-1}[ox + i, oy + j, oz + k, d];
 * their sum plus b^m[c] is H^m[ox, oy, oz, c].
 *
 * The value is accumulated in the reference kernel's order (bias first, then
 * taps i, j, k, then maps d), so it has the kernel's exact bits; it is then
 * compared with the output the fast kernel computed for the whole layer.
 */
import { receptiveField } from '../../src/nn/conv-geometry.ts';
import type { Triple } from '../../src/tensor/params.ts';
import type { ConvLayer } from './layer.ts';

export interface Term {
  /** Filter tap [i, j, k] within the window. */
  readonly tap: Triple;
  /** The input cell [x, y, z] under the tap. */
  readonly cell: Triple;
  /** Input map d (= filter depth slice d). */
  readonly d: number;
  /** H^{m-1} at the cell, map d. */
  readonly h: number;
  /** W^m at the tap, depth d, filter c. */
  readonly w: number;
  readonly product: number;
}

/** The terms of one input map d and one z-slice k of the window: a wx by wy grid of products. */
export interface TermGroup {
  readonly d: number;
  readonly k: number;
  /** Terms in tap order (i, then j). */
  readonly terms: readonly Term[];
  /** Sum of this group's products. */
  readonly sum: number;
}

export interface Breakdown {
  readonly output: Triple;
  readonly filter: number;
  /** Every term, in the order the reference kernel adds them. */
  readonly terms: readonly Term[];
  /** Groups by map d, then z-slice k. */
  readonly groups: readonly TermGroup[];
  /** Sum of all products (without the bias). */
  readonly products: number;
  readonly bias: number;
  /** b + every product, added in the kernel's order. */
  readonly value: number;
  /** The kernel's `sum` after 0, 1, ... n terms: running[0] is the bias, running[n] the value. */
  readonly running: readonly number[];
  /** H^m[ox, oy, oz, c] as conv.forward computed it for the whole layer. */
  readonly computed: number;
  /** |value - computed|. */
  readonly difference: number;
  /** The two agree to rounding (relative 1e-12). */
  readonly agrees: boolean;
}

const cellOffset = (shape: readonly number[], x: number, y: number, z: number, d: number): number =>
  (((x * shape[2]!) + y) * shape[3]! + z) * shape[4]! + d;

export function explain(layer: ConvLayer, output: Triple, filter: number): Breakdown {
  const g = layer.geometry;
  const [, wy, wz] = g.window;
  const depth = g.depth;
  const filters = g.filters;
  const taps = receptiveField(g, output);
  const terms: Term[] = [];
  const bias = layer.b.data[filter]!;
  let value = bias; // the kernel starts from the bias
  let products = 0;
  const running = [value];
  for (const { tap, cell } of taps) {
    for (let d = 0; d < depth; d++) {
      const w = layer.w.data[(((tap[0] * wy + tap[1]) * wz + tap[2]) * depth + d) * filters + filter]!;
      const h = layer.x.data[cellOffset(layer.x.shape, cell[0], cell[1], cell[2], d)]!;
      const product = w * h;
      value += product;
      running.push(value);
      products += product;
      terms.push({ tap, cell, d, h, w, product });
    }
  }
  const groups: TermGroup[] = [];
  for (let d = 0; d < depth; d++) {
    for (let k = 0; k < wz; k++) {
      const own = terms.filter((t) => t.d === d && t.tap[2] === k);
      groups.push({ d, k, terms: own, sum: own.reduce((s, t) => s + t.product, 0) });
    }
  }
  const [, , oy, oz] = layer.y.shape as [number, number, number, number, number];
  const computed = layer.y.data[((output[0] * oy + output[1]) * oz + output[2]) * filters + filter]!;
  const difference = Math.abs(value - computed);
  return {
    output,
    filter,
    terms,
    groups,
    products,
    bias,
    value,
    running,
    computed,
    difference,
    agrees: difference <= 1e-12 * Math.max(1, Math.abs(value)),
  };
}
