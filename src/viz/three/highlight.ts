/**
 * Sets of cells a chapter points at: the receptive field of an output value,
 * the window a pooling step reads, the weights of one filter. Given either as
 * a list of cell indices or as an inclusive box of cells.
 */
import { cellIndex, type VoxelGrid } from './voxel-grid.ts';

/** (x, y, z) on every feature map, or (x, y, z, d) on map d. */
export type CellIndex = readonly [number, number, number] | readonly [number, number, number, number];

/** Cells from..to inclusive along x, y, z, on the listed maps (default: every map). */
export interface CellRange {
  from: readonly [number, number, number];
  to: readonly [number, number, number];
  maps?: readonly number[];
}

export type HighlightSpec = readonly CellIndex[] | CellRange;

export function isCellRange(spec: HighlightSpec): spec is CellRange {
  return !Array.isArray(spec);
}

function inGrid(g: VoxelGrid, x: number, y: number, z: number, d: number): boolean {
  return x >= 0 && x < g.nx && y >= 0 && y < g.ny && z >= 0 && z < g.nz && d >= 0 && d < g.nd;
}

/**
 * 1 for each highlighted cell, 0 elsewhere. Indices outside the grid are
 * ignored (a receptive field may hang over an unpadded edge). Returns the
 * number of highlighted cells with the mask.
 */
export function highlightMask(g: VoxelGrid, spec: HighlightSpec, reuse?: Uint8Array): { mask: Uint8Array; count: number } {
  const mask = reuse && reuse.length === g.cells ? reuse.fill(0) : new Uint8Array(g.cells);
  let count = 0;
  const mark = (x: number, y: number, z: number, d: number) => {
    if (!inGrid(g, x, y, z, d)) return;
    const c = cellIndex(g, x, y, z, d);
    if (mask[c] === 0) {
      mask[c] = 1;
      count++;
    }
  };
  if (isCellRange(spec)) {
    const [x0, x1] = [Math.min(spec.from[0], spec.to[0]), Math.max(spec.from[0], spec.to[0])];
    const [y0, y1] = [Math.min(spec.from[1], spec.to[1]), Math.max(spec.from[1], spec.to[1])];
    const [z0, z1] = [Math.min(spec.from[2], spec.to[2]), Math.max(spec.from[2], spec.to[2])];
    const maps = spec.maps ?? Array.from({ length: g.nd }, (_, d) => d);
    for (const d of maps) for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) for (let z = z0; z <= z1; z++) mark(x, y, z, d);
  } else {
    for (const idx of spec) {
      if (idx.length === 4) mark(idx[0], idx[1], idx[2], idx[3]);
      else for (let d = 0; d < g.nd; d++) mark(idx[0], idx[1], idx[2], d);
    }
  }
  return { mask, count };
}
