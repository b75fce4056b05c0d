/**
 * The small CNN of chapter 7 (tutorial §2.2, Figure 8), as the model's layer
 * stack: a feature extraction zone of two blocks H^m = pool(g(W^m H^{m-1} + b^m))
 * (eq. 6 without BN), then the inference zone of eq. 7:
 *
 *   FC_0 = Vec(H^M)                    flatten
 *   FC_1 = g(W_FC_1 FC_0 + b_1)        dense fc1 (8 units), ReLU
 *   FC_2 = W_FC_2 FC_1 + b_2 = s       dense fc2 (K = 4 scores, one per structure type)
 *
 * and the softmax of eq. 8 on the scores s_k. As in most frameworks the
 * scores reach the softmax without passing through g. No DOM.
 */
import { STRUCTURE_KINDS } from '../../src/data/index.ts';
import type { LayerSpec } from '../../src/model/index.ts';
import type { Triple } from '../../src/tensor/params.ts';
import { spatialShape, type Dims } from './geology.ts';

/** Filters of each convolution block: H^M has this many feature maps, h_d. */
export const FILTERS = 4;
/** Units n_FC^(1) of the hidden fully connected layer FC_1. */
export const HIDDEN_UNITS = 8;
/** K, one score per structure type. */
export const CLASS_COUNT = STRUCTURE_KINDS.length;

/** [a, b, c] along the axes a grid of `dims` dimensions uses, `unused` along the others. */
export function alongUsed(dims: Dims, value: number, unused: number): Triple {
  return [value, dims >= 2 ? value : unused, dims === 3 ? value : unused];
}

/** The layer stack, in the order the equations apply it. */
export function networkLayers(dims: Dims): LayerSpec[] {
  const conv = (name: string): LayerSpec => ({ type: 'conv', name, size: alongUsed(dims, 3, 1), filters: FILTERS, padding: alongUsed(dims, 1, 0) });
  const pool: LayerSpec = { type: 'pool', kind: 'max', window: alongUsed(dims, 2, 1) };
  return [
    conv('c1'),
    { type: 'activation', kind: 'relu' },
    pool,
    conv('c2'),
    { type: 'activation', kind: 'relu' },
    pool,
    { type: 'flatten' },
    { type: 'dense', name: 'fc1', units: HIDDEN_UNITS },
    { type: 'activation', kind: 'relu' },
    { type: 'dense', name: 'fc2', units: CLASS_COUNT },
  ];
}

/** One sample X: [in_x, in_y, in_z, in_d], the sandstone indicator (in_d = 1). */
export function inputShape(dims: Dims): [number, number, number, number] {
  return [...spatialShape(dims), 1];
}
