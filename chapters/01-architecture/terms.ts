/**
 * The terms chapter 1's equations, code, diagram and table name (keys of
 * \term{key}{...}). Labels are read aloud by screen readers and shown as
 * tooltips, so they are words, not TeX.
 */
import type { TermCatalog } from '../../src/notebook/index.ts';

export const TERMS: TermCatalog = {
  X: { label: 'X, the input image' },
  H: { label: 'the hidden layer H of block m' },
  Hprev: { label: 'the hidden layer before it, H of block m minus 1' },
  W: { label: 'the filter bank W of block m' },
  b: { label: 'the bias vector b of block m' },
  g: { label: 'g, the activation function' },
  BN: { label: 'BN, batch normalization' },
  pool: { label: 'pool, the pooling function' },
  Vec: { label: 'Vec, the last hidden layer laid out as one vector' },
  FC: { label: 'the fully connected layer FC f' },
  FCprev: { label: 'the fully connected layer before it, FC f minus 1' },
  WFC: { label: 'the weight matrix of fully connected layer f' },
  bf: { label: 'the bias vector of fully connected layer f' },
  softmax: { label: 'the softmax, from class scores to probabilities' },
};
