/**
 * The input H^{m-1} the explorer slides its filters over: a facies grid (a
 * simple pattern, or a synthetic geological model from src/data) measured
 * by up to four logs, one feature map per log, as a tensor [1, x, y, z, d].
 *
 * Axes: in 2D and 3D the last spatial axis (y in 2D, z in 3D) is the
 * vertical, pointing up, so a section reads like a section in the views (y
 * and z run up the screen); in 1D the only axis runs down a drill hole, from
 * the collar at x = 0. src/data stores depth (0 at the top), so its grids are
 * turned over on their vertical axis here.
 */
import { FACIES, LIMESTONE, SAND, SHALE, generateSample, type Geometry } from '../../src/data/index.ts';
import { ParamError } from '../../src/tensor/errors.ts';
import type { Triple } from '../../src/tensor/params.ts';
import { tensor, type Tensor } from '../../src/tensor/tensor.ts';

export type Dims = 1 | 2 | 3;

export const PATTERNS = ['contact', 'dipping', 'faulted', 'folded', 'channels'] as const;
export type PatternName = (typeof PATTERNS)[number];

export const PATTERN_LABELS: Readonly<Record<PatternName, string>> = {
  contact: 'Sandstone on shale (one contact)',
  dipping: 'A dipping sandstone bed',
  faulted: 'Faulted beds (synthetic model)',
  folded: 'Folded beds (synthetic model)',
  channels: 'Sand channels (synthetic model)',
};

/** Logs measured in every cell, one input feature map each, scaled to [0, 1] per facies. */
export interface Log {
  readonly name: string;
  /** Value for each facies code (FACIES order: shale, sandstone, siltstone, limestone). */
  readonly byFacies: readonly [number, number, number, number];
}

export const LOGS: readonly Log[] = [
  { name: 'gamma ray', byFacies: [0.9, 0.2, 0.6, 0.1] },
  { name: 'density', byFacies: [0.55, 0.3, 0.45, 0.9] },
  { name: 'porosity', byFacies: [0.15, 0.8, 0.35, 0.25] },
  { name: 'resistivity', byFacies: [0.2, 0.65, 0.35, 0.95] },
];

export const MAX_DEPTH = LOGS.length;

export interface InputConfig {
  readonly dims: Dims;
  /** Cells along every spatial axis the dimensionality uses. */
  readonly size: number;
  /** in_d: logs per cell, 1 to 4. */
  readonly depth: number;
  readonly pattern: PatternName;
  /** Seed of the synthetic geological models. */
  readonly seed: number;
}

/** Spatial shape [x, y, z] of an input: 1D [n, 1, 1], 2D [n, n, 1], 3D [n, n, n]. */
export function spatialShape(dims: Dims, size: number): Triple {
  return [size, dims >= 2 ? size : 1, dims === 3 ? size : 1];
}

/** The tensor axis that is vertical: x (down the hole) in 1D, y (up) in 2D, z (up) in 3D. */
export function verticalAxis(dims: Dims): 0 | 1 | 2 {
  return dims === 1 ? 0 : dims === 2 ? 1 : 2;
}

const centres = (n: number): number[] => Array.from({ length: n }, (_, i) => (i + 0.5) / n);

/** Facies of the simple patterns at lateral position (u, v) and height h, all in [0, 1] (h = 1 at the top). */
function patternFacies(pattern: 'contact' | 'dipping', u: number, v: number, h: number): number {
  if (pattern === 'contact') return h >= 0.5 ? SAND : SHALE;
  // A sandstone bed about a quarter of the grid thick, dipping about 27° towards +x (and gently towards +y).
  const centre = 0.78 - 0.5 * u - 0.12 * v;
  if (Math.abs(h - centre) < 0.13) return SAND;
  return h > centre ? SHALE : LIMESTONE;
}

/** Facies codes of every cell, in tensor order (x slowest, z fastest). */
export function faciesGrid(config: Pick<InputConfig, 'dims' | 'size' | 'pattern' | 'seed'>): Uint8Array {
  const { dims, size, pattern, seed } = config;
  const [nx, ny, nz] = spatialShape(dims, size);
  const out = new Uint8Array(nx * ny * nz);
  if (pattern === 'contact' || pattern === 'dipping') {
    for (let x = 0; x < nx; x++) {
      for (let y = 0; y < ny; y++) {
        for (let z = 0; z < nz; z++) {
          const cell = (x * ny + y) * nz + z;
          const height = dims === 1 ? 1 - (x + 0.5) / nx : dims === 2 ? (y + 0.5) / ny : (z + 0.5) / nz;
          const u = dims === 1 ? 0.5 : (x + 0.5) / nx;
          const v = dims === 3 ? (y + 0.5) / ny : 0.5;
          out[cell] = patternFacies(pattern, u, v, height);
        }
      }
    }
    return out;
  }
  // A synthetic model from src/data, sampled at this resolution (its columns hold depth, top first).
  const geometry: Geometry =
    dims === 3 ? { dims, xs: centres(size), ys: centres(size), nz: size } : dims === 2 ? { dims, xs: centres(size), ys: [0.5], nz: size } : { dims, xs: [0.5], ys: [0.5], nz: size };
  const sample = generateSample(pattern, seed, geometry, { maxRegionalDip: 5, flip: 0 });
  const columns = geometry.xs.length * geometry.ys.length;
  for (let c = 0; c < columns; c++) {
    for (let k = 0; k < size; k++) {
      // 1D: the column is the x axis, depth down; 2D and 3D: turn the column over so height runs up.
      out[c * size + (dims === 1 ? k : size - 1 - k)] = sample.facies[c * size + k]!;
    }
  }
  return out;
}

/** The input H^{m-1}: [1, x, y, z, d], map d holding log d of every cell. */
export function inputTensor(config: InputConfig): Tensor {
  if (!Number.isInteger(config.depth) || config.depth < 1 || config.depth > MAX_DEPTH) {
    throw new ParamError('input', `the input depth in_d must be 1 to ${MAX_DEPTH} logs, got ${config.depth}`);
  }
  if (!Number.isInteger(config.size) || config.size < 1) {
    throw new ParamError('input', `the input size must be a whole number of cells, got ${config.size}`);
  }
  const facies = faciesGrid(config);
  const depth = config.depth;
  const x = tensor([1, ...spatialShape(config.dims, config.size), depth]);
  for (let cell = 0; cell < facies.length; cell++) {
    for (let d = 0; d < depth; d++) x.data[cell * depth + d] = LOGS[d]!.byFacies[facies[cell]!]!;
  }
  return x;
}

/** "gamma ray, density": the logs of an input of depth d. */
export function logNames(depth: number): string[] {
  return LOGS.slice(0, depth).map((l) => l.name);
}

/** Facies names present in a grid, for the text alternative. */
export function faciesPresent(facies: Uint8Array): string[] {
  const seen = new Set(facies);
  return FACIES.filter((_, code) => seen.has(code));
}
