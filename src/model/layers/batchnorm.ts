/**
 * Batchnorm layer, eq. 5: BN(.) per feature map with the learnt scale gamma
 * and shift beta [d]. Train mode normalises with the batch statistics and
 * reports them (the network keeps their running averages); inference mode
 * normalises with the running averages.
 */
import * as batchnorm from '../../nn/batchnorm.ts';
import { ShapeError, assertNumber } from '../../tensor/index.ts';
import type { BatchNormSpec } from '../spec.ts';
import { spatial } from './shape.ts';
import type { LayerKind } from './types.ts';

export const DEFAULT_BN_EPS = 1e-5;
export const DEFAULT_BN_MOMENTUM = 0.1;

export const batchnormLayer: LayerKind<BatchNormSpec> = {
  plan(spec, inShape) {
    const d = spatial('batchnorm', inShape)[3];
    const eps = assertNumber('batchnorm', 'eps', spec.eps ?? DEFAULT_BN_EPS, { lo: 0, loOpen: true });
    const momentum = assertNumber('batchnorm', 'momentum', spec.momentum ?? DEFAULT_BN_MOMENTUM, { lo: 0, hi: 1 });
    return {
      spec: { ...spec, eps, momentum },
      outShape: [...inShape],
      params: [
        { short: 'gamma', shape: [d], init: 'ones' },
        { short: 'beta', shape: [d], init: 'zeros' },
      ],
    };
  },
  forward(spec, p, x, run) {
    const inputs = { x, gamma: p.gamma!, beta: p.beta! };
    if (run.mode === 'train') {
      const { y, saved, mean, var: variance, count } = batchnorm.forward(inputs, { mode: 'train', eps: spec.eps! });
      return { y, saved, stats: { mean, var: variance, count } };
    }
    if (!run.running) throw new ShapeError('batchnorm', 'inference mode needs the running mean and var');
    const { y, saved } = batchnorm.forward({ ...inputs, mean: run.running.mean, var: run.running.var }, { mode: 'inference', eps: spec.eps! });
    return { y, saved };
  },
  backward(_spec, dy, saved) {
    const { dx, dgamma, dbeta } = batchnorm.backward(dy, saved as never);
    return { dx, grads: { gamma: dgamma, beta: dbeta } };
  },
};
