/**
 * Vec(H^M), eq. 7 with f = 0: where each cell of the last hidden layer lands
 * in the vector FC_0, through the core's own mapping (src/nn/flatten.ts,
 * flatPosition and cellAt): row-major over [x, y, z, d] per sample, d fastest,
 *
 *   p = ((x h_y + y) h_z + z) h_d + d.
 *
 * This module only arranges what the views need: the cell at a position, the
 * cells read up to it, the formula with its numbers, and in 3D where to cut
 * the block open so that a cell inside it can be seen. No DOM.
 */
import { cellAt, flatPosition, type Cell } from '../../src/nn/flatten.ts';
import { ShapeError } from '../../src/tensor/errors.ts';

/** [h_x, h_y, h_z, h_d] of one sample of H^M [1, h_x, h_y, h_z, h_d]. */
export function sampleDims(hShape: readonly number[]): [number, number, number, number] {
  if (hShape.length !== 5) throw new ShapeError('inference chapter', `H^M must be [n, x, y, z, d], got [${hShape.join(', ')}]`);
  return [hShape[1]!, hShape[2]!, hShape[3]!, hShape[4]!];
}

/** Length of Vec(H^M): h_x h_y h_z h_d. */
export function vectorLength(hShape: readonly number[]): number {
  return sampleDims(hShape).reduce((a, b) => a * b, 1);
}

/** The position p a walk shows: `position` kept inside the vector (a URL may ask for more than it has). */
export function clampPosition(position: number, length: number): number {
  if (!Number.isFinite(position)) return 0;
  return Math.min(length - 1, Math.max(0, Math.round(position)));
}

export interface PositionStep {
  readonly position: number;
  readonly cell: Cell;
  /** The sizes [h_x, h_y, h_z, h_d] the formula multiplies by. */
  readonly dims: readonly [number, number, number, number];
  /** The value of H^M at the cell, which is FC_0 at the position. */
  readonly value: number;
  /** Partial results of the formula from the inside out: x h_y + y, then (..) h_z + z, then (..) h_d + d = p. */
  readonly partial: readonly [number, number, number];
}

/** The cell at position p of Vec(H^M) (cellAt), with the formula that maps it back (flatPosition). */
export function positionStep(hM: { shape: readonly number[]; data: ArrayLike<number> }, position: number): PositionStep {
  const cell = cellAt(hM.shape, position);
  const dims = sampleDims(hM.shape);
  const [x, y, z, d] = cell;
  const first = x * dims[1] + y;
  const second = first * dims[2] + z;
  const p = second * dims[3] + d;
  if (p !== flatPosition(hM.shape, cell) || p !== position) {
    throw new Error(`the unrolling formula gave ${p} for position ${position}; flatten.ts disagrees`);
  }
  return { position, cell, dims, value: hM.data[position]!, partial: [first, second, p] };
}

/** Every cell [x, y, z, d] read up to and including position p, in the order Vec reads them. */
export function cellsReadUpTo(hShape: readonly number[], position: number): Cell[] {
  const cells: Cell[] = [];
  for (let q = 0; q <= position; q++) cells.push(cellAt(hShape, q));
  return cells;
}

/**
 * In a 3D layer a cell with neighbours on every side is hidden inside its map.
 * Returns the layer to cut the block down to (show z <= that) so it shows, or
 * null when the cell is on the surface already.
 */
export function cutFor(hShape: readonly number[], cell: Cell): number | null {
  const [hx, hy, hz] = sampleDims(hShape);
  const [x, y, z] = cell;
  const inside = (i: number, n: number): boolean => i > 0 && i < n - 1;
  return inside(x, hx) && inside(y, hy) && inside(z, hz) ? z : null;
}

/** The nested groups the vector is made of, slowest axis first, for the strip's brackets. */
export interface Group {
  readonly axis: 'x' | 'y' | 'z';
  readonly index: number;
  /** First position of the group and its number of positions. */
  readonly start: number;
  readonly length: number;
}

/** Runs of positions sharing x, then x and y, then x, y and z; axes of size 1 give no groups. */
export function groupsOf(hShape: readonly number[]): Group[] {
  const [hx, hy, hz, hd] = sampleDims(hShape);
  const groups: Group[] = [];
  const sizes = { x: hx, y: hy, z: hz };
  const block = { x: hy * hz * hd, y: hz * hd, z: hd };
  for (const axis of ['x', 'y', 'z'] as const) {
    if (sizes[axis] === 1) continue;
    const length = block[axis];
    for (let start = 0; start < hx * hy * hz * hd; start += length) {
      groups.push({ axis, index: (start / length) % sizes[axis], start, length });
    }
  }
  return groups;
}
