/**
 * The input X the page's network would read: one synthetic geological model
 * from src/data (a folded sequence of shale, sandstone, siltstone and
 * limestone), cut to the configured grid. With one input variable each cell
 * holds its facies code scaled to [0, 1]; with four, one indicator map per
 * facies (one-hot), so in_d counts real variables.
 */
import { createDataset, type Dims } from '../../src/data/index.ts';
import type { Tensor } from '../../src/tensor/index.ts';
import type { ArchitectureConfig } from './architecture.ts';

/** Fixed, so the same settings always show the same rocks. */
export const SAMPLE_SEED = 2019;

/** Depths the data can encode: facies as one scaled code, or one indicator per facies. */
export const INPUT_DEPTHS = [1, 4] as const;

export function inputSample(config: Pick<ArchitectureConfig, 'dims' | 'size' | 'depth'>): Tensor {
  const dataset = createDataset({
    seed: SAMPLE_SEED,
    count: 1,
    dims: config.dims as Dims,
    size: config.size,
    classes: ['folded'],
    encoding: config.depth === 4 ? 'onehot' : 'scaled',
  });
  return dataset.inputs;
}
