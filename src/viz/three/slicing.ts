/**
 * Which cells are shown: slicing a volume open along an axis, and showing a
 * single feature map. `visibleCells` decides what the reader can reach (the
 * keyboard cursor walks these); `surfaceCells` keeps those that can actually
 * be seen, the ones with a face towards an empty neighbour. Only surface
 * cells become instances: a full 32³ volume draws 5 768 cubes, not 32 768,
 * and a ray can only hit what is drawn.
 */
import { cellCoords, cellIndex, type VoxelGrid } from './voxel-grid.ts';

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

export interface DrawnCells {
  /** instance slot -> cell, for slots 0..count-1. */
  readonly cells: Int32Array;
  readonly count: number;
}

/**
 * The visible cells that are not enclosed on all six sides by other visible
 * cells (the grid edge, a slice, a hidden map or a `small` cell such as
 * zero padding all count as open), in cell order.
 */
export function surfaceCells(
  g: VoxelGrid,
  visible: VisibleCells,
  small: ((x: number, y: number, z: number) => boolean) | null,
  reuse?: DrawnCells,
): DrawnCells {
  const cells = reuse && reuse.cells.length === g.cells ? reuse.cells : new Int32Array(g.cells);
  const coords = [0, 0, 0, 0];
  const solid = (x: number, y: number, z: number, d: number) =>
    x >= 0 && x < g.nx && y >= 0 && y < g.ny && z >= 0 && z < g.nz && visible.slots[cellIndex(g, x, y, z, d)]! >= 0 && !(small && small(x, y, z));
  let count = 0;
  for (let i = 0; i < visible.count; i++) {
    const c = visible.cells[i]!;
    const [x, y, z, d] = cellCoords(g, c, coords) as [number, number, number, number];
    const enclosed =
      solid(x - 1, y, z, d) && solid(x + 1, y, z, d) && solid(x, y - 1, z, d) && solid(x, y + 1, z, d) && solid(x, y, z - 1, d) && solid(x, y, z + 1, d);
    if (!enclosed) cells[count++] = c;
  }
  return { cells, count };
}
