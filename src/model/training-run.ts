/**
 * One run of a job: a network holding its own copy of the initial weights,
 * its optimizer state (eqs. 12-15 via createTrainer), and its seeded sample
 * order (eq. 11: full-batch, stochastic or mini-batch). `advance()` does one
 * unit of work, an update or a slice of the validation pass, so the session
 * can look at its message queue between units. Batch losses and epoch
 * metrics pile up until the session takes them for a progress message.
 */
import { createRng, type Rng, type Tensor } from '../tensor/index.ts';
import { epochBatches, gatherRows, type Dataset } from './batch.ts';
import { evaluate } from './evaluate.ts';
import type { Network } from './network.ts';
import { createTrainer, trainStep, type StepResult, type Trainer } from './train.ts';
import { divergenceCause, divergenceMessage, explosionCause } from './training-divergence.ts';
import { createRunNetwork, orderSeed, type BuiltJob, type ResolvedRun } from './training-job.ts';
import type { EpochRecord, RunProgress, RunStatus, RunSummary } from './worker-protocol.ts';

/** Validation samples per unit of work: small enough to keep a unit near a training update. */
export const VALIDATION_CHUNK = 16;

type Work = 'update' | 'validation' | null;

interface Validation {
  readonly record: Omit<EpochRecord, 'validationLoss' | 'validationAccuracy' | 'confusion'>;
  offset: number;
  lossSum: number;
  confusion: number[] | null;
}

function argmax(data: Float64Array, start: number, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if (data[start + c]! > data[start + best]!) best = c;
  return best;
}

export class TrainingRun {
  readonly spec: ResolvedRun;
  readonly net: Network;
  status: RunStatus = 'running';
  /** Updates done. */
  step = 0;
  /** 1-based epoch and batch of the latest update (0 before the first). */
  epoch = 0;
  batch = 0;
  loss: number | null = null;
  accuracy: number | null = null;
  /** The gradients of the latest update and the samples of its batch (for inspection). */
  gradients: Readonly<Record<string, Tensor>> | null = null;
  lastBatch: Int32Array | null = null;
  diverged: string | null = null;
  /** The update (1-based) that blew up and its epoch. */
  divergedAt: { step: number; epoch: number } | null = null;
  /** Epochs completed, and the metrics of the latest epoch ended (complete or cut by maxSteps). */
  completeEpochs = 0;
  lastEpoch: EpochRecord | null = null;

  private readonly built: BuiltJob;
  private readonly trainer: Trainer;
  private readonly rng: Rng;
  private epochIndex = 0;
  private batches: Int32Array[] | null = null;
  private batchIndex = 0;
  private sums = { loss: 0, accuracy: 0, samples: 0 };
  private firstLoss: number | null = null;
  private validation: Validation | null = null;
  private pending = { firstStep: 1, losses: [] as number[], accuracies: [] as number[], epochs: [] as EpochRecord[] };

  constructor(built: BuiltJob, spec: ResolvedRun) {
    this.built = built;
    this.spec = spec;
    this.net = createRunNetwork(built);
    this.trainer = createTrainer(this.net, spec.optimizer);
    // Every run gets the same stream: runs with the same schedule see the same batches.
    this.rng = createRng(orderSeed(built.settings.seed));
  }

  /** True while the validation pass after an epoch is under way (no update until it ends). */
  get validating(): boolean {
    return this.validation !== null;
  }

  advance(): Work {
    if (this.status !== 'running') return null;
    if (this.validation) {
      this.validateChunk(this.validation);
      return 'validation';
    }
    this.update();
    return 'update';
  }

  private get train(): Dataset {
    return this.built.data.train;
  }

  private update(): void {
    const { loss: lossKind, maxSteps, explodeFactor } = this.built.settings;
    this.batches ??= epochBatches(this.train.x.shape[0]!, this.spec.schedule, this.spec.batchSize, this.rng);
    const indices = this.batches[this.batchIndex]!;
    let result: StepResult;
    try {
      result = trainStep(this.net, this.trainer, { x: gatherRows(this.train.x, indices), target: gatherRows(this.train.target, indices) }, lossKind);
    } catch (e) {
      // trainStep left the parameters as they were before this update.
      const cause = divergenceCause(e);
      if (cause === null) throw e;
      this.diverge(this.step + 1, this.epochIndex + 1, cause);
      return;
    }
    this.step++;
    this.batchIndex++;
    this.epoch = this.epochIndex + 1;
    this.batch = this.batchIndex;
    this.loss = result.loss;
    this.accuracy = result.accuracy;
    this.gradients = result.gradients;
    this.lastBatch = indices;
    this.firstLoss ??= result.loss;
    this.pending.losses.push(result.loss);
    if (result.accuracy !== null) this.pending.accuracies.push(result.accuracy);
    this.sums.loss += result.loss * indices.length;
    this.sums.accuracy += (result.accuracy ?? 0) * indices.length;
    this.sums.samples += indices.length;

    const explosion = explosionCause(result.loss, this.firstLoss, explodeFactor);
    if (explosion !== null) return this.diverge(this.step, this.epoch, explosion);
    const epochEnded = this.batchIndex === this.batches.length;
    if (epochEnded || (maxSteps !== null && this.step >= maxSteps)) this.endEpoch(epochEnded);
  }

  private endEpoch(complete: boolean): void {
    const record = {
      epoch: this.epochIndex + 1,
      step: this.step,
      complete,
      samples: this.sums.samples,
      loss: this.sums.loss / this.sums.samples,
      accuracy: this.built.settings.loss === 'cross_entropy' ? this.sums.accuracy / this.sums.samples : null,
    };
    this.sums = { loss: 0, accuracy: 0, samples: 0 };
    this.batches = null;
    this.batchIndex = 0;
    this.epochIndex++;
    if (this.built.data.validation) {
      const k = this.net.outputShape[0]!;
      this.validation = { record, offset: 0, lossSum: 0, confusion: this.built.settings.loss === 'cross_entropy' ? new Array<number>(k * k).fill(0) : null };
    } else {
      this.commit({ ...record, validationLoss: null, validationAccuracy: null, confusion: null });
    }
  }

  /** Eq. 10 and the arg-max accuracy on the validation set in inference mode, VALIDATION_CHUNK samples at a time. */
  private validateChunk(v: Validation): void {
    const set = this.built.data.validation!;
    const n = set.x.shape[0]!;
    const end = Math.min(n, v.offset + VALIDATION_CHUNK);
    const rows = Int32Array.from({ length: end - v.offset }, (_, i) => v.offset + i);
    const target = gatherRows(set.target, rows);
    const k = target.shape[1]!;
    let result;
    try {
      result = evaluate(this.net, { x: gatherRows(set.x, rows), target }, this.built.settings.loss);
    } catch (e) {
      const cause = divergenceCause(e);
      if (cause === null) throw e;
      this.validation = null;
      return this.diverge(this.step, this.epoch, `on the validation set, ${cause}`);
    }
    v.lossSum += result.loss * rows.length;
    if (v.confusion) {
      for (let r = 0; r < rows.length; r++) v.confusion[argmax(target.data, r * k, k) * k + argmax(result.output.data, r * k, k)]!++;
    }
    v.offset = end;
    if (end < n) return;
    this.validation = null;
    let correct = 0;
    if (v.confusion) for (let c = 0; c < k; c++) correct += v.confusion[c * k + c]!;
    this.commit({
      ...v.record,
      validationLoss: v.lossSum / n,
      validationAccuracy: v.confusion ? correct / n : null,
      confusion: v.confusion,
    });
  }

  private commit(record: EpochRecord): void {
    this.pending.epochs.push(record);
    this.lastEpoch = record;
    if (record.complete) this.completeEpochs++;
    const { epochs, maxSteps } = this.built.settings;
    if (this.epochIndex >= epochs || (maxSteps !== null && this.step >= maxSteps)) this.status = 'finished';
  }

  private diverge(step: number, epoch: number, cause: string): void {
    this.status = 'diverged';
    this.validation = null;
    this.divergedAt = { step, epoch };
    this.diverged = divergenceMessage(step, epoch, cause, this.trainer.optimizer.config.lr);
  }

  /** Everything since the previous call; then starts collecting again. */
  takeProgress(): RunProgress {
    const p = this.pending;
    this.pending = { firstStep: this.step + 1, losses: [], accuracies: [], epochs: [] };
    return {
      id: this.spec.id,
      status: this.status,
      step: this.step,
      epoch: this.epoch,
      batch: this.batch,
      loss: this.loss,
      accuracy: this.accuracy,
      firstStep: p.firstStep,
      losses: Float64Array.from(p.losses),
      accuracies: this.built.settings.loss === 'cross_entropy' ? Float64Array.from(p.accuracies) : null,
      epochs: p.epochs,
      diverged: this.diverged,
    };
  }

  summary(): RunSummary {
    return { id: this.spec.id, status: this.status, step: this.step, loss: this.loss, diverged: this.diverged };
  }
}
