/** Pure geometry of the heatmap: cell size, pointer -> cell, clamping. */

/** An inclusive range of cells, e.g. a 3×3 filter position { from: [0, 0], to: [2, 2] }. */
export interface CellWindow {
  from: readonly [number, number];
  to: readonly [number, number];
}

/** Side of a square cell so `n` cells fill `room` pixels, at most `max`. */
export function heatmapCellSize(room: number, n: number, max: number): number {
  return Math.max(1, Math.min(max, room / Math.max(1, n)));
}

/** Cell under data coordinates (cell centres at integers), or null outside the grid. */
export function cellAt(x: number, y: number, nx: number, ny: number): [number, number] | null {
  const cx = Math.round(x);
  const cy = Math.round(y);
  return cx >= 0 && cx < nx && cy >= 0 && cy < ny ? [cx, cy] : null;
}

export function clampCell(c: readonly [number, number], nx: number, ny: number): [number, number] {
  return [Math.max(0, Math.min(nx - 1, c[0])), Math.max(0, Math.min(ny - 1, c[1]))];
}
