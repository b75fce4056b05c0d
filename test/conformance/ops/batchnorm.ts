/**
 * Adapter for `batchnorm` (eq. 5): x, gamma, beta (+ mean, var in inference),
 * optional dy -> y (+ batch mean and biased var in train); dx, dgamma, dbeta.
 */
import * as batchnorm from '../../../src/nn/batchnorm.ts';
import type { OpAdapter } from '../case.ts';
import { runOp } from './run-op.ts';

export const batchnormAdapter: OpAdapter = (ctx) => {
  const inputs = {
    x: ctx.input('x'),
    gamma: ctx.input('gamma'),
    beta: ctx.input('beta'),
    mean: ctx.optional('mean'),
    var: ctx.optional('var'),
  };
  return runOp(batchnorm, inputs, ctx.params, ctx.optional('dy'));
};
