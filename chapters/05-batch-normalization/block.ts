/**
 * Eq. 5 of the tutorial, H^m = g(BN(W^m H^{m-1} + b^m)), piece by piece, as
 * chapter 5 computes it: the convolution gives the pre-activations, batch
 * normalization (src/nn/batchnorm.ts) normalizes them per feature map with
 * the batch statistics (train mode) and with the running averages
 * (inference mode), and g is applied after. Every number comes from the core
 * (src/nn); this module only wires it. No DOM.
 */
import * as activation from '../../src/nn/activation.ts';
import * as batchnorm from '../../src/nn/batchnorm.ts';
import * as conv from '../../src/nn/conv.ts';
import type { ActivationKind } from '../../src/nn/activation.ts';
import type { BatchNormResult, RunningStats } from '../../src/nn/batchnorm.ts';
import { full, type Tensor } from '../../src/tensor/index.ts';
import type { FilterBank } from './filters.ts';

/** The learnt scale and shift (the same for every map on this page) and the eps that keeps the division finite. */
export interface BnSettings {
  readonly gamma: number;
  readonly beta: number;
  readonly eps: number;
}

export interface Normalized {
  /** BN with the mini-batch's own mean and variance (training). */
  readonly train: BatchNormResult;
  /** BN with the running averages (inference). */
  readonly inference: BatchNormResult;
}

const VALID: conv.ConvAttrs = { stride: [1, 1, 1], padding: [0, 0, 0] };

/** W^m H^{m-1} + b^m: the pre-activations that batch normalization receives. */
export function preActivation(x: Tensor, bank: FilterBank): Tensor {
  const inputs = {
    x, // term: Hprev
    w: bank.w, // term: W
    b: bank.b, // term: b
  };
  return conv.forward(inputs, VALID).y;
}

/** BN(W^m H^{m-1} + b^m) in both modes, for the same input. */
export function normalize(pre: Tensor, bn: BnSettings, running: RunningStats): Normalized {
  const d = pre.shape[4]!;
  const gamma = full([d], bn.gamma); // term: gamma
  const beta = full([d], bn.beta); // term: beta
  // Train mode: the mean and variance of this mini-batch.
  const train = batchnorm.forward( // term: BN, mu, sigma2
    { x: pre, gamma, beta },
    { mode: 'train', eps: bn.eps },
  );
  // Inference mode: the running averages instead.
  const inference = batchnorm.forward( // term: runMean, runVar
    { x: pre, gamma, beta, mean: running.mean, var: running.var },
    { mode: 'inference', eps: bn.eps },
  );
  return { train, inference };
}

/** H^m = g(BN(...)), and the slope g' at every value (for the active zone). */
export function activate(normalized: Tensor, g: ActivationKind): { h: Tensor; slope: Tensor } {
  const { y, saved } = activation.forward({ x: normalized }, { kind: g }); // term: g
  // dy = 1 everywhere: backward returns g' at each value.
  const slope = activation.backward(full(y.shape, 1), saved).dx;
  return { h: y, slope };
}
