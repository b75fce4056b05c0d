/**
 * Activation functions g(.), eq. 4 of the tutorial, applied element-wise:
 *   Sigmoid(x) = 1 / (1 + e^-x)
 *   TanH(x)    = (e^x - e^-x) / (e^x + e^-x)
 *   ReLU(x)    = x if x >= 0, 0 if x < 0
 * with derivatives s(1 - s), 1 - t^2 and [x > 0].
 *
 * Shapes: x of any shape, usually a hidden layer [n, x, y, z, d] (eq. 3) or a
 * fully connected layer [n, k] (eq. 7, 9); y and dx have the shape of x.
 *
 * The paper gives no derivative of ReLU at 0. Any value in [0, 1] is a
 * subgradient there; like the frameworks (PyTorch, TensorFlow) we take 0.
 */
import { assertKind, assertNumber } from '../tensor/params.ts';
import { assertFinite, assertShape, assertTensor, type Tensor } from '../tensor/tensor.ts';

export const ACTIVATION_KINDS = ['sigmoid', 'tanh', 'relu'] as const;
export type ActivationKind = (typeof ACTIVATION_KINDS)[number];

export interface ActivationAttrs {
  kind: ActivationKind;
}

export interface ActivationSaved {
  readonly kind: ActivationKind;
  /** The output y: every derivative of eq. 4 is a function of it. */
  readonly y: Tensor;
}

const OP = 'activation';

/**
 * Sigmoid without overflow: for x < 0, e^-x overflows (x = -1000 gives
 * 1 / (1 + Infinity) = 0, harmless) but the mirrored form e^x / (1 + e^x)
 * keeps the tiny values exact instead of rounding them to 0.
 */
function sigmoid(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

function apply(kind: ActivationKind, v: number): number {
  if (kind === 'sigmoid') return sigmoid(v);
  if (kind === 'tanh') return Math.tanh(v);
  return v > 0 ? v : 0;
}

/** dg/dx written in terms of the output y = g(x). ReLU: 1 where y > 0 (x > 0), else 0. */
function slopeFromOutput(kind: ActivationKind, y: number): number {
  if (kind === 'sigmoid') return y * (1 - y);
  if (kind === 'tanh') return 1 - y * y;
  return y > 0 ? 1 : 0;
}

/** g(v) for one number (the chapter plots it). */
export function activate(kind: ActivationKind, v: number): number {
  const k = assertKind(OP, 'activation kind', kind, ACTIVATION_KINDS);
  return apply(k, assertNumber(OP, 'input', v)); // term: g
}

/** g'(v) for one number (the chapter plots it); ReLU'(0) = 0. */
export function derivative(kind: ActivationKind, v: number): number {
  const k = assertKind(OP, 'activation kind', kind, ACTIVATION_KINDS);
  return slopeFromOutput(k, apply(k, assertNumber(OP, 'input', v))); // term: slope
}

export function forward(inputs: { x: Tensor }, attrs: ActivationAttrs): { y: Tensor; saved: ActivationSaved } {
  const kind = assertKind(OP, 'activation kind', attrs?.kind, ACTIVATION_KINDS);
  const { x } = inputs;
  assertTensor(OP, 'x', x);
  assertFinite(OP, 'x', x);
  const out = new Float64Array(x.data.length);
  for (let i = 0; i < out.length; i++) out[i] = apply(kind, x.data[i]!); // term: g
  const y: Tensor = { shape: [...x.shape], data: out };
  return { y, saved: { kind, y } };
}

export function backward(dy: Tensor, saved: ActivationSaved): { dx: Tensor } {
  assertTensor(OP, 'dy', dy);
  assertShape(OP, 'dy', dy, saved.y.shape);
  assertFinite(OP, 'dy', dy);
  const { kind, y } = saved;
  const dx = new Float64Array(dy.data.length);
  for (let i = 0; i < dx.length; i++) dx[i] = dy.data[i]! * slopeFromOutput(kind, y.data[i]!); // term: slope
  return { dx: { shape: [...dy.shape], data: dx } };
}
