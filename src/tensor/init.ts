/**
 * The tutorial's initialization (section 2.3): weights W^m and W_FC from a
 * normal with mu = 0, sigma = 0.1 truncated at 2 sigma (redrawn outside
 * [mu - 2 sigma, mu + 2 sigma]); biases b^m, b_f at ones, or zeros as most
 * frameworks do.
 */
import { assertNumber } from './params.ts';
import type { Rng } from './rng.ts';
import { full, tensor, type Tensor } from './tensor.ts';

export interface TruncatedNormalOptions {
  mean?: number;
  sigma?: number;
  /** Cut-off in standard deviations; the paper's 2. */
  cut?: number;
}

export const PAPER_INIT = { mean: 0, sigma: 0.1, cut: 2 } as const;

/** One draw from the truncated normal by rejection (accepts ~95% at cut = 2). */
export function truncatedNormal(rng: Rng, options: TruncatedNormalOptions = {}): number {
  const { mean = PAPER_INIT.mean, sigma = PAPER_INIT.sigma, cut = PAPER_INIT.cut } = options;
  for (;;) {
    const z = rng.normal();
    if (Math.abs(z) <= cut) return mean + sigma * z; // term: cut, mu, sigma
  }
}

export function truncatedNormalTensor(shape: readonly number[], rng: Rng, options: TruncatedNormalOptions = {}): Tensor {
  const sigma = assertNumber('init', 'sigma', options.sigma ?? PAPER_INIT.sigma, { lo: 0 });
  assertNumber('init', 'cut', options.cut ?? PAPER_INIT.cut, { lo: 0, loOpen: true });
  assertNumber('init', 'mean', options.mean ?? PAPER_INIT.mean);
  const t = tensor(shape);
  for (let i = 0; i < t.data.length; i++) t.data[i] = truncatedNormal(rng, { ...options, sigma }); // term: W
  return t;
}

export type BiasInit = 'ones' | 'zeros';

/** The paper starts biases at ones (keeps ReLU units active at first); frameworks at zeros. */
export function biasTensor(shape: readonly number[], init: BiasInit = 'ones'): Tensor {
  return full(shape, init === 'ones' ? 1 : 0); // term: b
}
