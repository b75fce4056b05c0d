/** One adapter per op of FORMAT.md. */
import type { OpAdapter } from '../case.ts';
import { batchnormAdapter } from './batchnorm.ts';
import { convAdapter } from './conv.ts';
import { denseAdapter } from './dense.ts';
import { lossAdapter } from './loss.ts';
import { networkAdapter } from './network.ts';
import { optimizerAdapter } from './optimizer.ts';
import { outputSizeAdapter } from './output-size.ts';
import { activationAdapter, poolAdapter, softmaxAdapter } from './unary.ts';

export const ADAPTERS: Readonly<Record<string, OpAdapter>> = {
  output_size: outputSizeAdapter,
  conv: convAdapter,
  pool: poolAdapter,
  batchnorm: batchnormAdapter,
  activation: activationAdapter,
  dense: denseAdapter,
  softmax: softmaxAdapter,
  loss: lossAdapter,
  optimizer: optimizerAdapter,
  network: networkAdapter,
};
