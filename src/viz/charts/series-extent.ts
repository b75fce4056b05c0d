/** Data extent of line series, for scale domains (pure). */

export interface SeriesLike {
  y: ArrayLike<number>;
  x?: ArrayLike<number>;
}

/**
 * x and y extents over every finite point (positive y only for a log
 * scale). Degenerate extents are widened so a scale never collapses: a flat
 * series at 2 gets y in [1, 3] ([1, 4] on a log scale), no points gives [0, 1].
 */
export function seriesExtent(series: readonly SeriesLike[], logY: boolean): { x: [number, number]; y: [number, number] } {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.y.length; i++) {
      const xv = s.x ? s.x[i]! : i;
      const yv = s.y[i]!;
      if (!Number.isFinite(xv) || !Number.isFinite(yv) || (logY && yv <= 0)) continue;
      if (xv < x0) x0 = xv;
      if (xv > x1) x1 = xv;
      if (yv < y0) y0 = yv;
      if (yv > y1) y1 = yv;
    }
  }
  if (!(x0 <= x1)) [x0, x1] = [0, 1];
  if (x0 === x1) [x0, x1] = [x0 - 1, x1 + 1];
  if (!(y0 <= y1)) [y0, y1] = logY ? [0.1, 1] : [0, 1];
  if (y0 === y1) [y0, y1] = logY ? [y0 / 2, y1 * 2] : [y0 - 1, y1 + 1];
  return { x: [x0, x1], y: [y0, y1] };
}
