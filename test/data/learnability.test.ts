/**
 * Sanity check that the classes and targets can be learnt: two hand-made
 * features and a nearest-centroid classifier, fitted on one data set and
 * scored on another, must beat chance by far. A CNN should do better still;
 * if these fail, the generator has made the classes indistinguishable.
 */
import { describe, expect, it } from 'vitest';
import { createDataset, type Dataset } from '../../src/data/dataset.ts';
import { SAND } from '../../src/data/facies.ts';
import type { Sample } from '../../src/data/sample.ts';
import { columnsOf } from './grid-helpers.ts';

/**
 * [lateral change, plane heterogeneity]: the share of horizontally adjacent
 * cell pairs with different facies, and the mean share of each horizontal
 * plane (row, in a section) that is not its most common facies.
 */
function features(s: Sample): [number, number] {
  const { nx, ny, nz } = columnsOf(s);
  const f = s.facies;
  const at = (i: number, j: number, k: number) => f[(i * ny + j) * nz + k];
  let changes = 0;
  let pairs = 0;
  let heterogeneity = 0;
  for (let k = 0; k < nz; k++) {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < nx; i++) {
      for (let j = 0; j < ny; j++) {
        counts[at(i, j, k)!]!++;
        if (i + 1 < nx) {
          pairs++;
          if (at(i, j, k) !== at(i + 1, j, k)) changes++;
        }
        if (j + 1 < ny) {
          pairs++;
          if (at(i, j, k) !== at(i, j + 1, k)) changes++;
        }
      }
    }
    heterogeneity += 1 - Math.max(...counts) / (nx * ny);
  }
  return [changes / pairs, heterogeneity / nz];
}

interface Centroids {
  mean: number[][];
  scale: number[];
}

function fit(ds: Dataset): Centroids {
  const k = ds.classes.length;
  const xs = ds.samples.map(features);
  const scale = [0, 1].map((d) => {
    const v = xs.map((x) => x[d]!);
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length);
  });
  const mean = Array.from({ length: k }, (_, c) => {
    const mine = xs.filter((_, i) => ds.labels[i] === c);
    return [0, 1].map((d) => mine.reduce((a, x) => a + x[d]!, 0) / mine.length);
  });
  return { mean, scale };
}

function accuracy(model: Centroids, ds: Dataset): number {
  let right = 0;
  ds.samples.forEach((s, i) => {
    const x = features(s);
    let best = -1;
    let bestDistance = Infinity;
    model.mean.forEach((m, c) => {
      const d = ((x[0] - m[0]!) / model.scale[0]!) ** 2 + ((x[1] - m[1]!) / model.scale[1]!) ** 2;
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    });
    if (best === ds.labels[i]) right++;
  });
  return right / ds.samples.length;
}

function correlation(a: number[], b: number[]): number {
  const ma = a.reduce((s, v) => s + v, 0) / a.length;
  const mb = b.reduce((s, v) => s + v, 0) / b.length;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((v, i) => {
    ab += (v - ma) * (b[i]! - mb);
    aa += (v - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  });
  return ab / Math.sqrt(aa * bb);
}

const NOISE = { flip: 0.02 };

describe('learnability of the classes and targets', () => {
  // measured: 0.74 (3D) and 0.79 (2D); a floor of 0.6 leaves room for deliberate tuning of the ranges
  it.each([
    [3, 16, 0.6],
    [2, 32, 0.6],
  ] as const)('%iD: two simple features classify unseen samples far above chance (1 in 4)', (dims, size, floor) => {
    const train = createDataset({ seed: 100, count: 200, dims, size, noise: NOISE, encoding: 'scaled' });
    const test = createDataset({ seed: 200, count: 200, dims, size, noise: NOISE, encoding: 'scaled' });
    expect(accuracy(fit(train), test)).toBeGreaterThan(floor);
  });

  it('separates horizontal from folded layering almost perfectly by plane heterogeneity', () => {
    const options = { count: 200, dims: 3, size: 16, noise: NOISE, classes: ['horizontal', 'folded'], encoding: 'scaled' } as const;
    const model = fit(createDataset({ seed: 101, ...options }));
    expect(accuracy(model, createDataset({ seed: 201, ...options }))).toBeGreaterThan(0.95);
  });

  it('ties the net-to-gross target to the sand seen in the (noisy) input', () => {
    const ds = createDataset({ seed: 103, count: 200, dims: 3, size: 16, noise: NOISE, encoding: 'sand' });
    const seen = ds.samples.map((s) => s.facies.filter((f) => f === SAND).length / s.facies.length);
    const ntg = ds.samples.map((s) => s.targets[0]!);
    expect(correlation(seen, ntg)).toBeGreaterThan(0.95);
  });

  it('ties the dip target to how much the layering changes laterally', () => {
    const ds = createDataset({ seed: 104, count: 200, dims: 2, size: 32, noise: NOISE, encoding: 'scaled' });
    const lateral = ds.samples.map((s) => features(s)[0]);
    const dip = ds.samples.map((s) => s.targets[1]!);
    expect(correlation(lateral, dip)).toBeGreaterThan(0.7);
  });
});
