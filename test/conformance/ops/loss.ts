/** Adapter for `loss` (eq. 10): logits or predictions x [n, k], target [n, k] -> loss (a number), dx. */
import { loss } from '../../../src/nn/loss.ts';
import type { LossAttrs } from '../../../src/nn/loss.ts';
import type { OpAdapter } from '../case.ts';

export const lossAdapter: OpAdapter = (ctx) => {
  const result = loss({ x: ctx.input('x'), target: ctx.input('target') }, ctx.params as unknown as LossAttrs);
  return { loss: result.loss, dx: result.dx };
};
