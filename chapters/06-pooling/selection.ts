/**
 * One selected cell of the pooled layers and the window of the input that
 * produced it: the window's cells and values (src/nn/pool.ts poolWindow), the
 * cells max and min pooling selected (selectedCell), and each pooling's
 * result read from its output. The sums are worked out again here only to
 * show the arithmetic (mean = sum / count, L2 = sqrt(sum of squares)). No DOM.
 */
import { poolWindow, selectedCell, type Index5 } from '../../src/nn/pool.ts';
import type { Triple } from '../../src/tensor/params.ts';
import { indexOf, offsetOf } from '../../src/tensor/tensor.ts';
import { POOL_KINDS, attrsOf, type PoolKind, type Pooled } from './pooling.ts';

/** A cell of the pooled layer: [x, y, z, d]. */
export type OutputCell = readonly [number, number, number, number];

export interface WindowDetails {
  /** The selected output cell, moved inside the pooled layer if it was outside. */
  readonly cell: OutputCell;
  /** The pooled layer's shape [1, h_x, h_y, h_z, d]. */
  readonly outShape: readonly number[];
  /** First and last input cells of the window along x, y, z (on feature map `cell[3]`). */
  readonly from: Triple;
  readonly to: Triple;
  /** The window's cells [n, x, y, z, d] and their values, in window order (x, then y, then z). */
  readonly cells: readonly Index5[];
  readonly values: readonly number[];
  /** The cells max and min pooling kept (the first in window order when values tie). */
  readonly picked: { readonly max: Index5; readonly min: Index5 };
  /** Each pooling's value at the selected cell, read from its output H^m. */
  readonly results: Readonly<Record<PoolKind, number>>;
  readonly sum: number;
  readonly sumOfSquares: number;
  /** The window and stride along x, y, z, for what neighbouring windows share. */
  readonly window: Triple;
  readonly stride: Triple;
}

/**
 * Where the selection starts: the output cell whose window spreads most
 * (largest max - min), where the four functions disagree most; the first in
 * row-major order when several tie, the first cell when every window is flat.
 */
export function defaultCell(pooled: Pooled): OutputCell {
  const max = pooled.results.max.y;
  const min = pooled.results.min.y.data;
  let best = 0;
  for (let o = 1; o < max.data.length; o++) if (max.data[o]! - min[o]! > max.data[best]! - min[best]!) best = o;
  const [, x, y, z, d] = indexOf(max.shape, best) as [number, number, number, number, number];
  return [x, y, z, d];
}

/** The cell moved inside the pooled layer, axis by axis (a smaller window or layer can leave it outside). */
export function clampCell(cell: OutputCell, outShape: readonly number[]): OutputCell {
  const limit = (v: number, n: number): number => Math.max(0, Math.min(n - 1, Math.round(v)));
  return [limit(cell[0], outShape[1]!), limit(cell[1], outShape[2]!), limit(cell[2], outShape[3]!), limit(cell[3], outShape[4]!)];
}

export function windowDetails(pooled: Pooled, selected: OutputCell | null): WindowDetails {
  const outShape = pooled.results.max.y.shape;
  const cell = clampCell(selected ?? defaultCell(pooled), outShape);
  const out: Index5 = [0, cell[0], cell[1], cell[2], cell[3]];
  const { cells, offsets } = poolWindow(pooled.x.shape, attrsOf('max', pooled.geometry), out);
  const values = offsets.map((o) => pooled.x.data[o]!);
  const at = offsetOf(outShape, out);
  const results = {} as Record<PoolKind, number>;
  for (const kind of POOL_KINDS) results[kind] = pooled.results[kind].y.data[at]!;
  const first = cells[0]!;
  const last = cells[cells.length - 1]!;
  return {
    cell,
    outShape,
    from: [first[1], first[2], first[3]],
    to: [last[1], last[2], last[3]],
    cells,
    values,
    picked: { max: selectedCell(pooled.results.max.saved, out)!, min: selectedCell(pooled.results.min.saved, out)! },
    results,
    sum: values.reduce((s, v) => s + v, 0),
    sumOfSquares: values.reduce((s, v) => s + v * v, 0),
    window: pooled.geometry.window,
    stride: pooled.geometry.stride,
  };
}

/** Same cell? (The selection store ignores a repeated value.) */
export function sameCell(a: OutputCell | null, b: OutputCell | null): boolean {
  return a === b || (a !== null && b !== null && a.every((v, i) => v === b[i]));
}
