/**
 * Eq. 11 three ways on the same small problem: one training-worker job
 * (src/model/worker-protocol.ts) with a full-batch, a stochastic and a
 * mini-batch run of plain gradient descent, the same learning rate, the same
 * initial weights (the job's seed) and the same seeded sample order. The
 * problem: 2D sections 12 x 12 cells of the synthetic geological models
 * (src/data), one-hot facies; classify the structure (cross-entropy) or
 * predict net-to-gross and dip scaled to [0, 1] (MSE). 48 sections to train
 * on, 16 held out, so an epoch is 1, 48 / m or 48 updates. No DOM.
 */
import type { LayerSpec } from '../../src/model/index.ts';
import type { TrainingView } from '../../src/model/training-view.ts';
import type { RunSpec, TrainingJob } from '../../src/model/worker-protocol.ts';
import { ParamError } from '../../src/tensor/index.ts';

export const SECTION_CELLS = 12;
export const SAMPLES = 64;
export const TRAIN_SAMPLES = 48;
export const EPOCHS = 20;

export type Task = 'classes' | 'properties';

export const SCHEDULES = ['full-batch', 'stochastic', 'mini-batch'] as const;
export type ScheduleId = (typeof SCHEDULES)[number];

/** Okabe-Ito colours, one meaning per schedule on the page. */
export const SCHEDULE_COLORS: Readonly<Record<ScheduleId, string>> = {
  'full-batch': '#0072b2',
  stochastic: '#d55e00',
  'mini-batch': '#009e73',
};

/** conv (3 x 3, 4 filters) -> ReLU or TanH -> 2 x 2 pooling -> flatten -> 4 class scores or 2 outputs. */
export function layers(task: Task): LayerSpec[] {
  return [
    { type: 'conv', name: 'c1', size: [3, 3, 1], filters: 4, padding: [1, 1, 0] },
    { type: 'activation', kind: task === 'classes' ? 'relu' : 'tanh' },
    { type: 'pool', kind: task === 'classes' ? 'max' : 'avg', window: [2, 2, 1] },
    { type: 'flatten' },
    { type: 'dense', name: 'fc1', units: task === 'classes' ? 4 : 2 },
  ];
}

export interface ScheduleSettings {
  readonly task: Task;
  /** alpha, the learning rate. */
  readonly lr: number;
  /** m, the mini-batch size. */
  readonly batch: number;
}

/** Updates per epoch of each schedule: 1 for full-batch, n for stochastic, ceil(n / m) for mini-batch. */
export function updatesPerEpoch(schedule: ScheduleId, batch: number, n = TRAIN_SAMPLES): number {
  if (schedule === 'full-batch') return 1;
  if (schedule === 'stochastic') return n;
  return Math.ceil(n / batch);
}

/** The job: three runs of eq. 11 from one seed. */
export function scheduleJob(settings: ScheduleSettings): TrainingJob {
  const { task, lr, batch } = settings;
  if (!(lr > 0) || !Number.isFinite(lr)) throw new ParamError('schedules', `the learning rate alpha must be a positive number, got ${lr}`);
  if (!Number.isInteger(batch) || batch < 2 || batch >= TRAIN_SAMPLES) {
    throw new ParamError('schedules', `a mini-batch holds 2 to ${TRAIN_SAMPLES - 1} sections (1 is stochastic, ${TRAIN_SAMPLES} is full-batch), got m = ${batch}`);
  }
  const sgd = { kind: 'sgd', lr } as const; // term: alpha
  const runs: RunSpec[] = [
    { id: 'full-batch', label: 'full-batch', optimizer: sgd, schedule: 'full-batch' }, // term: grad
    { id: 'stochastic', label: 'stochastic', optimizer: sgd, schedule: 'stochastic' }, // term: grad
    { id: 'mini-batch', label: `mini-batch, m = ${batch}`, optimizer: sgd, schedule: 'mini-batch', batchSize: batch }, // term: grad
  ];
  return {
    network: { layers: layers(task), inputShape: [SECTION_CELLS, SECTION_CELLS, 1, 4] },
    data: {
      kind: 'generated',
      generator: 'geology',
      options: { dataset: { seed: 3, count: SAMPLES, dims: 2, size: SECTION_CELLS }, validationFraction: 0.25, target: task },
    },
    loss: task === 'classes' ? 'cross_entropy' : 'mse',
    runs,
    seed: 1, // term: theta
    epochs: EPOCHS,
    startPaused: true,
  };
}

export type Axis = 'epoch' | 'update';

export interface Curve {
  readonly id: string;
  readonly name: string;
  readonly color: string | undefined;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/**
 * The batch loss of every update of every run, against the epoch it falls in
 * (update i of a run with b updates per epoch is at epoch i / b) or the update
 * number. Losses that are not finite are left out (the chart breaks the line).
 */
export function curves(view: TrainingView, axis: Axis): Curve[] {
  return view.runs.map((r) => {
    const per = Math.max(1, r.batchesPerEpoch);
    const n = r.losses.length;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = axis === 'epoch' ? (i + 1) / per : i + 1;
    return { id: r.id, name: r.label, color: SCHEDULE_COLORS[r.id as ScheduleId], x, y: Float64Array.from(r.losses) };
  });
}

/** How noisy each curve is: the mean absolute change of the batch loss from one update to the next, over the last 20 updates. */
export function jitter(losses: ArrayLike<number>, last = 20): number | null {
  const n = losses.length;
  if (n < 3) return null;
  let sum = 0;
  let count = 0;
  for (let i = Math.max(1, n - last); i < n; i++) {
    const d = Math.abs(losses[i]! - losses[i - 1]!);
    if (Number.isFinite(d)) {
      sum += d;
      count++;
    }
  }
  return count ? sum / count : null;
}
