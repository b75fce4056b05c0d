/**
 * Which cells a voxel view shows and where their values live in the tensor.
 *
 * A view shows a grid of nx × ny × nz cells per feature map, nd maps. Shapes
 * are read as the tutorial writes them, feature maps last:
 *   [x]  [x, y]  [x, y, z]  [x, y, z, d]  [n, x, y, z, d] (one sample n)
 * and a filter bank [wx, wy, wz, wd, wc] shows one filter c as a grid with
 * nd = wd input maps. A cell is numbered in the tensor's own row-major order,
 * cell = ((x * ny + y) * nz + z) * nd + d, so the value of a cell is
 * data[offset + cell * step] in every case.
 */
import { ShapeError, formatShape } from '../../tensor/errors.ts';

export interface VoxelGrid {
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  readonly nd: number;
  /** Number of cells, nx * ny * nz * nd. */
  readonly cells: number;
  /** Spatial dimensionality that reads best: 1 (a row), 2 (a map) or 3 (a volume). */
  readonly dims: 1 | 2 | 3;
  /** Spatial shape as given, for labels: [x], [x, y] or [x, y, z]. */
  readonly spatial: readonly number[];
  /** data index of cell c = offset + c * step. */
  readonly offset: number;
  readonly step: number;
}

export interface GridSelection {
  /** Sample n of an [n, x, y, z, d] tensor (default 0). */
  sample?: number;
  /** Read the 5-axis tensor as a filter bank [wx, wy, wz, wd, wc] and show filter c. */
  filter?: number;
}

const OP = 'voxel view';

function checkIndex(name: string, i: number, size: number, shape: readonly number[]): void {
  if (!Number.isInteger(i) || i < 0 || i >= size) {
    throw new ShapeError(OP, `${name} ${i} is outside 0..${size - 1} of ${formatShape(shape)}`);
  }
}

export function voxelGrid(shape: readonly number[], select: GridSelection = {}): VoxelGrid {
  const rank = shape.length;
  if (rank < 1 || rank > 5) {
    throw new ShapeError(OP, `expects [x], [x, y], [x, y, z], [x, y, z, d] or [n, x, y, z, d], got ${formatShape(shape)}`);
  }
  let nx: number, ny: number, nz: number, nd: number;
  let offset = 0;
  let step = 1;
  let spatial: number[];
  if (rank === 5 && select.filter !== undefined) {
    const [wx, wy, wz, wd, wc] = shape as [number, number, number, number, number];
    checkIndex('filter', select.filter, wc, shape);
    [nx, ny, nz, nd] = [wx, wy, wz, wd];
    offset = select.filter;
    step = wc;
    spatial = [wx, wy, wz];
  } else if (rank === 5) {
    const [n, x, y, z, d] = shape as [number, number, number, number, number];
    const sample = select.sample ?? 0;
    checkIndex('sample', sample, n, shape);
    [nx, ny, nz, nd] = [x, y, z, d];
    offset = sample * x * y * z * d;
    spatial = [x, y, z];
  } else {
    [nx, ny, nz, nd] = [shape[0]!, shape[1] ?? 1, shape[2] ?? 1, shape[3] ?? 1];
    spatial = shape.slice(0, Math.min(rank, 3));
  }
  const cells = nx * ny * nz * nd;
  const dims = nz > 1 ? 3 : ny > 1 ? 2 : 1;
  return { nx, ny, nz, nd, cells, dims, spatial, offset, step };
}

/** Flat cell number of (x, y, z, d). */
export function cellIndex(g: VoxelGrid, x: number, y: number, z: number, d: number): number {
  return ((x * g.ny + y) * g.nz + z) * g.nd + d;
}

/** (x, y, z, d) of a cell number, written into `out`. */
export function cellCoords(g: VoxelGrid, cell: number, out: number[] = [0, 0, 0, 0]): number[] {
  out[3] = cell % g.nd;
  let rest = (cell - out[3]) / g.nd;
  out[2] = rest % g.nz;
  rest = (rest - out[2]) / g.nz;
  out[1] = rest % g.ny;
  out[0] = (rest - out[1]) / g.ny;
  return out;
}

/** The data index holding a cell's value. */
export function valueIndex(g: VoxelGrid, cell: number): number {
  return g.offset + cell * g.step;
}

/** Copy the shown cells' values, in cell order, out of the tensor data. */
export function gridValues(g: VoxelGrid, data: ArrayLike<number>, out?: Float64Array): Float64Array {
  const need = g.offset + (g.cells - 1) * g.step + 1;
  if (g.cells > 0 && data.length < need) {
    throw new ShapeError(OP, `data holds ${data.length} values, the grid needs at least ${need}`);
  }
  const values = out && out.length === g.cells ? out : new Float64Array(g.cells);
  for (let c = 0; c < g.cells; c++) values[c] = data[g.offset + c * g.step]!;
  return values;
}

/** True when (x, y, z) lies in the symmetric zero-padding border of widths `padding`. */
export function isPaddingCell(g: VoxelGrid, padding: readonly [number, number, number] | undefined, x: number, y: number, z: number): boolean {
  if (!padding) return false;
  const [px, py, pz] = padding;
  return x < px || x >= g.nx - px || y < py || y >= g.ny - py || z < pz || z >= g.nz - pz;
}
