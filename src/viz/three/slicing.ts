/**
 * Which cells are drawn: slicing a volume open along an axis, and showing a
 * single feature map. The drawn cells are packed, in cell order, into the
 * first `count` instances of the instanced mesh, so hidden cells cost nothing
 * and a ray can only hit what is drawn.
 */
import { cellCoords, type VoxelGrid } from './voxel-grid.ts';

export type Axis = 'x' | 'y' | 'z';

export interface SliceSpec {
  axis: Axis;
  /** Cell index along the axis. */
  index: number;
  /**
   * 'upTo' (default): cells with index <= k, as if the volume were cut open at k;
   * 'only': the single slice at k; 'from': cells with index >= k.
   */
  mode?: 'upTo' | 'only' | 'from';
}

const AXIS_SLOT: Record<Axis, number> = { x: 0, y: 1, z: 2 };

export function axisSize(g: VoxelGrid, axis: Axis): number {
  return axis === 'x' ? g.nx : axis === 'y' ? g.ny : g.nz;
}

/** A slice index clamped into the grid along its axis. */
export function clampSlice(g: VoxelGrid, slice: SliceSpec): SliceSpec {
  const n = axisSize(g, slice.axis);
  const index = Math.max(0, Math.min(n - 1, Math.round(slice.index)));
  return { axis: slice.axis, index, mode: slice.mode ?? 'upTo' };
}

export function insideSlice(slice: SliceSpec | null, coords: readonly number[]): boolean {
  if (!slice) return true;
  const v = coords[AXIS_SLOT[slice.axis]]!;
  const mode = slice.mode ?? 'upTo';
  return mode === 'upTo' ? v <= slice.index : mode === 'from' ? v >= slice.index : v === slice.index;
}

export interface VisibleCells {
  /** instance slot -> cell, for slots 0..count-1. */
  readonly cells: Int32Array;
  /** cell -> instance slot, -1 when the cell is hidden. */
  readonly slots: Int32Array;
  readonly count: number;
}

/**
 * Pack the visible cells. `reuse` is recycled when it has room for the grid,
 * so re-slicing while a slider moves allocates nothing.
 */
export function visibleCells(g: VoxelGrid, slice: SliceSpec | null, map: number | null, reuse?: VisibleCells): VisibleCells {
  const cells = reuse && reuse.cells.length === g.cells ? reuse.cells : new Int32Array(g.cells);
  const slots = reuse && reuse.slots.length === g.cells ? reuse.slots : new Int32Array(g.cells);
  const s = slice ? clampSlice(g, slice) : null;
  const coords = [0, 0, 0, 0];
  let count = 0;
  for (let c = 0; c < g.cells; c++) {
    cellCoords(g, c, coords);
    if ((map === null || coords[3] === map) && insideSlice(s, coords)) {
      cells[count] = c;
      slots[c] = count++;
    } else {
      slots[c] = -1;
    }
  }
  return { cells, slots, count };
}
