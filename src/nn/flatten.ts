/**
 * Vec(H^M), eq. 7 of the tutorial: the last hidden layer of the feature
 * extraction zone becomes the input FC_0 of the inference zone.
 * Shapes: x [n, x, y, z, d] -> y [n, x*y*z*d], row-major over [x, y, z, d] per
 * sample (d fastest, then z, y, x): flat position p of cell (x, y, z, d) is
 *   p = ((x * h_y + y) * h_z + z) * h_d + d.
 * Backward reshapes dy [n, x*y*z*d] back to [n, x, y, z, d]. Both copy the
 * data, so a recorded activation never aliases the next layer's input.
 */
import { ShapeError, formatShape } from '../tensor/errors.ts';
import { assertFinite, assertRank, assertShape, assertTensor, type Tensor } from '../tensor/tensor.ts';

/** Flatten has no attributes; the parameter keeps the uniform forward(inputs, attrs). */
export type FlattenAttrs = Record<string, never>;

export interface FlattenSaved {
  readonly xShape: readonly number[];
}

/** One cell of a sample's hidden layer: [x, y, z, d]. */
export type Cell = readonly [number, number, number, number];

const OP = 'flatten';
const LAYOUT = '[n, x, y, z, d]';

/** The shape of one sample, [x, y, z, d], from a hidden layer shape [n, x, y, z, d]. */
function sampleShape(xShape: readonly number[]): Cell {
  if (!Array.isArray(xShape) || xShape.length !== 5 || !xShape.every((s) => Number.isInteger(s) && s >= 0)) {
    throw new ShapeError(OP, `x shape must be five non-negative integers ${LAYOUT}, got ${JSON.stringify(xShape)}`);
  }
  return [xShape[1]!, xShape[2]!, xShape[3]!, xShape[4]!];
}

/** Flat position in Vec(H) of cell [x, y, z, d] of a hidden layer shaped xShape [n, x, y, z, d]. */
export function flatPosition(xShape: readonly number[], cell: Cell): number {
  const dims = sampleShape(xShape);
  if (!Array.isArray(cell) || cell.length !== 4) {
    throw new ShapeError(OP, `a cell is four indices [x, y, z, d], got ${JSON.stringify(cell)}`);
  }
  let p = 0;
  dims.forEach((size, axis) => {
    const i = cell[axis]!;
    if (!Number.isInteger(i) || i < 0 || i >= size) {
      throw new ShapeError(OP, `cell ${JSON.stringify(cell)} lies outside the sample [${dims.join(', ')}] of x ${formatShape(xShape)}`);
    }
    p = p * size + i; // term: Vec
  });
  return p;
}

/** The cell [x, y, z, d] that lands at flat position `position` of Vec(H), for a hidden layer shaped xShape. */
export function cellAt(xShape: readonly number[], position: number): Cell {
  const dims = sampleShape(xShape);
  const length = dims[0] * dims[1] * dims[2] * dims[3];
  if (!Number.isInteger(position) || position < 0 || position >= length) {
    throw new ShapeError(OP, `flat position ${position} lies outside Vec(H) of length ${length} for x ${formatShape(xShape)}`);
  }
  const cell = [0, 0, 0, 0];
  let rest = position;
  for (let axis = 3; axis >= 0; axis--) {
    cell[axis] = rest % dims[axis]!;
    rest = Math.floor(rest / dims[axis]!);
  }
  return [cell[0]!, cell[1]!, cell[2]!, cell[3]!];
}

export function forward(inputs: { x: Tensor }, _attrs: FlattenAttrs = {}): { y: Tensor; saved: FlattenSaved } {
  const { x } = inputs;
  assertTensor(OP, 'x', x);
  assertRank(OP, 'x', x, 5, LAYOUT);
  assertFinite(OP, 'x', x);
  const [n, hx, hy, hz, hd] = x.shape as [number, number, number, number, number];
  return { y: { shape: [n, hx * hy * hz * hd], data: x.data.slice() }, saved: { xShape: [...x.shape] } }; // term: Vec
}

export function backward(dy: Tensor, saved: FlattenSaved): { dx: Tensor } {
  const { xShape } = saved;
  assertTensor(OP, 'dy', dy);
  assertShape(OP, 'dy', dy, [xShape[0]!, xShape[1]! * xShape[2]! * xShape[3]! * xShape[4]!]);
  assertFinite(OP, 'dy', dy);
  return { dx: { shape: [...xShape], data: dy.data.slice() } };
}
