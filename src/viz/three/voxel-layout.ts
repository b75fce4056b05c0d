/**
 * Where each cell sits in the 3D scene.
 *
 * Axes follow the geoscience block-model convention: tensor x runs east
 * (world +X), y runs north (world -Z) and z runs up (world +Y), so a 2D map
 * seen from above reads like a map, y increasing up the screen. Cells are unit
 * cubes on integer centres; the whole layout is centred on the origin.
 *
 * Several feature maps (d > 1) are laid side by side, separated by `mapGap`
 * empty cells, rather than stacked in depth: side by side every value stays
 * visible and a map's cells can be compared with the same cell of the next
 * map at a glance. 'row' puts them left to right, 'column' top to bottom
 * (best for 1D rows), 'grid' in ceil(sqrt(d)) columns (best for many maps).
 * Showing one map only (`map`) puts that map alone at the centre.
 */
import type { VoxelGrid } from './voxel-grid.ts';

export type MapLayout = 'auto' | 'row' | 'column' | 'grid';
export type Vec3 = [number, number, number];

export interface LayoutOptions {
  mapLayout?: MapLayout;
  /** Empty cells between neighbouring maps (default: a fifth of a 2D/3D map, at least 1; 1 between 1D rows). */
  mapGap?: number;
  /** Show only this feature map (null or undefined: all of them). */
  map?: number | null;
}

export interface VoxelLayout {
  readonly grid: VoxelGrid;
  readonly cols: number;
  readonly rows: number;
  readonly mapGap: number;
  /** The map shown alone, or null when all maps are shown. */
  readonly map: number | null;
  /** World size of the box enclosing all shown cells (cells are unit cubes). */
  readonly size: Vec3;
  /** Offset subtracted from raw positions so the layout is centred on the origin. */
  readonly centre: Vec3;
}

export function resolveMapLayout(grid: VoxelGrid, mapLayout: MapLayout = 'auto'): Exclude<MapLayout, 'auto'> {
  if (mapLayout !== 'auto') return mapLayout;
  if (grid.dims === 1) return 'column';
  return grid.nd <= 4 ? 'row' : 'grid';
}

export function layoutVoxels(grid: VoxelGrid, options: LayoutOptions = {}): VoxelLayout {
  const map = options.map ?? null;
  const shown = map === null ? grid.nd : 1;
  const kind = resolveMapLayout(grid, options.mapLayout);
  const cols = kind === 'row' ? shown : kind === 'column' ? 1 : Math.ceil(Math.sqrt(shown));
  const rows = Math.ceil(shown / cols);
  const mapGap = options.mapGap ?? (grid.dims === 1 ? 1 : Math.max(1, Math.round(Math.min(grid.nx, grid.ny) * 0.2)));
  const size: Vec3 = [cols * grid.nx + (cols - 1) * mapGap, grid.nz, rows * grid.ny + (rows - 1) * mapGap];
  // Raw centres run from 0 to size - 1 along each axis; centre them.
  const centre: Vec3 = [(size[0] - 1) / 2, (size[1] - 1) / 2, (size[2] - 1) / 2];
  return { grid, cols, rows, mapGap, map, size, centre };
}

/** Slot of map d in the layout (its position among shown maps), or -1 when hidden. */
export function mapSlot(layout: VoxelLayout, d: number): number {
  if (layout.map === null) return d;
  return d === layout.map ? 0 : -1;
}

/**
 * World centre of cell (x, y, z) of map d, written into out[at..at+2].
 * Coordinates may be fractional or outside the grid (used for boxes).
 */
export function cellCenter(layout: VoxelLayout, x: number, y: number, z: number, d: number, out: Vec3 | Float32Array = [0, 0, 0], at = 0): Vec3 | Float32Array {
  const g = layout.grid;
  const slot = Math.max(0, mapSlot(layout, d));
  const col = slot % layout.cols;
  const row = (slot - col) / layout.cols;
  out[at] = col * (g.nx + layout.mapGap) + x - layout.centre[0];
  out[at + 1] = z - layout.centre[1];
  out[at + 2] = row * (g.ny + layout.mapGap) + (g.ny - 1 - y) - layout.centre[2];
  return out;
}

/** Axis-aligned world box of the cells from..to (inclusive, either order) of map d, with a margin. */
export function cellRangeBox(
  layout: VoxelLayout,
  from: readonly [number, number, number],
  to: readonly [number, number, number],
  d: number,
  margin = 0.06,
): { min: Vec3; max: Vec3 } {
  const a = cellCenter(layout, Math.min(from[0], to[0]), Math.min(from[1], to[1]), Math.min(from[2], to[2]), d, [0, 0, 0]) as Vec3;
  const b = cellCenter(layout, Math.max(from[0], to[0]), Math.max(from[1], to[1]), Math.max(from[2], to[2]), d, [0, 0, 0]) as Vec3;
  const h = 0.5 + margin;
  // y runs towards world -Z, so the larger y has the smaller Z.
  return {
    min: [a[0] - h, a[1] - h, b[2] - h],
    max: [b[0] + h, b[1] + h, a[2] + h],
  };
}
