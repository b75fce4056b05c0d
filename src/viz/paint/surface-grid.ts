/**
 * A function of two variables sampled on a regular grid: the loss surfaces
 * of the Optimizers chapter, shared by the contour map and the 3D surface view.
 *
 *   values[j * nx + i] = f(x[0] + i * (x[1] - x[0]) / (nx - 1),
 *                          y[0] + j * (y[1] - y[0]) / (ny - 1))
 *
 * (x fastest, like the rows of an image and like d3-contour). The chapter
 * samples f; views only read the samples (interpolating between them for a
 * read-out is display, not math).
 */

export interface SurfaceGrid {
  values: ArrayLike<number>;
  nx: number;
  ny: number;
  x: readonly [number, number];
  y: readonly [number, number];
}

export function checkSurfaceGrid(op: string, g: SurfaceGrid): void {
  if (!Number.isInteger(g.nx) || !Number.isInteger(g.ny) || g.nx < 2 || g.ny < 2) {
    throw new Error(`${op}: the grid needs nx, ny >= 2 samples, got ${g.nx} × ${g.ny}`);
  }
  if (g.values.length !== g.nx * g.ny) {
    throw new Error(`${op}: ${g.values.length} values do not fill a ${g.nx} × ${g.ny} grid (${g.nx * g.ny})`);
  }
  if (!(g.x[1] > g.x[0]) || !(g.y[1] > g.y[0])) {
    throw new Error(`${op}: the ranges x [${g.x[0]}, ${g.x[1]}] and y [${g.y[0]}, ${g.y[1]}] must increase`);
  }
}

/** Bilinear interpolation of the samples at (x, y); NaN outside the grid. */
export function sampleAt(g: SurfaceGrid, x: number, y: number): number {
  const fi = ((x - g.x[0]) / (g.x[1] - g.x[0])) * (g.nx - 1);
  const fj = ((y - g.y[0]) / (g.y[1] - g.y[0])) * (g.ny - 1);
  if (!(fi >= 0 && fi <= g.nx - 1 && fj >= 0 && fj <= g.ny - 1)) return Number.NaN;
  const i = Math.min(Math.floor(fi), g.nx - 2);
  const j = Math.min(Math.floor(fj), g.ny - 2);
  const u = fi - i;
  const v = fj - j;
  const at = (a: number, b: number) => g.values[b * g.nx + a]!;
  return (1 - u) * (1 - v) * at(i, j) + u * (1 - v) * at(i + 1, j) + (1 - u) * v * at(i, j + 1) + u * v * at(i + 1, j + 1);
}

/**
 * Contour levels: `count` values spread linearly over the finite range, or
 * geometrically (loss surfaces such as Rosenbrock's span orders of magnitude,
 * and linear levels would crowd round the walls and leave the valley empty).
 * Log levels start at the smallest positive sample, at least max / 1e4.
 */
export function contourLevels(values: ArrayLike<number>, count: number, scale: 'linear' | 'log'): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  let minPositive = Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (v > 0 && v < minPositive) minPositive = v;
  }
  if (!(lo < hi)) return Number.isFinite(lo) ? [lo] : [];
  const n = Math.max(2, Math.floor(count));
  if (scale === 'log' && hi > 0) {
    const a = Math.max(minPositive, hi / 1e4);
    const ratio = hi / a;
    return Array.from({ length: n }, (_, k) => a * ratio ** (k / n));
  }
  return Array.from({ length: n }, (_, k) => lo + ((hi - lo) * k) / n);
}
