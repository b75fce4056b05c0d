/**
 * The data set, browsed: the first models of the seed the training worker
 * uses (sample i is the same model on the page and in the worker), as facies
 * grids with their structure class and continuous targets. No DOM.
 */
import { FACIES, TARGETS, TENSOR_AXES, createDataset, type Dataset } from '../../src/data/index.ts';
import { tensor, type Tensor } from '../../src/tensor/index.ts';
import type { Dims } from './builder.ts';
import { DATA_SEED } from './training.ts';

/** Models shown in the browser: two of each class. */
export const BROWSE_COUNT = 8;

export function browseData(dims: Dims, size: number): Dataset {
  return createDataset({ seed: DATA_SEED, count: BROWSE_COUNT, dims, size, encoding: 'onehot' });
}

export interface BrowsedSample {
  readonly index: number;
  readonly dims: Dims;
  /** Facies codes 0-3 as a single-map tensor [x, y, z]. */
  readonly facies: Tensor;
  readonly className: string;
  readonly label: number;
  /** Net-to-gross and dip with their names and units. */
  readonly targets: readonly { readonly name: string; readonly unit: string; readonly value: number }[];
  /** Cells of each facies, in FACIES order. */
  readonly counts: readonly number[];
  /** What the tensor axes hold ('x', 'y', 'z (depth)'). */
  readonly axes: readonly string[];
}

export function browsedSample(ds: Dataset, index: number): BrowsedSample {
  const i = Math.max(0, Math.min(ds.samples.length - 1, index));
  const sample = ds.samples[i]!;
  const counts = FACIES.map(() => 0);
  for (const code of sample.facies) counts[code]!++;
  return {
    index: i,
    dims: ds.dims,
    facies: tensor([...sample.shape], Float64Array.from(sample.facies)),
    className: ds.classNames[ds.labels[i]!]!,
    label: ds.labels[i]!,
    targets: TARGETS.map((t, k) => ({ name: t.name, unit: t.unit, value: sample.targets[k]! })),
    counts,
    axes: TENSOR_AXES[ds.dims].map((a) => (a === 'z' ? 'z (depth)' : a)),
  };
}
