/**
 * Keyboard cursor over the drawn cells, so the value read-out works without
 * a mouse: step to the next or previous drawn cell, or move one cell along an
 * axis (skipping hidden cells, stopping at the edge).
 */
import { cellCoords, cellIndex, type VoxelGrid } from './voxel-grid.ts';
import type { VisibleCells } from './slicing.ts';

export type CursorMove = 'next' | 'previous' | 'first' | 'last' | { axis: 0 | 1 | 2 | 3; delta: 1 | -1 };

const SIZE_OF: ReadonlyArray<(g: VoxelGrid) => number> = [(g) => g.nx, (g) => g.ny, (g) => g.nz, (g) => g.nd];

/** The cell the cursor lands on, or `current` when it cannot move; -1 only when nothing is drawn. */
export function moveCursor(g: VoxelGrid, visible: VisibleCells, current: number, move: CursorMove): number {
  if (visible.count === 0) return -1;
  const slot = current >= 0 ? visible.slots[current]! : -1;
  if (move === 'first' || (slot < 0 && typeof move === 'string' && move !== 'last')) return visible.cells[0]!;
  if (move === 'last' || (slot < 0 && typeof move !== 'string')) return visible.cells[visible.count - 1]!;
  if (move === 'next') return visible.cells[Math.min(slot + 1, visible.count - 1)]!;
  if (move === 'previous') return visible.cells[Math.max(slot - 1, 0)]!;
  const coords = cellCoords(g, current);
  const size = SIZE_OF[move.axis]!(g);
  for (let v = coords[move.axis]! + move.delta; v >= 0 && v < size; v += move.delta) {
    coords[move.axis] = v;
    const c = cellIndex(g, coords[0]!, coords[1]!, coords[2]!, coords[3]!);
    if (visible.slots[c]! >= 0) return c;
  }
  return current;
}
