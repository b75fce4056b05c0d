/** The terms chapter 8's equations, code, views and tables name (keys of \term{key}{...}). */
import type { TermCatalog } from '../../src/notebook/index.ts';

export const TERMS: TermCatalog = {
  L: { label: 'L, the loss: CE or MSE' },
  theta: { label: 'Θ, every weight and bias of the network' },
  alpha: { label: 'α, the learning rate' },
  grad: { label: '∇L, the gradient of the loss over the samples of one update' },
  p: { label: 'p(k), the target probability of class k' },
  phat: { label: 'p̂(k), the predicted probability of class k (softmax, eq. 8)' },
  yhat: { label: 'ŷ_k, a predicted value' },
  y: { label: 'y_k, its target' },
  dL: { label: 'dL/dx, the gradient backpropagation starts from' },
};
