/**
 * The network's parameters: either the trained ones stored in
 * trained-weights.json (train-weights.ts wrote them), or fresh ones drawn
 * with the paper's initialization (§2.3: weights from N(0, 0.1) truncated at
 * 2 sigma, biases 1). Both become a Network through the model's
 * createNetwork, which checks every stored shape against the planned layers.
 * No DOM.
 */
import { createNetwork, type Network } from '../../src/model/index.ts';
import { ParamError } from '../../src/tensor/errors.ts';
import { createRng } from '../../src/tensor/index.ts';
import type { Tensor } from '../../src/tensor/tensor.ts';
import type { Dims } from './geology.ts';
import { inputShape, networkLayers } from './layers.ts';

export interface StoredTensor {
  readonly shape: readonly number[];
  readonly data: readonly number[];
}

export interface StoredNetwork {
  readonly gridSize: number;
  readonly trainingSamples: number;
  /** Epochs of the parameters kept (the one with the lowest validation loss). */
  readonly epochs: number;
  /** Mean cross-entropy on the training set during that epoch. */
  readonly trainingLoss: number;
  readonly validationSamples: number;
  readonly validationLoss: number;
  readonly heldOutSamples: number;
  /** Share of held-out samples whose largest probability is their structure type. */
  readonly heldOutAccuracy: number;
  readonly params: Record<string, StoredTensor>;
}

export interface TrainedWeights {
  readonly about: string;
  readonly training: Readonly<Record<string, unknown>>;
  readonly networks: Readonly<Record<'1' | '2' | '3', StoredNetwork>>;
}

export type WeightSource = 'trained' | 'initial';

/** Seed of the paper-initialized weights. */
export const INIT_SEED = 3;

function toTensors(stored: Record<string, StoredTensor>): Record<string, Tensor> {
  const out: Record<string, Tensor> = {};
  for (const [name, t] of Object.entries(stored)) out[name] = { shape: [...t.shape], data: Float64Array.from(t.data) };
  return out;
}

/** The chapter's network for `dims`, with trained or freshly initialized parameters. */
export function buildNetwork(dims: Dims, source: WeightSource, weights: TrainedWeights): Network {
  const layers = networkLayers(dims);
  const shape = inputShape(dims);
  if (source === 'initial') return createNetwork(layers, { inputShape: shape, rng: createRng(INIT_SEED) });
  if (source !== 'trained') throw new ParamError('inference chapter', `weights must be "trained" or "initial", got ${JSON.stringify(source)}`);
  const stored = weights.networks[`${dims}`];
  if (!stored) throw new ParamError('inference chapter', `no trained weights for a ${dims}D grid`);
  return createNetwork(layers, { inputShape: shape, parameters: toTensors(stored.params) });
}
