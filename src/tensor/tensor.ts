/**
 * A tensor is a plain record: a shape and a flat, row-major Float64Array
 * (last axis fastest). Plain records cross a Web Worker boundary unchanged
 * and are what the conformance files describe.
 *
 * Axis order follows the tutorial, feature maps last:
 *   inputs / hidden layers H   [n, x, y, z, d]
 *   filter bank W              [wx, wy, wz, wd, wc]
 *   fully connected W_FC       [n_out, n_in]
 */
import { ShapeError, formatShape } from './errors.ts';

export interface Tensor {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/** Number of elements of a shape (1 for a scalar `[]`). */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

function checkShape(op: string, shape: readonly number[]): void {
  for (const s of shape) {
    if (!Number.isInteger(s) || s < 0) {
      throw new ShapeError(op, `shape ${formatShape(shape)} must hold non-negative integers`);
    }
  }
}

/**
 * A tensor from a shape and data. The data length must match the shape;
 * a plain array is copied into a Float64Array, a Float64Array is kept.
 */
export function tensor(shape: readonly number[], data?: ArrayLike<number>): Tensor {
  checkShape('tensor', shape);
  const n = sizeOf(shape);
  if (data === undefined) return { shape: [...shape], data: new Float64Array(n) };
  if (data.length !== n) {
    throw new ShapeError('tensor', `data of length ${data.length} does not match shape ${formatShape(shape)} (${n} values)`);
  }
  const values = data instanceof Float64Array ? data : Float64Array.from(data);
  return { shape: [...shape], data: values };
}

export function zeros(shape: readonly number[]): Tensor {
  return tensor(shape);
}

export function full(shape: readonly number[], value: number): Tensor {
  const t = tensor(shape);
  t.data.fill(value);
  return t;
}

export function zerosLike(t: Tensor): Tensor {
  return tensor(t.shape);
}

export function clone(t: Tensor): Tensor {
  return { shape: [...t.shape], data: t.data.slice() };
}

/** Same data, new shape of the same size (a view: the data is shared). */
export function reshape(t: Tensor, shape: readonly number[]): Tensor {
  checkShape('reshape', shape);
  if (sizeOf(shape) !== t.data.length) {
    throw new ShapeError('reshape', `cannot reshape ${formatShape(t.shape)} (${t.data.length} values) to ${formatShape(shape)}`);
  }
  return { shape: [...shape], data: t.data };
}

/** Row-major strides of a shape: strides[i] = product of shape[i+1..]. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  return strides;
}

/** Flat offset of a multi-index. */
export function offsetOf(shape: readonly number[], index: readonly number[]): number {
  let offset = 0;
  for (let i = 0; i < shape.length; i++) offset = offset * shape[i]! + index[i]!;
  return offset;
}

/** Multi-index of a flat offset. */
export function indexOf(shape: readonly number[], offset: number): number[] {
  const index = new Array<number>(shape.length);
  for (let i = shape.length - 1; i >= 0; i--) {
    const s = shape[i]!;
    index[i] = offset % s;
    offset = Math.floor(offset / s);
  }
  return index;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * Throws a ShapeError naming `op` unless `t` is a well-formed tensor record: a
 * shape of non-negative integers and a Float64Array of exactly that many values.
 * `tensor()` checks this at construction; records built by hand, read from JSON
 * or received from a worker reach the ops unchecked, so ops check them here.
 */
export function assertTensor(op: string, name: string, t: unknown): asserts t is Tensor {
  const record = t as { shape?: unknown; data?: unknown } | null;
  if (typeof record !== 'object' || record === null || !Array.isArray(record.shape)) {
    throw new ShapeError(op, `${name} must be a tensor record {shape, data}, got ${String(t)}`);
  }
  const shape = record.shape as unknown[];
  if (!shape.every((s) => typeof s === 'number' && Number.isInteger(s) && s >= 0)) {
    throw new ShapeError(op, `${name} has shape ${JSON.stringify(shape)}; a shape must hold non-negative integers`);
  }
  if (!(record.data instanceof Float64Array)) {
    throw new ShapeError(op, `${name} data must be a Float64Array, got ${Object.prototype.toString.call(record.data)}`);
  }
  const n = sizeOf(shape as number[]);
  if (record.data.length !== n) {
    throw new ShapeError(
      op,
      `${name} data of length ${record.data.length} does not match its shape ${formatShape(shape as number[])} (${n} values)`,
    );
  }
}

/** Throws a ShapeError naming `op` unless `t` has exactly `rank` axes. */
export function assertRank(op: string, name: string, t: Tensor, rank: number, layout: string): void {
  if (t.shape.length !== rank) {
    throw new ShapeError(op, `${name} must have rank ${rank} ${layout}, got ${formatShape(t.shape)}`);
  }
}

/** Throws a ShapeError naming `op` unless `t` has the expected shape. */
export function assertShape(op: string, name: string, t: Tensor, expected: readonly number[]): void {
  if (!sameShape(t.shape, expected)) {
    throw new ShapeError(op, `${name} must have shape ${formatShape(expected)}, got ${formatShape(t.shape)}`);
  }
}

/** Throws a ShapeError if any value is NaN or infinite: the core never passes a silent NaN on. */
export function assertFinite(op: string, name: string, t: Tensor): void {
  const d = t.data;
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i]!)) {
      throw new ShapeError(op, `${name} holds a non-finite value (${d[i]}) at flat index ${i} of ${formatShape(t.shape)}`);
    }
  }
}

/** Smallest and largest value (NaN-free data assumed); [0, 0] for an empty tensor. */
export function extent(t: Tensor): [number, number] {
  const d = t.data;
  if (d.length === 0) return [0, 0];
  let lo = d[0]!;
  let hi = d[0]!;
  for (let i = 1; i < d.length; i++) {
    const v = d[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}
