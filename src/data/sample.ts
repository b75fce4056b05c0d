/**
 * One sample: a geological model, the cells it shows (before and after flip
 * noise) and its targets. Everything in it is plain data (typed arrays,
 * numbers, records), so it crosses a worker boundary by structured clone.
 */
import { ShapeError } from '../tensor/errors.ts';
import type { Triple } from '../tensor/params.ts';
import { createRng } from '../tensor/rng.ts';
import type { StructureKind } from './classes.ts';
import { sampleModel, spatialShape, type Dims, type Geometry } from './geometry.ts';
import { drawModel, type GeologicalModel } from './model.ts';
import { flipCells } from './noise.ts';
import { STREAM, mixSeed } from './seed.ts';
import { computeTargets } from './targets.ts';

export interface Sample {
  readonly kind: StructureKind;
  /** The sample's own seed; its structure, flips and measurement noise come from separate streams of it. */
  readonly seed: number;
  readonly model: GeologicalModel;
  readonly geometry: Geometry;
  /** Spatial shape [x, y, z] of the sample in the network's layout. */
  readonly shape: Triple;
  /** Facies codes before noise, in tensor order. */
  readonly clean: Uint8Array;
  /** Facies codes after flip noise (the same values as `clean` without it). */
  readonly facies: Uint8Array;
  /** [net-to-gross, dip], see targets.ts. */
  readonly targets: readonly number[];
}

export interface SampleOptions {
  readonly maxRegionalDip: number;
  readonly flip: number;
}

export function generateSample(kind: StructureKind, seed: number, geometry: Geometry, options: SampleOptions): Sample {
  const model = drawModel(kind, createRng(mixSeed(seed, STREAM.structure)), { maxRegionalDip: options.maxRegionalDip });
  const clean = sampleModel(model, geometry);
  const facies = options.flip > 0 ? flipCells(clean, options.flip, createRng(mixSeed(seed, STREAM.flips))) : clean;
  return {
    kind,
    seed,
    model,
    geometry,
    shape: spatialShape(geometry),
    clean,
    facies,
    targets: computeTargets(model, geometry, clean),
  };
}

/** Cells of the columns `columns` (indices into the xs-by-ys column grid), concatenated. */
function takeColumns(cells: Uint8Array, columns: readonly number[], nz: number): Uint8Array {
  const out = new Uint8Array(columns.length * nz);
  columns.forEach((c, i) => out.set(cells.subarray(c * nz, (c + 1) * nz), i * nz));
  return out;
}

/**
 * The 2D section or 1D column of a sample, as a sample of its own: a block
 * gives its x-z section through the middle row of columns (index floor(ny / 2),
 * which is y = 0.5 exactly when ny is odd) and its central column; a section
 * gives its central column. Targets are measured again on what the slice shows.
 */
export function sliceSample(sample: Sample, dims: Dims): Sample {
  const g = sample.geometry;
  if (dims === g.dims) return sample;
  if (dims > g.dims) {
    throw new ShapeError('slice', `a ${g.dims}D sample cannot give ${dims}D data; slices only go down (3D block -> 2D section -> 1D column)`);
  }
  const nx = g.xs.length;
  const ny = g.ys.length;
  const j = Math.floor(ny / 2);
  const i = Math.floor(nx / 2);
  const section = dims === 2;
  const columns = section ? Array.from({ length: nx }, (_, a) => a * ny + j) : [i * ny + j];
  const geometry: Geometry = section
    ? { dims, xs: g.xs, ys: [g.ys[j]!], nz: g.nz }
    : { dims, xs: [g.xs[i]!], ys: [g.ys[j]!], nz: g.nz };
  const clean = takeColumns(sample.clean, columns, g.nz);
  const facies = sample.facies === sample.clean ? clean : takeColumns(sample.facies, columns, g.nz);
  return {
    kind: sample.kind,
    seed: sample.seed,
    model: sample.model,
    geometry,
    shape: spatialShape(geometry),
    clean,
    facies,
    targets: computeTargets(sample.model, geometry, clean),
  };
}
