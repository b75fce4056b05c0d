/** Small training jobs for the protocol, session and client tests. */
import type { LayerSpec } from '../../src/model/index.ts';
import type { RunSpec, StartMessage, TrainingJob } from '../../src/model/worker-protocol.ts';
import { LEFT_RIGHT_NET, leftRightImages } from './fixtures.ts';

export const TRAIN = leftRightImages(16);
export const VALIDATION = leftRightImages(8, 11);

/** LEFT_RIGHT_NET with batchnorm after the convolution (eq. 5). */
export const LEFT_RIGHT_BN_NET: LayerSpec[] = [
  { type: 'conv', name: 'c1', size: [3, 3, 1], filters: 2, padding: [1, 1, 0] },
  { type: 'batchnorm', name: 'bn1' },
  { type: 'activation', kind: 'relu' },
  { type: 'pool', kind: 'max', window: [2, 2, 1] },
  { type: 'flatten' },
  { type: 'dense', name: 'fc1', units: 2 },
];

export const SGD_RUN: RunSpec = { id: 'sgd', optimizer: { kind: 'sgd', lr: 0.5 }, schedule: 'full-batch' };

/** The five optimizers of eqs. 11-15 on the same mini-batches. */
export const RACE: RunSpec[] = [
  { id: 'sgd', optimizer: { kind: 'sgd', lr: 0.1 }, schedule: 'mini-batch', batchSize: 4 },
  { id: 'momentum', optimizer: { kind: 'momentum', lr: 0.1 }, schedule: 'mini-batch', batchSize: 4 },
  { id: 'adagrad', optimizer: { kind: 'adagrad', lr: 0.1 }, schedule: 'mini-batch', batchSize: 4 },
  { id: 'rmsprop', optimizer: { kind: 'rmsprop', lr: 0.01 }, schedule: 'mini-batch', batchSize: 4 },
  { id: 'adam', optimizer: { kind: 'adam', lr: 0.01 }, schedule: 'mini-batch', batchSize: 4 },
];

export function job(overrides: Partial<TrainingJob> = {}): TrainingJob {
  return {
    network: { layers: LEFT_RIGHT_NET, inputShape: [4, 4, 1, 1] },
    data: { kind: 'tensors', train: TRAIN },
    loss: 'cross_entropy',
    runs: [SGD_RUN],
    seed: 7,
    epochs: 10,
    ...overrides,
  };
}

export function start(jobId = 'job-1', overrides: Partial<TrainingJob> = {}): StartMessage {
  return { type: 'start', jobId, job: job(overrides) };
}
