/**
 * Training, eq. 11 with the optimizers of eqs. 12-15: every parameter tensor
 * gets its own optimizer state; one step is forward, loss, backward, then the
 * optimizer's update of every parameter and the batchnorm running averages.
 *
 * `train` is a generator of immutable snapshots (one per update) for
 * full-batch, stochastic and mini-batch gradient descent. When the loss, a
 * gradient or a parameter stops being finite (or grows past 1e150), it yields
 * a last snapshot whose `diverged` says where, leaves the parameters as they
 * were before that update, and ends: the chapters never draw NaN.
 */
import { updateRunningStats } from '../nn/batchnorm.ts';
import { LOSS_KINDS, type LossKind } from '../nn/loss.ts';
import { createOptimizer, type Optimizer, type OptimizerConfig, type OptimizerState } from '../optim/index.ts';
import { assertCount, assertKind, assertNumber, createRng, type Tensor } from '../tensor/index.ts';
import { SCHEDULES, datasetSize, epochBatches, gatherRows, type Dataset, type Schedule } from './batch.ts';
import { assertHealthy, DivergenceError } from './divergence.ts';
import { accuracy } from './evaluate.ts';
import { lossAndGradients } from './loss.ts';
import type { Network } from './network.ts';

export interface Trainer {
  readonly optimizer: Optimizer;
  /** Optimizer state per parameter name. */
  readonly states: Readonly<Record<string, OptimizerState>>;
}

export function createTrainer(net: Network, config: OptimizerConfig): Trainer {
  const optimizer = createOptimizer(config);
  const states: Record<string, OptimizerState> = {};
  for (const [name, t] of Object.entries(net.params)) states[name] = optimizer.init(t.data.length);
  return { optimizer, states };
}

export interface StepResult {
  /** The batch loss before the update. */
  readonly loss: number;
  /** Fraction of the batch whose arg-max matches the target's (cross-entropy), else null. */
  readonly accuracy: number | null;
  readonly gradients: Readonly<Record<string, Tensor>>;
}

/**
 * One update on one batch. Throws DivergenceError (and leaves the parameters
 * as they were) when the loss, a gradient or an updated parameter is not finite.
 */
export function trainStep(net: Network, trainer: Trainer, batch: Dataset, lossKind: LossKind): StepResult {
  const { loss, output, gradients, pass } = lossAndGradients(net, batch.x, batch.target, lossKind, 'train'); // term: L, grad
  const before: Record<string, Float64Array> = {};
  for (const [name, t] of Object.entries(net.params)) {
    before[name] = t.data.slice();
    trainer.optimizer.step(t.data, gradients[name]!.data, trainer.states[name]!); // term: theta, alpha
  }
  try {
    for (const [name, t] of Object.entries(net.params)) assertHealthy(t.data, `parameter ${name} after the update`);
  } catch (e) {
    for (const [name, t] of Object.entries(net.params)) t.data.set(before[name]!);
    throw e;
  }
  for (const layer of net.layers) {
    const spec = layer.spec;
    if (spec.type !== 'batchnorm') continue;
    net.running[spec.name] = updateRunningStats(net.running[spec.name]!, pass.batchStats[spec.name]!, spec.momentum!);
  }
  return { loss, accuracy: lossKind === 'cross_entropy' ? accuracy(output, batch.target) : null, gradients };
}

export interface TrainOptions {
  readonly loss: LossKind;
  readonly optimizer: OptimizerConfig;
  readonly schedule: Schedule;
  /** m, for mini-batch. */
  readonly batchSize?: number;
  readonly epochs: number;
  /** Seeds the order of the samples. */
  readonly seed: number;
}

export interface TrainSnapshot {
  /** Updates done so far (1 after the first). */
  readonly step: number;
  /** 0-based epoch of this update. */
  readonly epoch: number;
  /** 0-based batch within the epoch. */
  readonly batch: number;
  readonly batchSize: number;
  /**
   * Loss of this batch before the update. The last snapshot of a diverged run
   * repeats the previous update's loss, or is null when the first update diverged.
   */
  readonly loss: number | null;
  readonly accuracy: number | null;
  /** At the last batch of an epoch: the sample-weighted mean of the epoch's batch losses; else null. */
  readonly epochLoss: number | null;
  /** True on the last snapshot. */
  readonly done: boolean;
  /** Why training stopped early, or null. */
  readonly diverged: string | null;
}

function checkOptions(options: TrainOptions): void {
  assertKind('train', 'loss kind', options.loss, LOSS_KINDS);
  assertKind('train', 'schedule', options.schedule, SCHEDULES);
  assertCount('train', 'epochs', options.epochs);
  assertNumber('train', 'seed', options.seed);
}

export function* train(net: Network, data: Dataset, options: TrainOptions): Generator<TrainSnapshot, void, void> {
  checkOptions(options);
  const n = datasetSize(data);
  const trainer = createTrainer(net, options.optimizer);
  const rng = createRng(options.seed);
  let step = 0;
  let lastLoss: number | null = null;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const batches = epochBatches(n, options.schedule, options.batchSize, rng);
    let sum = 0;
    for (let b = 0; b < batches.length; b++) {
      const indices = batches[b]!;
      const batch = { x: gatherRows(data.x, indices), target: gatherRows(data.target, indices) };
      let result: StepResult;
      try {
        result = trainStep(net, trainer, batch, options.loss);
      } catch (e) {
        if (!(e instanceof DivergenceError)) throw e;
        yield Object.freeze({
          step,
          epoch,
          batch: b,
          batchSize: indices.length,
          loss: lastLoss,
          accuracy: null,
          epochLoss: null,
          done: true,
          diverged: `${e.message} (at update ${step + 1}, epoch ${epoch + 1})`,
        });
        return;
      }
      step++;
      lastLoss = result.loss;
      sum += result.loss * indices.length;
      const lastOfEpoch = b === batches.length - 1;
      yield Object.freeze({
        step,
        epoch,
        batch: b,
        batchSize: indices.length,
        loss: result.loss,
        accuracy: result.accuracy,
        epochLoss: lastOfEpoch ? sum / n : null,
        done: lastOfEpoch && epoch === options.epochs - 1,
        diverged: null,
      });
    }
  }
}
