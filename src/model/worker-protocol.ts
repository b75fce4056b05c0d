/**
 * The messages between a page and its training worker (src/workers/
 * training.worker.ts), and the checks the worker applies to what it receives.
 *
 * One worker holds at most one job. A job is one network architecture, one
 * data set, one loss and one seed, trained by one or more RUNS: each run has
 * its own optimizer (eqs. 11-15) and schedule (full-batch, stochastic or
 * mini-batch, eq. 11), and every run starts from the SAME initial weights and
 * visits the samples in the same seeded order. So the optimizer race (N
 * optimizers from identical weights) and the schedule comparison (the same
 * problem, three variants of eq. 11) are each one job of several runs. Runs
 * advance in lockstep, one update each in turn, so their curves share the
 * update axis.
 *
 * The page names each job with a `jobId` and sends it with every command; the
 * worker stamps every reply with it and with a `generation` that `reset`
 * increments, so a page can drop replies to a job (or a generation) it has
 * moved on from. Every number in a worker message is finite or null.
 *
 * A run's trained network can be exported as a network file (`export`,
 * answered by `network`; src/model/saved-network.ts), a job can start from a
 * saved network's weights and batchnorm statistics (`network.parameters` and
 * `network.running`, see networkDescriptionOf), and a run can classify an
 * input the reader loaded (`predict`, answered by `prediction`).
 *
 *   page -> worker: start, pause, resume, step, reset, inspect, export, predict, stop, ping
 *   worker -> page: ready, pong, started, progress, snapshot, network, prediction, diverged, done, error
 */
import type { FastKernel } from '../nn/conv.ts';
import type { RunningStats } from '../nn/batchnorm.ts';
import type { LossKind } from '../nn/loss.ts';
import type { OptimizerConfig } from '../optim/index.ts';
import type { BiasInit, Tensor, TruncatedNormalOptions } from '../tensor/index.ts';
import type { Dataset, Schedule } from './batch.ts';
import type { LayerSpec } from './spec.ts';
import { readJob, readInclude, readSampleRef } from './worker-protocol-job.ts';
import { ProtocolError, flag, integer, onlyKeys, optional, record, tensorRecord, text } from './protocol-checks.ts';
import { LIMITS, SAMPLE_SETS } from './worker-limits.ts';

export { DEFAULTS, INCLUDE_KEYS, LIMITS, SAMPLE_SETS } from './worker-limits.ts';
export { ProtocolError } from './protocol-checks.ts';

export const PROTOCOL_VERSION = 1;

// ---------------------------------------------------------------- the job

export interface NetworkDescription {
  readonly layers: readonly LayerSpec[];
  /** One sample: [x, y, z, d] or [k]. */
  readonly inputShape: readonly number[];
  /** The paper's 'ones' (default) or 'zeros'. */
  readonly biasInit?: BiasInit;
  /** Truncated normal of the weights; default the paper's N(0, 0.1) cut at 2 sigma. */
  readonly init?: TruncatedNormalOptions;
  /** Initial values by name (`c1.w`, ...); the others are drawn from the seed. */
  readonly parameters?: Readonly<Record<string, Tensor>>;
  /** Initial batchnorm running averages by layer name (a saved network's); the others start at mean 0, var 1. */
  readonly running?: Readonly<Record<string, RunningStats>>;
}

/** Data the page already holds, sent as tensors (Float64Array data, finite). */
export interface TensorData {
  readonly kind: 'tensors';
  readonly train: Dataset;
  readonly validation?: Dataset;
  /** Names of the K classes (cross-entropy), for the confusion matrix. */
  readonly classNames?: readonly string[];
  /** How a facies grid became the inputs ('scaled', 'sand', 'onehot'); written into exported network files. */
  readonly encoding?: string;
}

/**
 * Data the worker makes itself (a large synthetic set would block the page
 * while it is generated): `generator` names one the worker registers, e.g.
 * 'geology' (src/workers/geology-data.ts); it validates its own `options`.
 */
export interface GeneratedData {
  readonly kind: 'generated';
  readonly generator: string;
  readonly options: unknown;
}

export type DataDescription = TensorData | GeneratedData;

export interface RunSpec {
  /** Unique within the job; replies name the run by it. */
  readonly id: string;
  /** For legends; default the id. */
  readonly label?: string;
  readonly optimizer: OptimizerConfig;
  readonly schedule: Schedule;
  /** m, for mini-batch. */
  readonly batchSize?: number;
}

export type SampleSet = (typeof SAMPLE_SETS)[number];

export interface SampleRef {
  readonly set: SampleSet;
  readonly index: number;
}

/** What a detailed snapshot carries; every field defaults to true. */
export interface InspectInclude {
  /** Every hidden layer H^m of the sample. */
  readonly activations?: boolean;
  /** Filters, weights, biases, gamma and beta. */
  readonly parameters?: boolean;
  /** The gradient of each parameter used by the latest update. */
  readonly gradients?: boolean;
  /** Batchnorm running averages and the latest batch's statistics. */
  readonly batchnorm?: boolean;
  /** The network output for the sample, its softmax (eq. 8) and loss. */
  readonly output?: boolean;
}

/** Detailed snapshots sent without being asked, every `every` updates of the listed runs. */
export interface SnapshotPlan {
  /** Updates between snapshots; further throttled to the progress rate while running. */
  readonly every: number;
  /** Default: the first run. */
  readonly runs?: readonly string[];
  readonly sample: SampleRef;
  readonly include?: InspectInclude;
}

export interface TrainingJob {
  readonly network: NetworkDescription;
  readonly data: DataDescription;
  readonly loss: LossKind;
  readonly runs: readonly RunSpec[];
  /** Draws the initial weights (shared by every run) and the sample order. Integer in [0, 2^32 - 1]. */
  readonly seed: number;
  /** Epochs per run. */
  readonly epochs: number;
  /** A run stops after this many updates even mid-epoch. */
  readonly maxSteps?: number;
  /** Wait for `resume` or `step` instead of training at once. */
  readonly startPaused?: boolean;
  /** Upper bound on progress messages per second; default 20. */
  readonly progressPerSecond?: number;
  /** Milliseconds of computing between looks at the message queue; default 10. */
  readonly sliceMs?: number;
  /** A run is diverging when its batch loss exceeds this multiple of max(first loss, 1); default 1e4. */
  readonly explodeFactor?: number;
  readonly snapshots?: SnapshotPlan;
}

// ------------------------------------------------------- page -> worker

export interface StartMessage {
  readonly type: 'start';
  readonly jobId: string;
  readonly job: TrainingJob;
}

/** pause: finish the current update and wait. resume: train on. step: one update of every run, while paused.
 *  reset: back to the initial weights from the seed, paused at update 0. stop: drop the job. */
export interface ControlMessage {
  readonly type: 'pause' | 'resume' | 'step' | 'reset' | 'stop';
  readonly jobId: string;
}

export interface InspectMessage {
  readonly type: 'inspect';
  readonly jobId: string;
  /** Echoed in the snapshot (or error) so the page can match the answer. */
  readonly requestId: number;
  /** Default: the first run. */
  readonly runId?: string;
  readonly sample: SampleRef;
  readonly include?: InspectInclude;
}

/** The run's network as a network file (src/model/saved-network.ts), answered by `network`. */
export interface ExportMessage {
  readonly type: 'export';
  readonly jobId: string;
  readonly requestId: number;
  /** Default: the first run. */
  readonly runId?: string;
}

/**
 * The run's network applied to one input (in inference mode, eq. 5 with the
 * running averages), answered by `prediction`. The input is one sample,
 * [...inputShape] or [1, ...inputShape]; checkNetworkInput says why another
 * shape does not fit.
 */
export interface PredictMessage {
  readonly type: 'predict';
  readonly jobId: string;
  readonly requestId: number;
  /** Default: the first run. */
  readonly runId?: string;
  readonly input: Tensor;
  /** Also every hidden layer H^m of the input (default false). */
  readonly activations?: boolean;
}

/** Heartbeat: answered with `pong` within one time slice, whatever the worker is doing. */
export interface PingMessage {
  readonly type: 'ping';
  readonly seq: number;
}

export type PageMessage = StartMessage | ControlMessage | InspectMessage | ExportMessage | PredictMessage | PingMessage;

export const CONTROL_TYPES = ['pause', 'resume', 'step', 'reset', 'stop'] as const;
export const PAGE_MESSAGE_TYPES = ['start', ...CONTROL_TYPES, 'inspect', 'export', 'predict', 'ping'] as const;

// ------------------------------------------------------- worker -> page

export interface ReadyMessage {
  readonly type: 'ready';
  readonly protocol: number;
}

export interface PongMessage {
  readonly type: 'pong';
  readonly seq: number;
}

export interface LayerInfo {
  readonly index: number;
  /** "conv c1", "activation relu", ... */
  readonly label: string;
  readonly type: LayerSpec['type'];
  /** H^m of one sample. */
  readonly outShape: readonly number[];
}

/** Sent once per job and after each reset: what the worker built. */
export interface StartedMessage {
  readonly type: 'started';
  readonly jobId: string;
  readonly generation: number;
  readonly network: {
    readonly inputShape: readonly number[];
    readonly outputShape: readonly number[];
    readonly layers: readonly LayerInfo[];
    readonly parameterCount: number;
  };
  readonly data: { readonly trainSize: number; readonly validationSize: number; readonly classNames: readonly string[] | null };
  readonly runs: readonly { readonly id: string; readonly label: string; readonly batchesPerEpoch: number }[];
  readonly epochs: number;
  readonly maxSteps: number | null;
  /** Which convolution kernel the worker trains with (src/nn/conv.ts): the same numbers either way. */
  readonly kernel: FastKernel;
}

export type SessionState = 'running' | 'paused' | 'finished';
export type RunStatus = 'running' | 'finished' | 'diverged';

/** Metrics of one epoch (the last one of a run may be partial when maxSteps ends it). */
export interface EpochRecord {
  /** 1-based. */
  readonly epoch: number;
  /** Updates done when it ended. */
  readonly step: number;
  readonly complete: boolean;
  /** Training samples the means average over. */
  readonly samples: number;
  /** Sample-weighted mean of the epoch's batch losses (eq. 10, before each update). */
  readonly loss: number;
  readonly accuracy: number | null;
  /** On the validation set, in inference mode, after the epoch's last update; null without one. */
  readonly validationLoss: number | null;
  readonly validationAccuracy: number | null;
  /** K x K counts, row = true class, column = predicted (cross-entropy with validation). */
  readonly confusion: readonly number[] | null;
}

export interface RunProgress {
  readonly id: string;
  readonly status: RunStatus;
  /** Updates done. */
  readonly step: number;
  /** 1-based epoch and batch of the latest update; 0 before the first. */
  readonly epoch: number;
  readonly batch: number;
  /** Latest batch loss and accuracy; null before the first update. */
  readonly loss: number | null;
  readonly accuracy: number | null;
  /** The batch losses of updates firstStep, firstStep + 1, ... done since the previous progress message. */
  readonly firstStep: number;
  readonly losses: Float64Array;
  readonly accuracies: Float64Array | null;
  /** Epochs ended since the previous progress message. */
  readonly epochs: readonly EpochRecord[];
  readonly diverged: string | null;
}

export interface ProgressMessage {
  readonly type: 'progress';
  readonly jobId: string;
  readonly generation: number;
  readonly state: SessionState;
  /** Time spent training (running or stepping), not paused. */
  readonly elapsedMs: number;
  /** Updates of all runs per second over about the last second of training; null while not measurable. */
  readonly updatesPerSecond: number | null;
  readonly runs: readonly RunProgress[];
}

export interface SampleInspection {
  readonly set: SampleSet;
  readonly index: number;
  /** [1, ...inputShape]. */
  readonly input: Tensor;
  /** [1, k]. */
  readonly target: Tensor;
  /** Arg-max of the target (cross-entropy), else null. */
  readonly label: number | null;
}

export interface LayerInspection extends LayerInfo {
  /** H^m of the sample, [1, ...outShape], in inference mode. */
  readonly activation: Tensor;
}

export interface ParameterInspection {
  readonly name: string;
  readonly layer: string;
  readonly value: Tensor | null;
  /** dL/dtheta of the latest update's batch; null before the first update or when not asked for. */
  readonly gradient: Tensor | null;
}

export interface BatchNormInspection {
  readonly name: string;
  readonly index: number;
  /** What inference normalises with (eq. 5). */
  readonly runningMean: Float64Array;
  readonly runningVar: Float64Array;
  /** Mean and biased variance per feature map of the latest update's batch under the current parameters; null before the first update. */
  readonly batchMean: Float64Array | null;
  readonly batchVar: Float64Array | null;
}

export interface OutputInspection {
  /** The network output (logits for cross-entropy) for the sample. */
  readonly values: Float64Array;
  /** Softmax of the logits (eq. 8), cross-entropy only. */
  readonly probabilities: Float64Array | null;
  readonly predicted: number | null;
  /** Loss of this sample alone (eq. 10). */
  readonly loss: number;
}

export type SnapshotReason = 'inspect' | 'cadence' | 'final';

export interface SnapshotMessage {
  readonly type: 'snapshot';
  readonly jobId: string;
  readonly generation: number;
  /** The inspect request answered, or null for a planned snapshot. */
  readonly requestId: number | null;
  readonly reason: SnapshotReason;
  readonly runId: string;
  readonly step: number;
  readonly epoch: number;
  readonly sample: SampleInspection;
  readonly layers: readonly LayerInspection[] | null;
  readonly parameters: readonly ParameterInspection[] | null;
  readonly batchnorm: readonly BatchNormInspection[] | null;
  readonly output: OutputInspection | null;
}

/** The answer to `export`: the network file's text (saved-network.ts format). */
export interface NetworkMessage {
  readonly type: 'network';
  readonly jobId: string;
  readonly generation: number;
  readonly requestId: number;
  readonly runId: string;
  /** Updates the run had done. */
  readonly step: number;
  readonly text: string;
}

export interface PredictionOutput {
  /** The network output (logits for cross-entropy, the P values for MSE). */
  readonly values: Float64Array;
  /** Softmax of the logits (eq. 8), cross-entropy only. */
  readonly probabilities: Float64Array | null;
  /** Arg-max class (cross-entropy), else null. */
  readonly predicted: number | null;
  /** Its name, when the job's data names the classes. */
  readonly className: string | null;
}

/** The answer to `predict`. */
export interface PredictionMessage {
  readonly type: 'prediction';
  readonly jobId: string;
  readonly generation: number;
  readonly requestId: number;
  readonly runId: string;
  readonly step: number;
  readonly epoch: number;
  /** The input as the network saw it, [1, ...inputShape]. */
  readonly input: Tensor;
  readonly output: PredictionOutput;
  /** Every hidden layer H^m of the input when asked for, else null. */
  readonly layers: readonly LayerInspection[] | null;
}

export interface DivergedMessage {
  readonly type: 'diverged';
  readonly jobId: string;
  readonly generation: number;
  readonly runId: string;
  /** The update (1-based) that blew up. */
  readonly step: number;
  readonly epoch: number;
  /** Names the update and what blew up; ends with what to do. */
  readonly message: string;
}

export interface RunSummary {
  readonly id: string;
  readonly status: RunStatus;
  readonly step: number;
  readonly loss: number | null;
  readonly diverged: string | null;
}

export interface DoneMessage {
  readonly type: 'done';
  readonly jobId: string;
  readonly generation: number;
  /** finished: every run reached its end or diverged. stopped: the page said stop. failed: an error ended it. */
  readonly reason: 'finished' | 'stopped' | 'failed';
  readonly runs: readonly RunSummary[];
}

/**
 * message: the page sent something malformed. job: the job cannot be built
 * (shapes, hyperparameters, data). state: a command that does not apply now
 * (step while running, a stale jobId). inspect: that snapshot cannot be made.
 * export: the network cannot be written as a file. predict: the input does
 * not fit the network. internal: an unexpected failure while training; the job ends.
 */
export const ERROR_KINDS = ['message', 'job', 'state', 'inspect', 'export', 'predict', 'internal'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface ErrorMessage {
  readonly type: 'error';
  readonly jobId: string | null;
  readonly kind: ErrorKind;
  readonly message: string;
  readonly requestId: number | null;
}

export type WorkerMessage =
  | ReadyMessage
  | PongMessage
  | StartedMessage
  | ProgressMessage
  | SnapshotMessage
  | NetworkMessage
  | PredictionMessage
  | DivergedMessage
  | DoneMessage
  | ErrorMessage;

export const WORKER_MESSAGE_TYPES = ['ready', 'pong', 'started', 'progress', 'snapshot', 'network', 'prediction', 'diverged', 'done', 'error'] as const;

// ------------------------------------------------------- validation

/** A page message checked field by field; throws ProtocolError naming the field. */
export function parsePageMessage(data: unknown): PageMessage {
  const m = record(data, 'message');
  const type = m.type;
  if (typeof type !== 'string' || !(PAGE_MESSAGE_TYPES as readonly string[]).includes(type)) {
    throw new ProtocolError(`message type must be one of ${PAGE_MESSAGE_TYPES.join(', ')}, got ${JSON.stringify(type) ?? 'nothing'}`);
  }
  if (type === 'ping') {
    onlyKeys(m, ['type', 'seq'], 'ping');
    return { type, seq: integer(m.seq, 'ping: seq', 0, Number.MAX_SAFE_INTEGER) };
  }
  const jobId = text(m.jobId, `${type}: jobId`, LIMITS.idLength);
  if (type === 'start') {
    onlyKeys(m, ['type', 'jobId', 'job'], 'start');
    return { type, jobId, job: readJob(m.job, 'start: job') };
  }
  if (type === 'inspect') {
    onlyKeys(m, ['type', 'jobId', 'requestId', 'runId', 'sample', 'include'], 'inspect');
    const runId = optional(m.runId, (v) => text(v, 'inspect: runId', LIMITS.idLength), undefined);
    const include = optional(m.include, (v) => readInclude(v, 'inspect: include'), undefined);
    return {
      type,
      jobId,
      requestId: integer(m.requestId, 'inspect: requestId', 0, Number.MAX_SAFE_INTEGER),
      sample: readSampleRef(m.sample, 'inspect: sample'),
      ...(runId === undefined ? {} : { runId }),
      ...(include === undefined ? {} : { include }),
    };
  }
  if (type === 'export') {
    onlyKeys(m, ['type', 'jobId', 'requestId', 'runId'], 'export');
    const runId = optional(m.runId, (v) => text(v, 'export: runId', LIMITS.idLength), undefined);
    return { type, jobId, requestId: integer(m.requestId, 'export: requestId', 0, Number.MAX_SAFE_INTEGER), ...(runId === undefined ? {} : { runId }) };
  }
  if (type === 'predict') {
    onlyKeys(m, ['type', 'jobId', 'requestId', 'runId', 'input', 'activations'], 'predict');
    const runId = optional(m.runId, (v) => text(v, 'predict: runId', LIMITS.idLength), undefined);
    const activations = optional(m.activations, (v) => flag(v, 'predict: activations'), undefined);
    return {
      type,
      jobId,
      requestId: integer(m.requestId, 'predict: requestId', 0, Number.MAX_SAFE_INTEGER),
      input: tensorRecord(m.input, 'predict: input', LIMITS.tensorValues),
      ...(runId === undefined ? {} : { runId }),
      ...(activations === undefined ? {} : { activations }),
    };
  }
  onlyKeys(m, ['type', 'jobId'], type);
  return { type: type as ControlMessage['type'], jobId };
}

/** The page's check of what a worker posted: a known type (the worker is ours, so shapes are trusted). */
export function isWorkerMessage(data: unknown): data is WorkerMessage {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  return typeof type === 'string' && (WORKER_MESSAGE_TYPES as readonly string[]).includes(type);
}
