/** The terms chapter 5's equations, code, views and tables name (keys of \term{key}{...}). */
import type { TermCatalog } from '../../src/notebook/index.ts';

export const TERMS: TermCatalog = {
  X: { label: 'X, the input image' },
  H: { label: 'H^m, the hidden layer of block m' },
  Hprev: { label: 'H^(m-1), the layer the block starts from: here the one-hot facies' },
  W: { label: 'W^m, the filter bank of block m' },
  b: { label: 'b^m, the bias vector of block m' },
  g: { label: 'g, the activation function' },
  BN: { label: 'BN, batch normalization' },
  m: { label: 'm = n h_x h_y h_z, the number of values behind each feature map statistic' },
  mu: { label: 'mu_c, the mean of feature map c over the mini-batch' },
  sigma2: { label: 'sigma_c squared, the variance of feature map c over the mini-batch' },
  eps: { label: 'epsilon, a small constant that keeps the division finite' },
  xhat: { label: 'x-hat, the normalized value' },
  gamma: { label: 'gamma, the learnt scale' },
  beta: { label: 'beta, the learnt shift' },
  runMean: { label: 'mu-hat_c, the running mean kept for inference' },
  runVar: { label: 'sigma-hat_c squared, the running variance kept for inference' },
  momentum: { label: 'rho, the momentum of the running averages' },
};
