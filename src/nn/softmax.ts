/**
 * Softmax, eq. 8 of the tutorial, row by row:
 *   p(k) = e^{s_k} / sum_{c=1..K} e^{s_c}
 * Shapes: logits x [n, k] -> probabilities y [n, k]; backward dy [n, k] -> dx [n, k].
 *
 * Computed as e^{s_k - m} / sum_c e^{s_c - m}, m = max_c s_c: every exponent
 * is <= 0, so logits of 1000 do not overflow (e^1000 = Infinity would give
 * Infinity / Infinity = NaN).
 *
 * Backward is the Jacobian-vector product, dp_k/ds_j = p_k ([k = j] - p_j):
 *   dx_j = p_j (dy_j - sum_k dy_k p_k).
 */
import { ShapeError, formatShape } from '../tensor/errors.ts';
import { assertFinite, assertRank, assertShape, assertTensor, type Tensor } from '../tensor/tensor.ts';

/** Softmax has no attributes; the parameter keeps the uniform forward(inputs, attrs). */
export type SoftmaxAttrs = Record<string, never>;

export interface SoftmaxSaved {
  readonly y: Tensor;
}

const OP = 'softmax';

/**
 * Softmax of one row data[start .. start + k) (k >= 1) into out[start ..], as
 * e^{s_k - m} / sum_c e^{s_c - m} with m the row max (dividing by the sum keeps
 * full precision; forming e^{s_k - LSE} would lose the low digits of m + log sum).
 * Returns LSE(s) = m + log sum_c e^{s_c - m}, the log normaliser cross-entropy needs.
 */
export function softmaxRow(data: ArrayLike<number>, start: number, k: number, out: Float64Array): number {
  let max = data[start]!;
  for (let c = 1; c < k; c++) if (data[start + c]! > max) max = data[start + c]!; // term: s
  let sum = 0;
  for (let c = 0; c < k; c++) {
    const e = Math.exp(data[start + c]! - max); // term: s
    out[start + c] = e;
    sum += e;
  }
  for (let c = 0; c < k; c++) out[start + c] = out[start + c]! / sum; // term: phat
  return max + Math.log(sum);
}

/**
 * Validate a [n, k] tensor of logits with at least one class; shared with the
 * cross-entropy loss, which applies the same softmax inside.
 */
export function assertLogits(op: string, name: string, x: Tensor): void {
  assertTensor(op, name, x);
  assertRank(op, name, x, 2, '[n, k]');
  if (x.shape[1]! < 1) throw new ShapeError(op, `${name} needs at least one value per row (k >= 1), got ${formatShape(x.shape)}`);
  assertFinite(op, name, x);
}

export function forward(inputs: { x: Tensor }, _attrs: SoftmaxAttrs = {}): { y: Tensor; saved: SoftmaxSaved } {
  const { x } = inputs;
  assertLogits(OP, 'x', x);
  const y: Tensor = { shape: [...x.shape], data: new Float64Array(x.data.length) };
  const [n, k] = x.shape as [number, number];
  for (let r = 0; r < n; r++) softmaxRow(x.data, r * k, k, y.data);
  return { y, saved: { y } };
}

export function backward(dy: Tensor, saved: SoftmaxSaved): { dx: Tensor } {
  const { y } = saved;
  assertTensor(OP, 'dy', dy);
  assertShape(OP, 'dy', dy, y.shape);
  assertFinite(OP, 'dy', dy);
  const [n, k] = y.shape as [number, number];
  const dx = new Float64Array(y.data.length);
  for (let r = 0; r < n; r++) {
    const start = r * k;
    let inner = 0;
    for (let c = 0; c < k; c++) inner += dy.data[start + c]! * y.data[start + c]!;
    for (let c = 0; c < k; c++) dx[start + c] = y.data[start + c]! * (dy.data[start + c]! - inner);
  }
  return { dx: { shape: [...y.shape], data: dx } };
}
