/**
 * Loss functions, eq. 10 of the tutorial, for a batch.
 * Shapes: x [n, k] (logits for cross-entropy, predictions for MSE),
 * target [n, k]; returns the scalar loss and dx [n, k] = dL/dx.
 *
 * cross_entropy: CE = -sum_k p(k) log p^(k), with p^ = softmax(x) (eq. 8)
 *   applied inside, averaged over the n samples. With log p^(k) = s_k - LSE(s)
 *   (softmaxRow), CE = S LSE(s) - sum_k p(k) s_k, S = sum_k p(k) = 1: no
 *   exponential of a large logit is ever formed, so logits in the hundreds
 *   give a finite loss (338.79 in the conformance case), not Infinity.
 *   dx = (S p^ - p) / n, which is (p^ - p) / n for a probability target.
 *   The paper calls it "the negative log-likelihood of the cross entropy";
 *   cross-entropy against the target distribution IS the negative
 *   log-likelihood (for a one-hot target, -log p^ of the true class), there
 *   is no further likelihood to take.
 * mse: the paper's MSE = 1/P sum_{k=1..P} (y^_k - y_k)^2 is for one sample of
 *   P values; over a batch we average over all n * P values, as frameworks do:
 *   L = 1/(n k) sum (x - target)^2, dx = 2 (x - target) / (n k).
 */
import { ParamError, ShapeError, formatShape } from '../tensor/errors.ts';
import { assertKind } from '../tensor/params.ts';
import { assertFinite, assertShape, assertTensor, type Tensor } from '../tensor/tensor.ts';
import { assertLogits, softmaxRow } from './softmax.ts';

export const LOSS_KINDS = ['cross_entropy', 'mse'] as const;
export type LossKind = (typeof LOSS_KINDS)[number];

export interface LossAttrs {
  kind: LossKind;
}

export interface LossResult {
  loss: number;
  dx: Tensor;
}

const OP = 'loss';

/** How far a target row's sum may stray from 1 and still count as a probability distribution. */
export const PROBABILITY_SUM_TOLERANCE = 1e-6;

function assertProbabilities(target: Tensor): void {
  const [n, k] = target.shape as [number, number];
  for (let r = 0; r < n; r++) {
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const p = target.data[r * k + c]!;
      if (p < 0) throw new ParamError(OP, `cross_entropy target must hold probabilities, got ${p} at [${r}, ${c}] of ${formatShape(target.shape)}`);
      sum += p;
    }
    if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
      throw new ParamError(OP, `cross_entropy target row ${r} must sum to 1 (a probability distribution), got ${sum}`);
    }
  }
}

function crossEntropy(x: Tensor, target: Tensor): LossResult {
  assertProbabilities(target);
  const [n, k] = x.shape as [number, number];
  const dx = new Float64Array(x.data.length);
  let total = 0;
  for (let r = 0; r < n; r++) {
    const start = r * k;
    const lse = softmaxRow(x.data, start, k, dx); // dx holds p^ for now // term: phat
    let mass = 0;
    let weighted = 0;
    for (let c = 0; c < k; c++) {
      mass += target.data[start + c]!; // term: p
      weighted += target.data[start + c]! * x.data[start + c]!;
    }
    total += mass * lse - weighted; // term: L, p, phat
    for (let c = 0; c < k; c++) {
      dx[start + c] = (mass * dx[start + c]! - target.data[start + c]!) / n; // term: dL
    }
  }
  return { loss: total / n, dx: { shape: [...x.shape], data: dx } };
}

function meanSquaredError(x: Tensor, target: Tensor): LossResult {
  const count = x.data.length;
  const dx = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const diff = x.data[i]! - target.data[i]!; // term: yhat, y
    total += diff * diff; // term: L
    dx[i] = (2 * diff) / count; // term: dL
  }
  return { loss: total / count, dx: { shape: [...x.shape], data: dx } };
}

/** The batch loss of eq. 10 and its gradient with respect to x. */
export function loss(inputs: { x: Tensor; target: Tensor }, attrs: LossAttrs): LossResult {
  const kind = assertKind(OP, 'loss kind', attrs?.kind, LOSS_KINDS);
  const { x, target } = inputs;
  assertLogits(OP, 'x', x);
  if (x.shape[0]! < 1) throw new ShapeError(OP, `x needs at least one sample to average over, got ${formatShape(x.shape)}`);
  assertTensor(OP, 'target', target);
  assertShape(OP, 'target', target, x.shape);
  assertFinite(OP, 'target', target);
  const result = kind === 'cross_entropy' ? crossEntropy(x, target) : meanSquaredError(x, target);
  if (!Number.isFinite(result.loss)) {
    throw new ShapeError(OP, `the ${kind} loss overflows (${result.loss}): x ${formatShape(x.shape)} holds values too large`);
  }
  return result;
}
