/**
 * Builds a checked job into what its runs start from: the data, the network
 * plan (eq. 2 through the stack) and ONE set of initial weights drawn from the
 * seed with the paper's initialization (section 2.3), which every run copies;
 * so runs differ only in their optimizer (eqs. 12-15) and schedule (eq. 11).
 * Anything that cannot work is refused here, before the first update, with a
 * message naming the layer, run or data field.
 */
import type { RunningStats } from '../nn/batchnorm.ts';
import { kernelInUse } from '../nn/conv.ts';
import type { LossKind } from '../nn/loss.ts';
import { ParamError, createRng, sizeOf, type Tensor } from '../tensor/index.ts';
import { gatherRows, type Schedule } from './batch.ts';
import { lossAndGradients } from './loss.ts';
import { createNetwork, type Network } from './network.ts';
import { checkData, prepareData, type DataGenerators, type PreparedData } from './training-data.ts';
import { DEFAULTS, LIMITS } from './worker-limits.ts';
import type { StartedMessage, TrainingJob } from './worker-protocol.ts';
import type { OptimizerConfig } from '../optim/index.ts';

export interface ResolvedRun {
  readonly id: string;
  readonly label: string;
  readonly optimizer: OptimizerConfig;
  readonly schedule: Schedule;
  readonly batchSize: number | undefined;
  readonly batchesPerEpoch: number;
}

export interface JobSettings {
  readonly loss: LossKind;
  readonly epochs: number;
  readonly maxSteps: number | null;
  readonly seed: number;
  readonly progressPerSecond: number;
  readonly sliceMs: number;
  readonly explodeFactor: number;
}

export type StartedInfo = Omit<StartedMessage, 'type' | 'jobId' | 'generation'>;

export interface BuiltJob {
  readonly job: TrainingJob;
  readonly data: PreparedData;
  /** The initial parameters every run copies. */
  readonly initial: Readonly<Record<string, Tensor>>;
  /** The initial batchnorm running averages (a saved network's, or mean 0 and var 1). */
  readonly initialRunning: Readonly<Record<string, RunningStats>>;
  readonly runs: readonly ResolvedRun[];
  readonly settings: JobSettings;
  readonly info: StartedInfo;
}

/**
 * The sample order has its own stream, so that the same seed gives the same
 * weights whatever the schedule, and `train(net, data, { seed: orderSeed(s) })`
 * on a network drawn from createRng(s) reproduces a run exactly.
 */
export function orderSeed(seed: number): number {
  return (seed ^ 0x5bd1e995) >>> 0;
}

function batchesPerEpoch(n: number, schedule: Schedule, batchSize: number | undefined): number {
  if (schedule === 'full-batch') return 1;
  if (schedule === 'stochastic') return n;
  return Math.ceil(n / batchSize!);
}

/** A fresh network holding a copy of the job's initial weights. */
export function createRunNetwork(built: BuiltJob): Network {
  const { layers, inputShape } = built.job.network;
  return createNetwork(layers, { inputShape, parameters: built.initial, running: built.initialRunning });
}

export function buildJob(job: TrainingJob, generators: DataGenerators): BuiltJob {
  const { network: desc, loss } = job;
  const net = createNetwork(desc.layers, {
    inputShape: desc.inputShape,
    rng: createRng(job.seed),
    ...(desc.biasInit ? { biasInit: desc.biasInit } : {}),
    ...(desc.init ? { init: desc.init } : {}),
    ...(desc.parameters ? { parameters: desc.parameters } : {}),
    ...(desc.running ? { running: desc.running } : {}),
  });
  const parameterCount = Object.values(net.params).reduce((s, t) => s + sizeOf(t.shape), 0);
  if (parameterCount > LIMITS.parameters) {
    throw new ParamError('network', `${parameterCount} parameters are over the limit of ${LIMITS.parameters} for training in the page`);
  }
  const data = prepareData(job.data, generators);
  const { trainSize, validationSize } = checkData(data, net, loss);
  const snapshots = job.snapshots;
  if (snapshots?.sample.set === 'validation' && validationSize === 0) throw new ParamError('snapshots', 'the sample is from the validation set, but the job has none');
  const setSize = snapshots?.sample.set === 'validation' ? validationSize : trainSize;
  if (snapshots && snapshots.sample.index >= setSize) {
    throw new ParamError('snapshots', `sample ${snapshots.sample.index} is outside the ${snapshots.sample.set} set of ${setSize}`);
  }
  // One update's worth of computation on the first sample: an op that refuses
  // this data says so now, not at update 1 of a running job.
  const first = Int32Array.of(0);
  lossAndGradients(net, gatherRows(data.train.x, first), gatherRows(data.train.target, first), loss, 'train');

  const runs = job.runs.map((r) => ({
    id: r.id,
    label: r.label ?? r.id,
    optimizer: r.optimizer,
    schedule: r.schedule,
    batchSize: r.batchSize,
    batchesPerEpoch: batchesPerEpoch(trainSize, r.schedule, r.batchSize),
  }));
  return {
    job,
    data,
    initial: net.params,
    initialRunning: net.running,
    runs,
    settings: {
      loss,
      epochs: job.epochs,
      maxSteps: job.maxSteps ?? null,
      seed: job.seed,
      progressPerSecond: job.progressPerSecond ?? DEFAULTS.progressPerSecond,
      sliceMs: job.sliceMs ?? DEFAULTS.sliceMs,
      explodeFactor: job.explodeFactor ?? DEFAULTS.explodeFactor,
    },
    info: {
      network: {
        inputShape: net.inputShape,
        outputShape: net.outputShape,
        layers: net.layers.map((l) => ({ index: l.index, label: l.label, type: l.spec.type, outShape: l.outShape })),
        parameterCount,
      },
      data: { trainSize, validationSize, classNames: data.classNames },
      runs: runs.map((r) => ({ id: r.id, label: r.label, batchesPerEpoch: r.batchesPerEpoch })),
      epochs: job.epochs,
      maxSteps: job.maxSteps ?? null,
      kernel: kernelInUse(),
    },
  };
}
