/**
 * Pooling pool(.), eq. 6 of the tutorial, per feature map, no padding:
 *   max  keeps the largest value of each window (the widely used one)
 *   min  the smallest,  avg  the mean,  l2  sqrt(sum of squares)
 * Shapes: x [n, x, y, z, d] -> y [n, h_x, h_y, h_z, d] with, per axis a,
 *   h_a = floor((x_a - window_a) / stride_a) + 1     (eq. 2 with p = 0)
 * attrs: { kind, window: [wx, wy, wz], stride: [sx, sy, sz] }; the paper's
 * (2, 2, 2, 1) window is window [2, 2, 2] on every feature map.
 *
 * Backward, dy [n, h_x, h_y, h_z, d] -> dx shaped like x; overlapping windows
 * (stride < window) add their contributions:
 *   max / min  all of dy goes to the selected cell (the first one in window
 *              order, x then y then z, when several tie);
 *   avg        dy / (wx wy wz) to every cell of the window;
 *   l2         dy x / y to every cell, and 0 where y = 0 (all cells zero:
 *              the norm has no derivative there; 0 is its smallest subgradient).
 */
import { ShapeError, formatShape } from '../tensor/errors.ts';
import { outputSize } from '../tensor/output-size.ts';
import { assertKind, assertTriple, type Triple } from '../tensor/params.ts';
import { assertFinite, assertRank, assertShape, assertTensor, type Tensor } from '../tensor/tensor.ts';

export const POOL_KINDS = ['max', 'avg', 'min', 'l2'] as const;
export type PoolKind = (typeof POOL_KINDS)[number];

export interface PoolAttrs {
  kind: PoolKind;
  window: Triple;
  stride: Triple;
}

/** A cell of a hidden layer or of the pooled layer: [n, x, y, z, d]. */
export type Index5 = readonly [number, number, number, number, number];

/** Where the windows of one pooling lie: computed once, used by forward, backward and poolWindow. */
interface PoolGeometry {
  readonly kind: PoolKind;
  readonly xShape: Index5;
  readonly yShape: Index5;
  /** Offset in x of each window cell from the window's first cell, in window order. */
  readonly cells: Int32Array;
  /** Offset in x of the first cell of each output's window, one per output value. */
  readonly starts: Int32Array;
}

export interface PoolSaved {
  readonly geometry: PoolGeometry;
  /** max / min: the offset in x of the selected cell, per output value. */
  readonly picked?: Int32Array;
  /** l2: input and output, for dy x / y. */
  readonly x?: Tensor;
  readonly y?: Tensor;
}

export interface PoolWindow {
  /** The input cells [n, x, y, z, d] of the window, in window order (x, then y, then z). */
  cells: Index5[];
  /** Their flat offsets in x. */
  offsets: number[];
}

const OP = 'pool';
const LAYOUT = '[n, x, y, z, d]';
const AXES = ['x', 'y', 'z'] as const;

function geometry(xShape: readonly number[], attrs: PoolAttrs): PoolGeometry {
  const kind = assertKind(OP, 'pool kind', attrs?.kind, POOL_KINDS);
  const window = assertTriple(OP, 'window', attrs.window, 1);
  const stride = assertTriple(OP, 'stride', attrs.stride, 1);
  const [n, hx, hy, hz, d] = xShape as Index5;
  const spatial: Triple = [hx, hy, hz];
  AXES.forEach((axis, i) => {
    if (window[i]! > spatial[i]!) {
      throw new ShapeError(
        OP,
        `the ${window[i]}-wide window along ${axis} is larger than the input ${spatial[i]} (x ${formatShape(xShape)}, window ${formatShape(window)})`,
      );
    }
  });
  const [ox, oy, oz] = outputSize({ in: spatial, w: window, stride, padding: [0, 0, 0] }, OP);
  // row-major strides of x along n, x, y, z (d is 1)
  const sz = d;
  const sy = hz * sz;
  const sx = hy * sy;
  const sn = hx * sx;
  const cells = new Int32Array(window[0] * window[1] * window[2]);
  let k = 0;
  for (let a = 0; a < window[0]; a++) {
    for (let b = 0; b < window[1]; b++) for (let c = 0; c < window[2]; c++) cells[k++] = a * sx + b * sy + c * sz;
  }
  const starts = new Int32Array(n * ox * oy * oz * d);
  let o = 0;
  for (let s = 0; s < n; s++) {
    for (let i = 0; i < ox; i++) {
      for (let j = 0; j < oy; j++) {
        for (let l = 0; l < oz; l++) {
          const corner = s * sn + i * stride[0] * sx + j * stride[1] * sy + l * stride[2] * sz;
          for (let f = 0; f < d; f++) starts[o++] = corner + f;
        }
      }
    }
  }
  return { kind, xShape: [n, hx, hy, hz, d], yShape: [n, ox, oy, oz, d], cells, starts };
}

function assertHidden(name: string, shape: readonly number[]): void {
  if (!Array.isArray(shape) || shape.length !== 5 || !shape.every((s) => Number.isInteger(s) && s >= 0)) {
    throw new ShapeError(OP, `${name} shape must be five non-negative integers ${LAYOUT}, got ${JSON.stringify(shape)}`);
  }
}

/** The pooled layer's shape [n, h_x, h_y, h_z, d] for an input shaped xShape (eq. 2). */
export function poolOutputShape(xShape: readonly number[], attrs: PoolAttrs): Index5 {
  assertHidden('x', xShape);
  return geometry(xShape, attrs).yShape;
}

/** The input cells whose values produced output cell `out` = [n, x, y, z, d] (the chapter highlights them). */
export function poolWindow(xShape: readonly number[], attrs: PoolAttrs, out: Index5): PoolWindow {
  assertHidden('x', xShape);
  const g = geometry(xShape, attrs);
  const o = outputOffset(g, out);
  const offsets = Array.from(g.cells, (c) => g.starts[o]! + c);
  return { cells: offsets.map((p) => cellOf(g.xShape, p)), offsets };
}

/** For max and min pooling, the input cell [n, x, y, z, d] selected for output cell `out`; null for avg and l2. */
export function selectedCell(saved: PoolSaved, out: Index5): Index5 | null {
  const o = outputOffset(saved.geometry, out);
  return saved.picked ? cellOf(saved.geometry.xShape, saved.picked[o]!) : null;
}

function outputOffset(g: PoolGeometry, out: Index5): number {
  const inside =
    Array.isArray(out) && out.length === 5 && out.every((v, i) => Number.isInteger(v) && v >= 0 && v < g.yShape[i]!);
  if (!inside) throw new ShapeError(OP, `output cell ${JSON.stringify(out)} lies outside the pooled layer ${formatShape(g.yShape)}`);
  let o = 0;
  for (let i = 0; i < 5; i++) o = o * g.yShape[i]! + out[i]!;
  return o;
}

function cellOf(shape: Index5, offset: number): Index5 {
  const cell = [0, 0, 0, 0, 0];
  for (let i = 4; i >= 0; i--) {
    cell[i] = offset % shape[i]!;
    offset = Math.floor(offset / shape[i]!);
  }
  return cell as unknown as Index5;
}

/** max (sign 1) or min (sign -1) of each window, remembering which cell won. */
function extremum(g: PoolGeometry, x: Float64Array, y: Float64Array, picked: Int32Array, sign: number): void {
  const { cells, starts } = g;
  for (let o = 0; o < starts.length; o++) {
    let best = starts[o]! + cells[0]!;
    for (let k = 1; k < cells.length; k++) {
      const p = starts[o]! + cells[k]!;
      if (sign * x[p]! > sign * x[best]!) best = p;
    }
    picked[o] = best;
    y[o] = x[best]!;
  }
}

/** Sum over each window of v (avg) or v^2 (l2). */
function windowSums(g: PoolGeometry, x: Float64Array, y: Float64Array, squares: boolean): void {
  const { cells, starts } = g;
  for (let o = 0; o < starts.length; o++) {
    let s = 0;
    for (let k = 0; k < cells.length; k++) {
      const v = x[starts[o]! + cells[k]!]!;
      s += squares ? v * v : v;
    }
    y[o] = s;
  }
}

export function forward(inputs: { x: Tensor }, attrs: PoolAttrs): { y: Tensor; saved: PoolSaved } {
  const { x } = inputs; // term: g
  assertTensor(OP, 'x', x);
  assertRank(OP, 'x', x, 5, LAYOUT);
  const g = geometry(x.shape, attrs);
  assertFinite(OP, 'x', x);
  const y: Tensor = { shape: [...g.yShape], data: new Float64Array(g.starts.length) }; // term: H
  let saved: PoolSaved;
  if (g.kind === 'max' || g.kind === 'min') {
    const picked = new Int32Array(g.starts.length);
    extremum(g, x.data, y.data, picked, g.kind === 'max' ? 1 : -1); // term: pool
    saved = { geometry: g, picked };
  } else {
    windowSums(g, x.data, y.data, g.kind === 'l2'); // term: pool
    for (let o = 0; o < y.data.length; o++) y.data[o] = g.kind === 'l2' ? Math.sqrt(y.data[o]!) : y.data[o]! / g.cells.length; // term: pool
    saved = g.kind === 'l2' ? { geometry: g, x, y } : { geometry: g };
  }
  assertFinite(OP, 'the output y', y);
  return { y, saved };
}

export function backward(dy: Tensor, saved: PoolSaved): { dx: Tensor } {
  const g = saved.geometry;
  assertTensor(OP, 'dy', dy);
  assertShape(OP, 'dy', dy, g.yShape);
  assertFinite(OP, 'dy', dy);
  const { cells, starts } = g;
  const dx = new Float64Array(g.xShape.reduce((a, s) => a * s, 1));
  const grad = dy.data;
  if (saved.picked) {
    for (let o = 0; o < starts.length; o++) dx[saved.picked[o]!] += grad[o]!;
  } else if (g.kind === 'avg') {
    for (let o = 0; o < starts.length; o++) {
      const share = grad[o]! / cells.length;
      for (let k = 0; k < cells.length; k++) dx[starts[o]! + cells[k]!] += share;
    }
  } else {
    const x = saved.x!.data;
    const y = saved.y!.data;
    for (let o = 0; o < starts.length; o++) {
      if (y[o] === 0) continue;
      const scale = grad[o]! / y[o]!;
      for (let k = 0; k < cells.length; k++) {
        const p = starts[o]! + cells[k]!;
        dx[p] += scale * x[p]!;
      }
    }
  }
  return { dx: { shape: [...g.xShape], data: dx } };
}
