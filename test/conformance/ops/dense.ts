/** Adapter for `dense` (eqs. 7, 9): x [n, in], w [out, in], b [out] (zeros when absent), optional dy -> y; dx, dw, db. */
import * as dense from '../../../src/nn/dense.ts';
import type { OpAdapter } from '../case.ts';
import { biasOrZeros } from './conv.ts';
import { runOp } from './run-op.ts';

export const denseAdapter: OpAdapter = (ctx) => {
  const x = ctx.input('x');
  const w = ctx.input('w');
  return runOp(dense, { x, w, b: biasOrZeros(ctx.optional('b'), w, 0, 2) }, ctx.params, ctx.optional('dy'));
};
