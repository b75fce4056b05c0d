/** The terms chapter 10's equations, code and controls name (keys of \term{key}{...}). */
import type { TermCatalog } from '../../src/notebook/index.ts';

export const TERMS: TermCatalog = {
  W: { label: 'W^m, the weights, drawn from the truncated normal' },
  b: { label: 'b^m, the biases, ones in the tutorial' },
  mu: { label: 'μ, the mean of the normal, 0' },
  sigma: { label: 'σ, the standard deviation of the normal, 0.1' },
  cut: { label: 'the cut-off, 2σ either side of μ' },
};
