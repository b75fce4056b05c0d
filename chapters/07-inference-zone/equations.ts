/**
 * The equations chapter 7 shows, in TeX with \term markup, numbered as in the
 * paper (tutorial §2.2): eq. 7 (the fully connected layers, from Vec(H^M)),
 * eq. 8 (the softmax) and eq. 9 (the regression head), with the shape of the
 * weight matrices as the paper gives them, and the erratum on eq. 9's advice
 * for Gaussian outputs (text from shared/tutorial/equations.md).
 */
import type { EquationSpec, ErratumSpec } from '../../src/viz/tex/index.ts';

export const EQ7: EquationSpec = {
  number: 7,
  tex: String.raw`\term{FC}{FC_f} = \begin{cases} \term{Vec}{\mathrm{Vec}}\!\left(\term{HM}{H^M}\right) & \text{if } f = 0 \\ \term{g}{g}\!\left(\term{WFC}{W_{FC_f}}\,\term{FCprev}{FC_{f-1}} + \term{bf}{b_f}\right) & \text{if } 0 < f \le F \end{cases}`,
  description: 'the inference zone starts from the last hidden layer as one vector; each fully connected layer multiplies the one before by a weight matrix, adds a bias and applies g',
};

/** The shapes eq. 7 gives, as the paper writes them. */
export const EQ7_SHAPES: EquationSpec = {
  tex: String.raw`\term{WFC}{W_{FC_f}}: \left(n^{(f)}_{FC},\; n^{(f-1)}_{FC}\right), \qquad \term{bf}{b_f}: \left(n^{(f)}_{FC}, 1\right), \qquad \term{FC}{FC_f}: \left(n^{(f)}_{FC}, 1\right)`,
  description: 'the weight matrix has as many rows as the layer it makes and as many columns as the layer it multiplies; the bias and the layer are column vectors',
};

export const EQ8: EquationSpec = {
  number: 8,
  tex: String.raw`\term{phat}{\hat p(k)} = \dfrac{e^{\term{s}{s_k}}}{\sum_{c=1}^{K} e^{s_c}}`,
  description: 'the softmax turns the K scores of the last layer into class probabilities',
};

/** Eq. 8 as the core computes it: the same value, with the largest score m taken out of every exponent. */
export const EQ8_STABLE: EquationSpec = {
  tex: String.raw`\term{phat}{\hat p(k)} = \dfrac{e^{\term{s}{s_k} - m}\, e^{m}}{\sum_{c=1}^{K} e^{s_c - m}\, e^{m}} = \dfrac{e^{s_k - m}}{\sum_{c=1}^{K} e^{s_c - m}}, \qquad m = \max_c s_c`,
  description: 'multiplying the top and bottom by e to the minus m changes nothing, and keeps every exponent at or below zero',
};

export const EQ9: EquationSpec = {
  number: 9,
  tex: String.raw`\term{FCout}{FC_{F+1}} = \term{g}{g}\!\left(\term{WFCout}{W_{FC_{F+1}}}\,\term{FCF}{FC_F} + \term{bout}{b_{F+1}}\right), \qquad \term{WFCout}{W_{FC_{F+1}}}: \left(P,\; n^{(F)}_{FC}\right)`,
  description: 'for P continuous outputs, one more fully connected layer with an activation chosen for the outputs',
};

export const ERRATUM_EQ9: ErratumSpec = {
  where: 'eq. 9, the activation of the regression head',
  paperQuote:
    'If the expected output is in the range [0, s] s ∈ R+ a ReLU function seems suitable, while outputs with a normal gaussian distribution would be better treated with a Sigmoid or TanH function.',
  note: String.raw`Sigmoid and TanH are both bounded: Sigmoid gives values in $(0, 1)$, TanH in $(-1, 1)$, and neither reaches its bounds. A Gaussian variable is unbounded, so targets with a normal distribution usually take an identity (linear) output, $FC_{F+1} = W_{FC_{F+1}} FC_F + b_{F+1}$. A bounded output suits targets that are bounded themselves, such as a fraction.`,
};
