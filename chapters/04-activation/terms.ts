/** The terms chapter 4's equations, code, views and table name (keys of \term{key}{...}). */
import type { TermCatalog } from '../../src/notebook/index.ts';

export const TERMS: TermCatalog = {
  H: { label: 'H^m, the hidden layer g makes' },
  Hprev: { label: 'H^(m-1), the layer the block starts from' },
  W: { label: 'W^m, the filter bank, a times the seeded filters' },
  b: { label: 'b^m, the bias, the shift c' },
  g: { label: 'g, the activation function' },
  sigmoid: { label: 'Sigmoid' },
  tanh: { label: 'TanH' },
  relu: { label: 'ReLU, the rectified linear unit' },
  slope: { label: "g'(z), the slope the gradient is multiplied by" },
};
