/**
 * The running averages batch normalization keeps for inference. Training
 * mini-batches 1, 2, ... are drawn from the training set; each gives its
 * batch mean and variance per feature map (batchnorm in train mode), and
 * updateRunningStats (src/nn/batchnorm.ts) folds them in with the momentum.
 * The filters stay fixed here, so only the statistics move. A batch's
 * statistics do not depend on the momentum: they are computed once, when
 * first needed, and moving the momentum or the number of batches only
 * refolds them. No DOM.
 */
import * as batchnorm from '../../src/nn/batchnorm.ts';
import type { RunningStats } from '../../src/nn/batchnorm.ts';
import { ParamError, full, type Tensor } from '../../src/tensor/index.ts';
import { miniBatchPre, type TrainingSet } from './batch.ts';

/** What one training mini-batch contributes: its per-map mean, biased variance and m. */
export interface BatchStatistics {
  readonly mean: Tensor;
  readonly var: Tensor;
  readonly count: number;
}

/** The per-map mean and biased variance batchnorm computes in train mode (they do not depend on gamma, beta or eps). */
export function batchStatistics(pre: Tensor): BatchStatistics {
  const d = pre.shape[4]!;
  const { mean, var: variance, count } = batchnorm.forward({ x: pre, gamma: full([d], 1), beta: full([d], 0) }, { mode: 'train', eps: 1 });
  return { mean, var: variance, count };
}

export interface TrainingStream {
  /** Samples per training batch. */
  readonly batch: number;
  /** Statistics of training batch k (k >= 1), computed once. */
  statistics(k: number): BatchStatistics;
}

export const MAX_STEPS = 60;

export function trainingStream(set: TrainingSet, batch: number): TrainingStream {
  const cache: BatchStatistics[] = [];
  return {
    batch,
    statistics(k) {
      if (!Number.isInteger(k) || k < 1 || k > MAX_STEPS) throw new ParamError('running averages', `training batch k must be from 1 to ${MAX_STEPS}, got ${k}`);
      const stats = cache[k] ?? batchStatistics(miniBatchPre(set, batch, k));
      cache[k] = stats;
      return stats;
    },
  };
}

function checkSteps(steps: number): void {
  if (!Number.isInteger(steps) || steps < 0 || steps > MAX_STEPS) {
    throw new ParamError('running averages', `the number of training batches must be from 0 to ${MAX_STEPS}, got ${steps}`);
  }
}

export interface RunningHistory {
  /** running[k]: the averages after k training batches; running[0] is the start (mean 0, var 1). */
  readonly running: readonly RunningStats[];
  /** batches[k - 1]: the statistics of training batch k. */
  readonly batches: readonly BatchStatistics[];
  readonly momentum: number;
}

/** The running averages after each of the first `steps` training batches. */
export function runningHistory(
  stream: TrainingStream,
  depth: number,
  momentum: number,
  steps: number,
): RunningHistory {
  checkSteps(steps);
  let current = batchnorm.initialRunningStats(depth);
  const running: RunningStats[] = [current];
  const batches: BatchStatistics[] = [];
  for (let k = 1; k <= steps; k++) {
    const batch = stream.statistics(k);
    current = batchnorm.updateRunningStats(current, batch, momentum); // term: runMean, runVar, momentum
    running.push(current);
    batches.push(batch);
  }
  return { running, batches, momentum };
}
