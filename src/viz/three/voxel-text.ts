/**
 * The words a voxel view says: its aria label, the read-out of one cell and
 * the legend's caption. Kept apart from the DOM so they can be tested.
 */
import { formatRange, formatShapeX, formatValue } from '../paint/format.ts';
import type { VoxelGrid } from './voxel-grid.ts';

const AXES = ['x', 'y', 'z'] as const;

/** "Tensor 5×5×1, 2 feature maps, values from −0.31 to 0.92". */
export function describeTensor(g: VoxelGrid, range: readonly [number, number] | null, name = 'Tensor'): string {
  const maps = g.nd > 1 ? `, ${g.nd} feature maps` : '';
  return `${name} ${formatShapeX(g.spatial)}${maps}, values ${formatRange(range)}`;
}

/** "x 3, y 1, d 1" — the axes the grid has (z and d only when they vary). */
export function describeIndex(g: VoxelGrid, coords: readonly number[]): string {
  const parts: string[] = [];
  const shown = g.spatial.length;
  for (let a = 0; a < 3; a++) if (a < shown) parts.push(`${AXES[a]} ${coords[a]}`);
  if (g.nd > 1) parts.push(`d ${coords[3]}`);
  return parts.join(', ');
}

/** "x 3, y 1: 0.412" or "x 0, y 0: 0 (zero padding)". */
export function describeCell(g: VoxelGrid, coords: readonly number[], value: number, padding: boolean): string {
  return `${describeIndex(g, coords)}: ${formatValue(value)}${padding ? ' (zero padding)' : ''}`;
}
