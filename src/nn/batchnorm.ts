/**
 * Batch normalization BN(.), eq. 5 of the tutorial (Ioffe & Szegedy 2015),
 * per feature map c (the last axis d), over the n * x * y * z values of that map:
 *   y = gamma_c (x - mu_c) / sqrt(var_c + eps) + beta_c
 * Shapes: x [n, x, y, z, d]; gamma, beta, mean, var [d]; y [n, x, y, z, d].
 *
 * train:     mu_c and var_c are the batch mean and BIASED variance (divide by
 *            m = n*x*y*z); forward also returns them (and m as `count`).
 * inference: mu_c and var_c are given (the running averages, see
 *            updateRunningStats) and act as constants.
 * Backward returns dx, dgamma, dbeta. In train mode dx carries the full
 * batch-statistics gradient (mu and var depend on every x):
 *   dx = gamma / (m sqrt(var + eps)) (m dy - sum dy - x^ sum(dy x^)),
 * in inference mode simply dx = gamma dy / sqrt(var + eps).
 *
 * The paper says "the mean and standard deviations are learnt during
 * training"; they are not learnt but computed from each mini-batch (and
 * averaged for inference). The learnt parameters are the scale gamma and the
 * shift beta, which the paper does not mention.
 *
 * A map with a single value (m = 1: one sample, one cell) has var = 0, so
 * x^ = 0 and y = beta whatever the input, with dx = 0: the layer erases its
 * input. eps keeps the division finite; oneValuePerMap() lets a chapter say so.
 */
import { ParamError, ShapeError, formatShape } from '../tensor/errors.ts';
import { assertKind, assertNumber, assertCount } from '../tensor/params.ts';
import { assertFinite, assertRank, assertShape, assertTensor, type Tensor } from '../tensor/tensor.ts';

export const BATCHNORM_MODES = ['train', 'inference'] as const;
export type BatchNormMode = (typeof BATCHNORM_MODES)[number];

export interface BatchNormAttrs {
  mode: BatchNormMode;
  eps: number;
}

export interface BatchNormInputs {
  x: Tensor;
  gamma: Tensor;
  beta: Tensor;
  /** Inference only: the statistics to normalise with (running averages). */
  mean?: Tensor;
  var?: Tensor;
}

export interface BatchNormSaved {
  readonly mode: BatchNormMode;
  /** The normalised input x^ = (x - mu) / sqrt(var + eps), shaped like x. */
  readonly xhat: Tensor;
  readonly invStd: Float64Array;
  readonly gamma: Float64Array;
  readonly count: number;
}

export interface BatchNormResult {
  y: Tensor;
  saved: BatchNormSaved;
  /** Train: the batch mean; inference: the given mean. [d] */
  mean: Tensor;
  /** Train: the batch's biased variance; inference: the given var. [d] */
  var: Tensor;
  /** m = n*x*y*z, the number of values behind each map's statistics. */
  count: number;
}

export interface RunningStats {
  mean: Tensor;
  var: Tensor;
}

const OP = 'batchnorm';
const LAYOUT = '[n, x, y, z, d]';

/** m = n*x*y*z: how many values each feature map's batch statistics average over. */
export function valuesPerMap(xShape: readonly number[]): number {
  if (!Array.isArray(xShape) || xShape.length !== 5 || !xShape.every((s) => Number.isInteger(s) && s >= 0)) {
    throw new ShapeError(OP, `x shape must be five non-negative integers ${LAYOUT}, got ${JSON.stringify(xShape)}`);
  }
  return xShape[0]! * xShape[1]! * xShape[2]! * xShape[3]!;
}

/**
 * True when each map's statistics come from a single value (m = 1, e.g. one
 * sample of a 1 x 1 x 1 layer): the batch variance is 0, every normalised
 * value is 0, the output is beta and no gradient reaches x.
 */
export function oneValuePerMap(xShape: readonly number[]): boolean {
  return valuesPerMap(xShape) === 1;
}

/** Running statistics before the first batch, as PyTorch starts them: mean 0, var 1. */
export function initialRunningStats(depth: number): RunningStats {
  const d = assertCount(OP, 'depth', depth, 0);
  return { mean: { shape: [d], data: new Float64Array(d) }, var: { shape: [d], data: new Float64Array(d).fill(1) } };
}

function assertVariance(name: string, v: Tensor): void {
  for (let c = 0; c < v.data.length; c++) {
    if (v.data[c]! < 0) throw new ParamError(OP, `${name} must be non-negative, got ${v.data[c]} for feature map ${c}`);
  }
}

/** Check x, gamma and beta (and in inference mean and var); return d. */
function validate(inputs: BatchNormInputs, mode: BatchNormMode): number {
  const { x, gamma, beta } = inputs;
  assertTensor(OP, 'x', x);
  assertRank(OP, 'x', x, 5, LAYOUT);
  const d = x.shape[4]!;
  const named: [string, Tensor | undefined][] = [['gamma', gamma], ['beta', beta]];
  if (mode === 'inference') named.push(['mean', inputs.mean], ['var', inputs.var]);
  for (const [name, t] of named) {
    if (t === undefined) throw new ShapeError(OP, `${mode} mode needs ${name} [d] = [${d}] for x ${formatShape(x.shape)}`);
    assertTensor(OP, name, t);
    if (t.shape.length !== 1 || t.shape[0] !== d) {
      throw new ShapeError(OP, `${name} ${formatShape(t.shape)} must have one value per feature map, [${d}] for x ${formatShape(x.shape)}`);
    }
  }
  if (mode === 'train' && valuesPerMap(x.shape) < 1 && d > 0) {
    throw new ShapeError(OP, `train mode needs at least one value per feature map to compute batch statistics, got x ${formatShape(x.shape)}`);
  }
  for (const [name, t] of named) assertFinite(OP, name, t!);
  assertFinite(OP, 'x', x);
  if (mode === 'inference') assertVariance('var', inputs.var!);
  return d;
}

/**
 * Per-map batch mean and biased variance (two passes, for accuracy). The
 * values of one cell are its d maps side by side ([n, x, y, z, d]), so the
 * loops walk cell by cell (`cell` steps by d), then map by map.
 */
function batchStatistics(x: Tensor, d: number, count: number): { mean: Float64Array; variance: Float64Array } {
  const mean = new Float64Array(d);
  const variance = new Float64Array(d);
  const v = x.data;
  for (let cell = 0; cell < v.length; cell += d) {
    for (let c = 0; c < d; c++) mean[c] += v[cell + c]!;
  }
  for (let c = 0; c < d; c++) mean[c] = mean[c]! / count;
  for (let cell = 0; cell < v.length; cell += d) {
    for (let c = 0; c < d; c++) {
      const diff = v[cell + c]! - mean[c]!;
      variance[c] += diff * diff;
    }
  }
  for (let c = 0; c < d; c++) variance[c] = variance[c]! / count;
  return { mean, variance };
}

export function forward(inputs: BatchNormInputs, attrs: BatchNormAttrs): BatchNormResult {
  const mode = assertKind(OP, 'mode', attrs?.mode, BATCHNORM_MODES);
  const eps = assertNumber(OP, 'eps', attrs.eps, { lo: 0, loOpen: true });
  const d = validate(inputs, mode);
  const { x, gamma, beta } = inputs;
  const count = valuesPerMap(x.shape); // term: m
  const stats = mode === 'train' ? batchStatistics(x, d, count) : { mean: inputs.mean!.data, variance: inputs.var!.data }; // term: mu, sigma2
  const invStd = new Float64Array(d);
  for (let c = 0; c < d; c++) {
    if (!Number.isFinite(stats.mean[c]!) || !Number.isFinite(stats.variance[c]!)) {
      throw new ShapeError(OP, `the batch statistics of feature map ${c} overflow: x ${formatShape(x.shape)} holds values too large to square and sum`);
    }
    invStd[c] = 1 / Math.sqrt(stats.variance[c]! + eps); // term: eps, sigma2
  }
  const xhat = new Float64Array(x.data.length);
  const y = new Float64Array(x.data.length);
  for (let cell = 0; cell < y.length; cell += d) {
    for (let c = 0; c < d; c++) {
      const i = cell + c;
      xhat[i] = (x.data[i]! - stats.mean[c]!) * invStd[c]!; // term: xhat, mu, sigma2
      y[i] = gamma.data[c]! * xhat[i]! + beta.data[c]!; // term: gamma, beta
    }
  }
  const out: Tensor = { shape: [...x.shape], data: y };
  assertFinite(OP, 'the output y', out);
  return {
    y: out,
    saved: { mode, xhat: { shape: [...x.shape], data: xhat }, invStd, gamma: gamma.data.slice(), count },
    mean: { shape: [d], data: stats.mean.slice() },
    var: { shape: [d], data: stats.variance.slice() },
    count,
  };
}

export function backward(dy: Tensor, saved: BatchNormSaved): { dx: Tensor; dgamma: Tensor; dbeta: Tensor } {
  const { mode, xhat, invStd, gamma, count } = saved;
  assertTensor(OP, 'dy', dy);
  assertShape(OP, 'dy', dy, xhat.shape);
  assertFinite(OP, 'dy', dy);
  const d = gamma.length;
  const dgamma = new Float64Array(d);
  const dbeta = new Float64Array(d);
  const g = dy.data;
  const h = xhat.data;
  for (let cell = 0; cell < g.length; cell += d) {
    for (let c = 0; c < d; c++) {
      dbeta[c] += g[cell + c]!;
      dgamma[c] += g[cell + c]! * h[cell + c]!;
    }
  }
  const dx = new Float64Array(g.length);
  const scale = gamma.map((v, c) => v * invStd[c]!);
  for (let cell = 0; cell < dx.length; cell += d) {
    for (let c = 0; c < d; c++) {
      const i = cell + c;
      dx[i] = mode === 'train' ? (scale[c]! / count) * (count * g[i]! - dbeta[c]! - h[i]! * dgamma[c]!) : scale[c]! * g[i]!;
    }
  }
  return {
    dx: { shape: [...dy.shape], data: dx },
    dgamma: { shape: [d], data: dgamma },
    dbeta: { shape: [d], data: dbeta },
  };
}

/**
 * Running averages for inference, PyTorch's convention:
 *   running <- (1 - momentum) running + momentum batch,   momentum in [0, 1] (PyTorch 0.1).
 * The running variance is UNBIASED, as in PyTorch: the batch's biased
 * variance is scaled by m / (m - 1). With m = 1 there is no unbiased estimate
 * (0 / 0); the batch variance 0 is used as is rather than dividing by zero.
 * Returns new tensors; `running` is not modified.
 */
export function updateRunningStats(
  running: RunningStats,
  batch: { mean: Tensor; var: Tensor; count: number },
  momentum: number,
): RunningStats {
  const m = assertNumber(OP, 'momentum', momentum, { lo: 0, hi: 1 });
  const count = assertCount(OP, 'count', batch?.count, 1);
  const named: [string, Tensor][] = [
    ['running mean', running?.mean],
    ['running var', running?.var],
    ['batch mean', batch.mean],
    ['batch var', batch.var],
  ];
  for (const [name, t] of named) assertTensor(OP, name, t);
  assertRank(OP, 'running mean', running.mean, 1, '[d]');
  const d = running.mean.shape;
  for (const [name, t] of named) {
    assertShape(OP, name, t, d);
    assertFinite(OP, name, t);
  }
  assertVariance('running var', running.var);
  assertVariance('batch var', batch.var);
  const correction = count > 1 ? count / (count - 1) : 1; // term: m
  const mean = new Float64Array(d[0]!);
  const variance = new Float64Array(d[0]!);
  for (let c = 0; c < mean.length; c++) {
    mean[c] = (1 - m) * running.mean.data[c]! + m * batch.mean.data[c]!; // term: runMean, momentum
    variance[c] = (1 - m) * running.var.data[c]! + m * correction * batch.var.data[c]!; // term: runVar, momentum
  }
  return { mean: { shape: [...d], data: mean }, var: { shape: [...d], data: variance } };
}
