/**
 * The terms chapter 2's equations, code and views name (keys of \term{key}{...}).
 * 'H' is the layer the filters slide over, as the reference kernel's
 * `// term: H` line reads it; 'Hm' is the layer they make.
 */
import type { TermCatalog } from '../../src/notebook/index.ts';

export const TERMS: TermCatalog = {
  X: { label: 'X, the input image, also written H^0' },
  H: { label: 'H^(m-1), the layer the filters slide over' },
  Hm: { label: 'H^m, the hidden layer the convolution makes' },
  W: { label: 'W^m, the filter bank' },
  b: { label: 'b^m, the bias vector, one value per filter' },
  g: { label: 'g, the activation function (chapter 4)' },
};
