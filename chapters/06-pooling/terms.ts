/** The terms chapter 6's equations, code and views name (keys of \term{key}{...}). */
import type { TermCatalog } from '../../src/notebook/index.ts';

export const TERMS: TermCatalog = {
  H: { label: 'H^m, the pooled hidden layer of block m' },
  Hprev: { label: 'H^(m-1), the layer the block starts from: here the geological grid' },
  W: { label: 'W^m, the filter bank of block m' },
  b: { label: 'b^m, the bias vector of block m' },
  BN: { label: 'BN, batch normalization' },
  g: { label: 'g, the activation function' },
  pool: { label: 'pool, the pooling function' },
};
