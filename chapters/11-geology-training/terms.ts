/**
 * The terms chapter 11's equations, code, views and tables name (keys of
 * \term{key}{...}): chapter 1's terms of the two zones, and those of the
 * loss, the softmax and gradient descent. Labels are words (read aloud,
 * shown as tooltips).
 */
import type { TermCatalog } from '../../src/notebook/index.ts';
import { TERMS as ARCHITECTURE_TERMS } from '../01-architecture/terms.ts';

export const TERMS: TermCatalog = {
  ...ARCHITECTURE_TERMS,
  X: { label: 'X, the input grid of facies indicators' },
  phat: { label: 'p̂(k), the predicted probability of structure class k (softmax)' },
  p: { label: 'p(k), the target probability of class k: 1 for the true structure' },
  L: { label: 'L, the cross-entropy loss' },
  theta: { label: 'Θ, every weight and bias of the network' },
  alpha: { label: 'α, the learning rate' },
  grad: { label: '∇L, the gradient of the loss over a mini-batch' },
};
