/**
 * Pure geometry of the loss-surface view: where a sample (x, y, f) sits in
 * the scene, the mesh of the sampled surface and the polylines of optimizer
 * trajectories.
 *
 * The x range spans `width` world units east-west (world X), the y range runs
 * north (world -Z) with its true proportion (clamped to 0.5..1.5 of the
 * width), and f rises along world +Y up to `height`. On a 'log' scale the
 * height is log10 of f above its minimum, so the valley of Rosenbrock's
 * function shows instead of being flattened by its walls.
 */
import { colorAt, normalizeValue, type ColormapName } from '../paint/colormap.ts';
import type { SurfaceGrid } from '../paint/surface-grid.ts';
import { sampleAt } from '../paint/surface-grid.ts';

export type ZScale = 'linear' | 'log';

export interface SurfaceLayout {
  readonly width: number;
  readonly depth: number;
  readonly height: number;
  readonly zMin: number;
  readonly zMax: number;
  readonly scale: ZScale;
}

const LOG_FLOOR = 1e-4;

export function surfaceLayout(grid: SurfaceGrid, scale: ZScale, width = 10): SurfaceLayout {
  let zMin = Infinity;
  let zMax = -Infinity;
  for (let i = 0; i < grid.values.length; i++) {
    const v = grid.values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < zMin) zMin = v;
    if (v > zMax) zMax = v;
  }
  if (!(zMin <= zMax)) [zMin, zMax] = [0, 1];
  if (zMin === zMax) zMax = zMin + 1;
  const ratio = Math.min(1.5, Math.max(0.5, (grid.y[1] - grid.y[0]) / (grid.x[1] - grid.x[0])));
  const depth = width * ratio;
  return { width, depth, height: 0.45 * Math.max(width, depth), zMin, zMax, scale };
}

/** Height of f as a fraction of the layout's height, in [0, 1] (non-finite: the top). */
export function heightFraction(l: SurfaceLayout, z: number): number {
  if (!Number.isFinite(z)) return 1;
  const span = l.zMax - l.zMin;
  let t: number;
  if (l.scale === 'log') {
    const floor = span * LOG_FLOOR;
    t = (Math.log10(Math.max(z - l.zMin, floor)) - Math.log10(floor)) / (Math.log10(span) - Math.log10(floor));
  } else {
    t = (z - l.zMin) / span;
  }
  return Math.min(1, Math.max(0, t));
}

/** World position of (x, y, f), written into out[at..at+2]. */
export function worldOf(l: SurfaceLayout, g: SurfaceGrid, x: number, y: number, z: number, out: Float32Array | number[], at = 0): void {
  out[at] = ((x - g.x[0]) / (g.x[1] - g.x[0]) - 0.5) * l.width;
  out[at + 1] = heightFraction(l, z) * l.height;
  out[at + 2] = -((y - g.y[0]) / (g.y[1] - g.y[0]) - 0.5) * l.depth;
}

/** Data coordinates (x, y) under a world point (X, Z). */
export function dataOf(l: SurfaceLayout, g: SurfaceGrid, X: number, Z: number): [number, number] {
  return [g.x[0] + (X / l.width + 0.5) * (g.x[1] - g.x[0]), g.y[0] + (-Z / l.depth + 0.5) * (g.y[1] - g.y[0])];
}

export interface SurfaceMesh {
  positions: Float32Array;
  /** sRGB colours in [0, 1], by height on the colour map. */
  colors: Float32Array;
  indices: Uint32Array;
}

export function surfaceMesh(g: SurfaceGrid, l: SurfaceLayout, map: ColormapName): SurfaceMesh {
  const n = g.nx * g.ny;
  const positions = new Float32Array(n * 3);
  const colors = new Float32Array(n * 3);
  const rgb: [number, number, number] = [0, 0, 0];
  for (let j = 0; j < g.ny; j++) {
    const y = g.y[0] + ((g.y[1] - g.y[0]) * j) / (g.ny - 1);
    for (let i = 0; i < g.nx; i++) {
      const k = j * g.nx + i;
      const x = g.x[0] + ((g.x[1] - g.x[0]) * i) / (g.nx - 1);
      const z = g.values[k]!;
      worldOf(l, g, x, y, z, positions, k * 3);
      colorAt(map, Number.isFinite(z) ? heightFraction(l, z) : Number.NaN, rgb);
      colors.set(rgb, k * 3);
    }
  }
  const indices = new Uint32Array((g.nx - 1) * (g.ny - 1) * 6);
  let o = 0;
  for (let j = 0; j < g.ny - 1; j++) {
    for (let i = 0; i < g.nx - 1; i++) {
      const a = j * g.nx + i;
      const b = a + 1;
      const c = a + g.nx;
      const d = c + 1;
      // Counter-clockwise seen from above (+Y): y runs towards -Z.
      indices[o++] = a;
      indices[o++] = b;
      indices[o++] = d;
      indices[o++] = a;
      indices[o++] = d;
      indices[o++] = c;
    }
  }
  return { positions, colors, indices };
}

export interface TrajectoryInput {
  /** Flat [x0, y0, x1, y1, ...]. */
  points: ArrayLike<number>;
  /** f at each point; default: interpolated from the grid. */
  values?: ArrayLike<number>;
}

/**
 * Line segments (pairs of world points, 6 floats a segment) of a trajectory,
 * lifted by `lift` world units above the surface so it is not buried in it.
 * The path breaks where it leaves the grid window or stops being finite.
 */
export function trajectorySegments(g: SurfaceGrid, l: SurfaceLayout, t: TrajectoryInput, lift: number, tolerance = 0): Float32Array {
  const n = Math.floor(t.points.length / 2);
  const out: number[] = [];
  const b = [0, 0, 0];
  // A run of consecutive points inside the grid, world xyz, flat.
  let run: number[] = [];
  const flush = () => {
    const kept = tolerance > 0 ? simplifyPolyline(run, tolerance) : run;
    for (let k = 3; k < kept.length; k += 3) out.push(kept[k - 3]!, kept[k - 2]!, kept[k - 1]!, kept[k]!, kept[k + 1]!, kept[k + 2]!);
    run = [];
  };
  for (let k = 0; k < n; k++) {
    const x = t.points[2 * k]!;
    const y = t.points[2 * k + 1]!;
    const inside = Number.isFinite(x) && Number.isFinite(y) && x >= g.x[0] && x <= g.x[1] && y >= g.y[0] && y <= g.y[1];
    if (!inside) {
      flush();
      continue;
    }
    const z = t.values && Number.isFinite(t.values[k]!) ? t.values[k]! : sampleAt(g, x, y);
    worldOf(l, g, x, y, z, b);
    run.push(b[0]!, b[1]! + lift, b[2]!);
  }
  flush();
  return Float32Array.from(out);
}

/**
 * The polyline `xyz` (flat x, y, z triples) with the points dropped that lie
 * within `tolerance` of the simplified line (Douglas and Peucker's
 * algorithm): the first and last points stay, and no dropped point is
 * farther than `tolerance` from the line drawn. An optimizer's path of
 * thousands of updates mostly crowds near a minimum; drawn a pixel or less
 * apart, those points add segments (instances of the fat-line shader, each a
 * fixed cost to software WebGL) and nothing to the picture.
 */
export function simplifyPolyline(xyz: readonly number[], tolerance: number): number[] {
  const count = Math.floor(xyz.length / 3);
  if (count <= 2) return xyz.slice(0, count * 3);
  const keep = new Uint8Array(count);
  keep[0] = 1;
  keep[count - 1] = 1;
  const limit = tolerance * tolerance;
  const stack: number[] = [0, count - 1];
  while (stack.length > 0) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    let farthest = -1;
    let worst = limit;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegmentSquared(xyz, i, first, last);
      if (d > worst) {
        worst = d;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push(first, farthest, farthest, last);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (keep[i]) out.push(xyz[3 * i]!, xyz[3 * i + 1]!, xyz[3 * i + 2]!);
  return out;
}

/** Squared distance from point p to the segment from point a to point b (indices of xyz triples). */
function distanceToSegmentSquared(xyz: readonly number[], p: number, a: number, b: number): number {
  const ax = xyz[3 * a]!, ay = xyz[3 * a + 1]!, az = xyz[3 * a + 2]!;
  const ux = xyz[3 * b]! - ax, uy = xyz[3 * b + 1]! - ay, uz = xyz[3 * b + 2]! - az;
  const vx = xyz[3 * p]! - ax, vy = xyz[3 * p + 1]! - ay, vz = xyz[3 * p + 2]! - az;
  const uu = ux * ux + uy * uy + uz * uz;
  const s = uu > 0 ? Math.min(1, Math.max(0, (vx * ux + vy * uy + vz * uz) / uu)) : 0;
  const dx = vx - s * ux, dy = vy - s * uy, dz = vz - s * uz;
  return dx * dx + dy * dy + dz * dz;
}

/**
 * 'log' for surfaces like Rosenbrock's: f >= 0 and the whole range is more
 * than 100 times the rise over the lowest tenth of the samples (a deep,
 * narrow valley that a linear height would flatten); 'linear' otherwise.
 */
export function autoZScale(values: ArrayLike<number>): ZScale {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) finite.push(values[i]!);
  if (finite.length < 2) return 'linear';
  finite.sort((a, b) => a - b);
  const min = finite[0]!;
  const max = finite[finite.length - 1]!;
  const lowRise = finite[Math.floor(finite.length * 0.1)]! - min;
  return min >= 0 && max - min > 100 * Math.max(lowRise, 1e-12) ? 'log' : 'linear';
}

/** Colour-map position of a value on the layout's scale (for legends and read-outs). */
export function surfaceT(l: SurfaceLayout, z: number): number {
  return l.scale === 'log' ? heightFraction(l, z) : normalizeValue(z, [l.zMin, l.zMax], 'sequential');
}
