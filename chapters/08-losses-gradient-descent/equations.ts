/**
 * The equations chapter 8 shows, in TeX with \term markup: eq. 10 (the two
 * losses) and eq. 11 (gradient descent and its stochastic and mini-batch
 * variants) as numbered in the paper, the gradient the loss hands to
 * backpropagation (not printed in the paper, so unnumbered), and the notes
 * on eq. 10 (shared/tutorial/equations.md).
 */
import type { EquationSpec, ErratumSpec } from '../../src/viz/tex/index.ts';

const ce = String.raw`\term{L}{CE}(\term{theta}{\Theta}) = -\sum_{k=1}^{K} \log \term{phat}{\hat p(k)} \cdot \term{p}{p(k)}`;
const mse = String.raw`\term{L}{MSE}(\term{theta}{\Theta}) = \dfrac{1}{P}\sum_{k=1}^{P} \left(\term{yhat}{\hat y_k} - \term{y}{y_k}\right)^2`;

export const EQ10: EquationSpec = {
  number: 10,
  tex: String.raw`\begin{gathered} ${ce} \\[0.8em] ${mse} \end{gathered}`,
  description: 'the cross-entropy loss, minus the sum over the K classes of the target probability times the log of the predicted probability, and the mean squared error over the P outputs of a regression',
};

export const EQ11: EquationSpec = {
  number: 11,
  tex: String.raw`\begin{aligned} \term{theta}{\Theta} &\leftarrow \term{theta}{\Theta} - \term{alpha}{\alpha}\, \term{grad}{\nabla_\Theta L(\Theta)} && \text{full-batch} \\ \term{theta}{\Theta} &\leftarrow \term{theta}{\Theta} - \term{alpha}{\alpha}\, \term{grad}{\nabla_\Theta L(\Theta;\, x_i, z(x_i))} && \text{stochastic} \\ \term{theta}{\Theta} &\leftarrow \term{theta}{\Theta} - \term{alpha}{\alpha}\, \term{grad}{\nabla_\Theta L(\Theta;\, x_{i:i+m}, z(x_{i:i+m}))} && \text{mini-batch} \end{aligned}`,
  description: 'gradient descent: the parameters Theta move against the gradient of the loss, scaled by the learning rate alpha, with the gradient taken over all samples, one sample, or a mini-batch of m samples',
};

export const GRADIENTS: EquationSpec = {
  tex: String.raw`\term{dL}{\frac{\partial CE}{\partial s_k}} = \term{phat}{\hat p(k)} - \term{p}{p(k)}, \qquad \term{dL}{\frac{\partial MSE}{\partial \hat y_k}} = \frac{2}{P}\left(\term{yhat}{\hat y_k} - \term{y}{y_k}\right)`,
  description: 'the gradient of cross-entropy with respect to the class score s_k is the predicted minus the target probability; that of the mean squared error with respect to an output is two over P times its error',
};

export const ERRATUM_CE: ErratumSpec = {
  where: 'eq. 10, cross-entropy',
  paper: String.raw`\text{“the negative log-likelihood of the cross entropy”}`,
  corrected: String.raw`CE = -\log \hat p(\text{true class}) \;\text{ for a one-hot } p`,
  note: String.raw`Cross-entropy against the target distribution $p$ IS the negative log-likelihood of the data under $\hat p$: there is no further likelihood of it to take. With a one-hot $p$, every term but the true class's is 0, and the sum is $-\log \hat p$ of the true class.`,
};

export const NOTE_MSE: ErratumSpec = {
  where: 'eq. 10, MSE over a batch',
  paper: mse.replace(/\\term\{[^}]*\}\{/g, '{'),
  corrected: String.raw`MSE = \dfrac{1}{nP}\sum_{i=1}^{n}\sum_{k=1}^{P} \left(\hat y_{ik} - y_{ik}\right)^2`,
  note: String.raw`The paper's MSE is for one sample of $P$ outputs. Training averages over a batch of $n$ samples too, as frameworks do (src/nn/loss.ts); for $n = 1$, as in the lab on this page, the two agree.`,
};
