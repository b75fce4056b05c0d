/**
 * The equations of tutorial §2 that chapter 1 shows, in TeX with \term
 * markup, numbered as in the paper, and the errata that concern them (text
 * from shared/tutorial/equations.md).
 */
import type { EquationSpec, ErratumSpec } from '../../src/viz/tex/index.ts';

const block = (inner: string): string =>
  String.raw`\term{H}{H^m} = \begin{cases} \term{X}{X} & \text{if } m = 0 \\ ${inner} & \text{if } 0 < m \le M \end{cases}`;
const affine = String.raw`\term{W}{W^m}\,\term{Hprev}{H^{m-1}} + \term{b}{b^m}`;

export const EQ1: EquationSpec = {
  number: 1,
  tex: block(affine),
  description: 'each hidden layer is the filter bank applied to the previous hidden layer, plus a bias',
};

export const EQ3: EquationSpec = {
  number: 3,
  tex: block(String.raw`\term{g}{g}\!\left(${affine}\right)`),
  description: 'the same, through an activation function g',
};

export const EQ5: EquationSpec = {
  number: 5,
  tex: block(String.raw`\term{g}{g}\!\left(\term{BN}{\mathrm{BN}}\!\left(${affine}\right)\right)`),
  description: 'the same, batch-normalized before the activation',
};

export const EQ6: EquationSpec = {
  number: 6,
  tex: block(String.raw`\term{pool}{\mathrm{pool}}\!\left(\term{g}{g}\!\left(\term{BN}{\mathrm{BN}}\!\left(${affine}\right)\right)\right)`),
  description: 'the same, pooled after the activation',
};

export const EQ7: EquationSpec = {
  number: 7,
  tex: String.raw`\term{FC}{FC_f} = \begin{cases} \term{Vec}{\mathrm{Vec}\!\left(H^M\right)} & \text{if } f = 0 \\ g\!\left(\term{WFC}{W_{FC_f}}\,\term{FCprev}{FC_{f-1}} + \term{bf}{b_f}\right) & \text{if } 0 < f \le F \end{cases}`,
  description: 'the inference zone starts from the last hidden layer as a vector; each fully connected layer applies weights, a bias and g',
};

export const EQ8: EquationSpec = {
  number: 8,
  tex: String.raw`\hat p(k) = \term{softmax}{\dfrac{e^{s_k}}{\sum_{c=1}^{K} e^{s_c}}}`,
  description: 'the softmax turns the K class scores of the last layer into probabilities',
};

/** eq. 2 is lost from the paper's text; the relation the text describes. */
export const ERRATUM_EQ2: ErratumSpec = {
  where: 'eq. 2, the size of Hᵐ',
  paperQuote: 'The size of Hm (Equation 2) is defined by the filter size Wm, the convolutional stride and the spatial padding. (2)',
  corrected: String.raw`h^{(m)}_a = \left\lfloor \frac{h^{(m-1)}_a - w^{(m)}_a + 2p^{(m)}_a}{st^{(m)}_a} \right\rfloor + 1, \qquad h^{(m)}_d = w^{(m)}_c`,
  note: String.raw`The equation is missing from the paper's text. Per spatial axis $a \in \{x, y, z\}$ the size follows the floor relation; a stride that does not divide evenly drops the last positions. Every shape on this page is computed with it.`,
};

export const ERRATUM_BN: ErratumSpec = {
  where: '§2.1, batch normalization (eq. 5)',
  paperQuote: 'Note that the mean and standard deviations are learnt during training and then used during simulation.',
  note: String.raw`They are computed per mini-batch during training, and running averages are kept for inference. What batch normalization learns is a scale $\gamma$ and a shift $\beta$ per feature map, which the paper does not mention: they are the BN parameters counted in the table above.`,
};

export const ERRATUM_DROPOUT: ErratumSpec = {
  where: '§2.1, batch normalization',
  paperQuote: 'Other regularization techniques, as dropout, are then no longer necessary.',
  note: "An overstatement of Ioffe and Szegedy's observation that dropout can sometimes be reduced or removed.",
};
