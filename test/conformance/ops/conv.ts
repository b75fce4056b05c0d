/**
 * Adapter for `conv` (eqs. 1, 3): x, w, b, optional dy -> y; dx, dw, db.
 * FORMAT.md lists b among the inputs; a case that leaves it out means a
 * convolution without bias, so b is taken as zeros [wc] (when w has rank 5;
 * otherwise the op is left to refuse w).
 */
import * as conv from '../../../src/nn/conv.ts';
import { zeros, type Tensor } from '../../../src/tensor/index.ts';
import type { OpAdapter } from '../case.ts';
import { runOp } from './run-op.ts';

export function biasOrZeros(b: Tensor | undefined, w: Tensor, axis: number, rank: number): Tensor | undefined {
  if (b) return b;
  return w.shape.length === rank ? zeros([w.shape[axis]!]) : undefined;
}

export const convAdapter: OpAdapter = (ctx) => {
  const x = ctx.input('x');
  const w = ctx.input('w');
  return runOp(conv, { x, w, b: biasOrZeros(ctx.optional('b'), w, 4, 5) }, ctx.params, ctx.optional('dy'));
};
