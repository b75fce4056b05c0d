/**
 * Limits and shared checks for a reader's own grid (parse-json.ts,
 * parse-csv.ts). A grid has 1 to 3 axes [x, y, z] (row-major, z fastest)
 * and becomes one single-channel input [1, x, y, z, 1]; missing axes are 1,
 * as in the network's layout (a 2D grid [x, y] is [1, x, y, 1, 1]).
 */
import { ParamError, ShapeError, formatShape } from '../tensor/errors.ts';
import type { Triple } from '../tensor/params.ts';
import { tensor, type Tensor } from '../tensor/tensor.ts';

export const GRID_OP = 'grid';
/** At most 64^3 cells, the largest 3D grid the data sets make. */
export const MAX_GRID_CELLS = 64 ** 3;
export const MAX_TEXT_LENGTH = 16_000_000;
export const CELL_LIMIT_TEXT = `${MAX_GRID_CELLS} cells (64^3)`;

export interface ParsedGrid {
  /** [1, x, y, z, 1], the values as given. */
  readonly tensor: Tensor;
  /** [x, y, z], 1 for axes the grid does not have. */
  readonly shape: Triple;
}

export function assertTextLength(text: unknown): string {
  if (typeof text !== 'string') throw new ParamError(GRID_OP, `the grid must be given as text, got ${typeof text}`);
  if (text.length > MAX_TEXT_LENGTH) {
    throw new ParamError(GRID_OP, `the text is ${text.length} characters; the limit is ${MAX_TEXT_LENGTH}`);
  }
  // a byte-order mark from a spreadsheet export is not part of the data
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A declared shape: 1 to 3 positive integers within the cell limit. */
export function assertGridShape(shape: unknown, where: string): number[] {
  const ok = Array.isArray(shape) && shape.length >= 1 && shape.length <= 3 && shape.every((s) => Number.isInteger(s) && s >= 1);
  if (!ok) {
    throw new ShapeError(GRID_OP, `${where} must be 1 to 3 positive integers [x, y, z], got ${JSON.stringify(shape)}`);
  }
  assertCellLimit(shape as number[], where);
  return shape as number[];
}

export function cellsOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function assertCellLimit(shape: readonly number[], what: string): void {
  const cells = cellsOf(shape);
  if (cells > MAX_GRID_CELLS) {
    throw new ShapeError(GRID_OP, `${what} ${formatShape(shape)}: ${cells} cells, over the limit of ${CELL_LIMIT_TEXT}`);
  }
}

export function assertValueCount(given: number, shape: readonly number[]): void {
  const needed = cellsOf(shape);
  if (given !== needed) {
    throw new ShapeError(GRID_OP, `${given} values given but shape ${formatShape(shape)} needs ${needed}`);
  }
}

export function toParsedGrid(shape: readonly number[], values: Float64Array): ParsedGrid {
  const triple: Triple = [shape[0] ?? 1, shape[1] ?? 1, shape[2] ?? 1];
  return { tensor: tensor([1, ...triple, 1], values), shape: triple };
}
