/** The terms chapter 1's equations, code, diagram and table name (keys of \term{key}{...}). */
import type { TermCatalog } from '../../src/notebook/index.ts';

export const TERMS: TermCatalog = {
  X: { label: 'X, the input image' },
  H: { label: 'H^m, the hidden layer of block m' },
  Hprev: { label: 'H^(m-1), the hidden layer the block starts from' },
  W: { label: 'W^m, the filter bank of block m' },
  b: { label: 'b^m, the bias vector of block m' },
  g: { label: 'g, the activation function' },
  BN: { label: 'BN, batch normalization' },
  pool: { label: 'pool, the pooling function' },
  Vec: { label: 'Vec(H^M), the last hidden layer as one vector' },
  FC: { label: 'FC_f, fully connected layer f' },
  FCprev: { label: 'FC_(f-1), the layer before it' },
  WFC: { label: 'W_FC_f, the weight matrix of layer f' },
  bf: { label: 'b_f, the bias vector of layer f' },
  softmax: { label: 'the softmax, class scores to probabilities' },
};
