/**
 * One forward pass of chapter 7's CNN on one geological sample, with the
 * tensors of the inference zone picked out of it (tutorial §2.2):
 *
 *   H^M        the last hidden layer, [1, h_x, h_y, h_z, h_d]
 *   Vec(H^M)   FC_0, the same values as one vector, [1, h_x h_y h_z h_d] (eq. 7, f = 0)
 *   FC_f       W_FC_f FC_{f-1} + b_f, then g (eq. 7, 0 < f <= F)
 *   s_k        the scores of the last layer, [1, K]
 *   p-hat(k)   their softmax (eq. 8), [1, K]
 *
 * Every number comes from the model's forward pass (src/model) and the
 * softmax of src/nn; nothing here recomputes them. No DOM.
 */
import { forward, layerParams, type Network } from '../../src/model/index.ts';
import * as softmax from '../../src/nn/softmax.ts';
import type { Tensor } from '../../src/tensor/tensor.ts';
import type { Dims } from './geology.ts';
import trainedWeights from './trained-weights.json';
import { buildNetwork, type StoredNetwork, type TrainedWeights, type WeightSource } from './weights.ts';

export const WEIGHTS = trainedWeights as unknown as TrainedWeights;

/** A fully connected layer f of the pass: its parameters, input and output. */
export interface DenseStep {
  /** f, from 1. */
  readonly f: number;
  /** W_FC_f [n_FC^(f), n_FC^(f-1)] and b_f [n_FC^(f)]. */
  readonly w: Tensor;
  readonly b: Tensor;
  /** FC_{f-1} [1, n_FC^(f-1)]. */
  readonly input: Tensor;
  /** W_FC_f FC_{f-1} + b_f [1, n_FC^(f)]. */
  readonly affine: Tensor;
  /** g of it (FC_f), or the affine values themselves for the score layer. */
  readonly output: Tensor;
  /** The activation applied, or null for the scores. */
  readonly activation: string | null;
}

export interface InferencePass {
  readonly x: Tensor;
  readonly hM: Tensor;
  readonly vec: Tensor;
  readonly dense: readonly DenseStep[];
  readonly scores: Tensor;
  readonly probabilities: Tensor;
}

/** Runs the network on x [1, x, y, z, d] and names the inference zone's tensors. */
export function inferencePass(net: Network, x: Tensor): InferencePass {
  const pass = forward(net, x, { mode: 'inference' });
  const a = pass.activations;
  const flat = net.layers.findIndex((l) => l.spec.type === 'flatten');
  const hM = a[flat - 1]!; // term: HM
  const vec = a[flat]!; // term: Vec
  const dense: DenseStep[] = [];
  for (const layer of net.layers) {
    if (layer.spec.type !== 'dense') continue;
    const next = net.layers[layer.index + 1]?.spec;
    const activation = next?.type === 'activation' ? next.kind : null;
    const { w, b } = layerParams(net, layer.index); // term: WFC, bf
    const input = a[layer.index - 1]!; // term: FCprev
    const affine = a[layer.index]!; // term: WFC, bf
    const output = activation ? a[layer.index + 1]! : affine; // term: FC
    dense.push({ f: dense.length + 1, w: w!, b: b!, input, affine, output, activation });
  }
  const scores = pass.output; // term: s
  const probabilities = softmax.forward({ x: scores }).y; // term: phat
  return { x, hM, vec, dense, scores, probabilities };
}

/** The network for `dims` with its trained or freshly initialized parameters. */
export function chapterNetwork(dims: Dims, source: WeightSource): Network {
  return buildNetwork(dims, source, WEIGHTS);
}

/** What train-weights.ts recorded for the network of `dims`. */
export function trainingRecord(dims: Dims): StoredNetwork {
  return WEIGHTS.networks[`${dims}`];
}
