/**
 * Fully connected layer, eqs. 7 and 9 of the tutorial, before its activation:
 *   FC_f = W_FC_f FC_{f-1} + b_f,   W_FC_f of shape (n_FC^(f), n_FC^(f-1)).
 * Shapes, a batch of n column vectors laid out as rows:
 *   x [n, in], w [out, in], b [out]  ->  y [n, out] = x W^T + b
 * Backward, dy [n, out]:
 *   dx = dy W [n, in],  dW = dy^T x [out, in],  db = sum over n of dy [out].
 * The loops run along contiguous rows of x, w and dy (no transposed reads).
 */
import { ShapeError, formatShape } from '../tensor/errors.ts';
import { assertFinite, assertRank, assertShape, assertTensor, type Tensor } from '../tensor/tensor.ts';

/** Dense has no attributes; the parameter keeps the uniform forward(inputs, attrs). */
export type DenseAttrs = Record<string, never>;

export interface DenseInputs {
  x: Tensor;
  w: Tensor;
  b: Tensor;
}

export interface DenseSaved {
  readonly x: Tensor;
  readonly w: Tensor;
}

const OP = 'dense';

function validate({ x, w, b }: DenseInputs): void {
  assertTensor(OP, 'x', x);
  assertTensor(OP, 'w', w);
  assertTensor(OP, 'b', b);
  assertRank(OP, 'x', x, 2, '[n, in]');
  assertRank(OP, 'w', w, 2, '[out, in]');
  assertRank(OP, 'b', b, 1, '[out]');
  if (x.shape[1] !== w.shape[1]) {
    throw new ShapeError(
      OP,
      `input size ${x.shape[1]} of x ${formatShape(x.shape)} does not match n_in = ${w.shape[1]} of w ${formatShape(w.shape)} [out, in]`,
    );
  }
  if (b.shape[0] !== w.shape[0]) {
    throw new ShapeError(OP, `bias b ${formatShape(b.shape)} does not match n_out = ${w.shape[0]} of w ${formatShape(w.shape)} [out, in]`);
  }
  assertFinite(OP, 'x', x);
  assertFinite(OP, 'w', w);
  assertFinite(OP, 'b', b);
}

export function forward(inputs: DenseInputs, _attrs: DenseAttrs = {}): { y: Tensor; saved: DenseSaved } {
  validate(inputs);
  const { x, w, b } = inputs;
  const [n, nIn] = x.shape as [number, number];
  const nOut = w.shape[0]!;
  const y = new Float64Array(n * nOut);
  for (let i = 0; i < n; i++) {
    const xRow = i * nIn;
    for (let o = 0; o < nOut; o++) {
      const wRow = o * nIn;
      let s = b.data[o]!; // term: bf
      for (let j = 0; j < nIn; j++) s += x.data[xRow + j]! * w.data[wRow + j]!; // term: WFC, FCprev
      y[i * nOut + o] = s;
    }
  }
  const out: Tensor = { shape: [n, nOut], data: y };
  assertFinite(OP, 'the output y', out);
  return { y: out, saved: { x, w } };
}

export function backward(dy: Tensor, saved: DenseSaved): { dx: Tensor; dw: Tensor; db: Tensor } {
  const { x, w } = saved;
  const [n, nIn] = x.shape as [number, number];
  const nOut = w.shape[0]!;
  assertTensor(OP, 'dy', dy);
  assertShape(OP, 'dy', dy, [n, nOut]);
  assertFinite(OP, 'dy', dy);
  const dx = new Float64Array(n * nIn);
  const dw = new Float64Array(nOut * nIn);
  const db = new Float64Array(nOut);
  for (let i = 0; i < n; i++) {
    const row = i * nIn;
    for (let o = 0; o < nOut; o++) {
      const g = dy.data[i * nOut + o]!;
      if (g === 0) continue;
      db[o] = db[o]! + g;
      const wRow = o * nIn;
      for (let j = 0; j < nIn; j++) {
        dx[row + j] = dx[row + j]! + g * w.data[wRow + j]!;
        dw[wRow + j] = dw[wRow + j]! + g * x.data[row + j]!;
      }
    }
  }
  return {
    dx: { shape: [n, nIn], data: dx },
    dw: { shape: [nOut, nIn], data: dw },
    db: { shape: [nOut], data: db },
  };
}
