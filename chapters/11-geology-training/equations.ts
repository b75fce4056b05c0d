/**
 * The equations chapter 11 applies, numbered as in the paper, with \term
 * markup: a block (eq. 6), the inference zone (eq. 7), the softmax (eq. 8),
 * cross-entropy (eq. 10) and mini-batch gradient descent (eq. 11). Eq. 2 and
 * the batch-normalization note are chapter 1's errata (one text for both).
 */
import type { EquationSpec } from '../../src/viz/tex/index.ts';

export { ERRATUM_BN, ERRATUM_EQ2 } from '../01-architecture/equations.ts';

const affine = String.raw`\term{W}{W^m}\,\term{Hprev}{H^{m-1}} + \term{b}{b^m}`;

/** The paper's cases written one per line, so that the equations fit a phone. */
export const EQ6: EquationSpec = {
  number: 6,
  tex: String.raw`\begin{aligned} \term{H}{H^0} &= \term{X}{X} \\ \term{H}{H^m} &= \term{pool}{\mathrm{pool}}\!\left(\term{g}{g}\!\left(\term{BN}{\mathrm{BN}}\!\left(${affine}\right)\right)\right) \\ & \text{for } 0 < m \le M \end{aligned}`,
  description: 'each hidden layer is the previous one convolved with the filter bank plus a bias, batch-normalized, passed through the activation g and pooled; batch normalization and pooling are optional (eqs. 3 and 5)',
};

export const EQ7: EquationSpec = {
  number: 7,
  tex: String.raw`\begin{aligned} \term{FC}{FC_0} &= \term{Vec}{\mathrm{Vec}\!\left(H^M\right)} \\ \term{FC}{FC_f} &= \term{g}{g}\!\left(\term{WFC}{W_{FC_f}}\,FC_{f-1} + \term{bf}{b_f}\right) \\ & \text{for } 0 < f \le F \end{aligned}`,
  description: 'the inference zone starts from the last hidden layer as a vector; each fully connected layer applies weights, a bias and g',
};

export const EQ8: EquationSpec = {
  number: 8,
  tex: String.raw`\term{phat}{\hat p(k)} = \dfrac{e^{s_k}}{\sum_{c=1}^{K} e^{s_c}}`,
  description: 'the softmax turns the K class scores s_k of the last layer into probabilities',
};

export const EQ10: EquationSpec = {
  number: 10,
  tex: String.raw`\term{L}{CE}(\term{theta}{\Theta}) = -\sum_{k=1}^{K} \log \term{phat}{\hat p(k)} \cdot \term{p}{p(k)}`,
  description: 'cross-entropy: minus the sum over the K structure classes of the target probability times the log of the predicted one',
};

export const EQ11: EquationSpec = {
  number: 11,
  tex: String.raw`\term{theta}{\Theta} \leftarrow \term{theta}{\Theta} - \term{alpha}{\alpha}\, \term{grad}{\nabla_\Theta L(\Theta;\, x_{i:i+m}, z(x_{i:i+m}))}`,
  description: 'mini-batch gradient descent: the parameters move against the gradient of the loss over m samples, scaled by the learning rate; the optimizers of eqs. 12 to 15 change only how the step is made',
};
