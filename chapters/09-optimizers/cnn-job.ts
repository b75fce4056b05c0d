/**
 * The second race: the same optimizers, with the same settings, training a
 * real small CNN in the training worker. One job, one run per optimizer, all
 * from the same initial weights (the job's seed) and visiting the samples in
 * the same order (src/model/worker-protocol.ts). The data: vertical sections
 * 12 x 12 cells of the synthetic geological models (src/data), one-hot
 * facies, four structure classes; 180 to train on, 60 held out.
 */
import type { LayerSpec } from '../../src/model/index.ts';
import { ParamError } from '../../src/tensor/index.ts';
import type { RunSpec, TrainingJob } from '../../src/model/worker-protocol.ts';
import { runnersFor, type RaceSettings } from './race.ts';

export const SECTION_CELLS = 12;

/** conv (3 x 3, 4 filters) -> ReLU -> 2 x 2 max pooling -> flatten -> 4 class scores. */
export const CNN_LAYERS: readonly LayerSpec[] = [
  { type: 'conv', name: 'c1', size: [3, 3, 1], filters: 4, padding: [1, 1, 0] },
  { type: 'activation', kind: 'relu' },
  { type: 'pool', kind: 'max', window: [2, 2, 1] },
  { type: 'flatten' },
  { type: 'dense', name: 'fc1', units: 4 },
];

export const CNN_EPOCHS = 10;
export const CNN_BATCH = 8;
export const CNN_SAMPLES = 240;

/**
 * The job for the optimizers switched on (and eq. 15 as printed when asked).
 * Adam without bias correction is a surface demonstration only: the core's
 * optimizers, which the worker runs, always correct.
 */
export function cnnJob(settings: RaceSettings): TrainingJob {
  const runs: RunSpec[] = runnersFor(settings)
    .filter((r) => r.biasCorrection)
    .map((r) => ({ id: r.id, label: r.label, optimizer: r.config, schedule: 'mini-batch', batchSize: CNN_BATCH }));
  if (runs.length === 0) {
    throw new ParamError('race', 'the CNN race needs one of the five optimizers switched on (Adam without bias correction runs on the surfaces only)');
  }
  return {
    network: { layers: CNN_LAYERS, inputShape: [SECTION_CELLS, SECTION_CELLS, 1, 4] },
    data: {
      kind: 'generated',
      generator: 'geology',
      options: { dataset: { seed: 3, count: CNN_SAMPLES, dims: 2, size: SECTION_CELLS }, validationFraction: 0.25 },
    },
    loss: 'cross_entropy',
    runs,
    seed: 1,
    epochs: CNN_EPOCHS,
    startPaused: true,
  };
}
