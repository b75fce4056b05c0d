/** The terms chapter 9's equations, code and views name (keys of \term{key}{...}). */
import type { TermCatalog } from '../../src/notebook/index.ts';

export const TERMS: TermCatalog = {
  theta: { label: 'Θ, the parameters: here two, θ₁ and θ₂' },
  L: { label: 'L(Θ), the loss' },
  alpha: { label: 'α, the learning rate' },
  grad: { label: '∇L(Θ), the gradient of the loss' },
  V: { label: "V, Momentum's velocity" },
  gammaM: { label: "γ, Momentum's factor" },
  G: { label: "G, AdaGrad's sum of squared gradients" },
  eps: { label: 'ε, the small constant in the denominator' },
  g: { label: 'g, the gradient at update t' },
  Eg2: { label: "E[g²], RMSProp's running average of squared gradients" },
  gammaR: { label: "γ, RMSProp's decay" },
  m: { label: "m, Adam's first moment, a running average of g" },
  Va: { label: "V, Adam's second moment, a running average of g²" },
  mhat: { label: 'm-hat, the first moment corrected for its start at zero' },
  vhat: { label: 'V-hat, the second moment corrected for its start at zero' },
  beta1: { label: "β₁, Adam's decay of the first moment" },
  beta2: { label: "β₂, Adam's decay of the second moment" },
};
