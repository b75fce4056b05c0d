/**
 * The terms chapter 11's equations, code, views and tables name (keys of
 * \term{key}{...}). Labels are read aloud and shown as tooltips: words.
 */
import type { TermCatalog } from '../../src/notebook/index.ts';

export const TERMS: TermCatalog = {
  X: { label: 'X, the input grid of facies indicators' },
  H: { label: 'the hidden layer H of block m' },
  Hprev: { label: 'the hidden layer before it, H of block m minus 1' },
  W: { label: 'the filter bank W of block m' },
  b: { label: 'the bias vector b of block m' },
  g: { label: 'g, the activation function' },
  BN: { label: 'BN, batch normalization' },
  pool: { label: 'pool, the pooling function' },
  Vec: { label: 'Vec, the last hidden layer laid out as one vector' },
  FC: { label: 'the fully connected layer FC f' },
  WFC: { label: 'the weight matrix of fully connected layer f' },
  bf: { label: 'the bias vector of fully connected layer f' },
  phat: { label: 'p̂(k), the predicted probability of structure class k (softmax)' },
  p: { label: 'p(k), the target probability of class k: 1 for the true structure' },
  L: { label: 'L, the cross-entropy loss' },
  theta: { label: 'Θ, every weight and bias of the network' },
  alpha: { label: 'α, the learning rate' },
  grad: { label: '∇L, the gradient of the loss over a mini-batch' },
};
