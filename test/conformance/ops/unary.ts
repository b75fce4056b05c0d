/** Adapters for the ops of one input x and optional dy: `activation` (eq. 4), `pool` (eq. 6), `softmax` (eq. 8). */
import * as activation from '../../../src/nn/activation.ts';
import * as pool from '../../../src/nn/pool.ts';
import * as softmax from '../../../src/nn/softmax.ts';
import type { OpAdapter } from '../case.ts';
import { runOp, type OpModule } from './run-op.ts';

const unary =
  (op: OpModule): OpAdapter =>
  (ctx) =>
    runOp(op, { x: ctx.input('x') }, ctx.params, ctx.optional('dy'));

export const activationAdapter = unary(activation);
export const poolAdapter = unary(pool);
export const softmaxAdapter = unary(softmax);
