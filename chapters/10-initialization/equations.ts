/**
 * The equations chapter 10 shows, in TeX with \term markup: the tutorial's
 * initialization statement (§2.3, unnumbered in the paper), the truncated
 * normal density it implies, and the erratum on the biases
 * (shared/tutorial/equations.md: frameworks start biases at zero).
 */
import type { EquationSpec, ErratumSpec } from '../../src/viz/tex/index.ts';

export const INIT: EquationSpec = {
  number: 'Initialization, §2.3',
  tex: String.raw`\begin{gathered} \term{b}{b^m} = \mathbf{1}, \quad b_f = \mathbf{1} \\ \term{W}{W^m},\ W_{FC_f} \sim \mathcal{N}(\mu, \sigma) \\ \term{mu}{\mu = 0},\ \term{sigma}{\sigma = 0.1}, \\ \text{truncated to } \term{cut}{[\mu - 2\sigma,\ \mu + 2\sigma]} \end{gathered}`,
  description: 'biases start at ones; weights are drawn from a normal with mean 0 and standard deviation 0.1, truncated at two standard deviations',
};

export const DENSITY: EquationSpec = {
  tex: String.raw`\begin{gathered} p(w) = \frac{\varphi\bigl((w - \term{mu}{\mu}) / \term{sigma}{\sigma}\bigr)}{\term{sigma}{\sigma}\,\bigl(\Phi(\term{cut}{c}) - \Phi(-\term{cut}{c})\bigr)} \\ \text{if } |w - \mu| \le \term{cut}{c}\,\sigma, \quad p(w) = 0 \text{ otherwise} \end{gathered}`,
  description: 'the density of the truncated normal: the normal density divided by the probability mass it keeps inside plus or minus c sigma, zero outside',
};

export const SCALED: EquationSpec = {
  tex: String.raw`\sigma_{\text{Glorot}} = \sqrt{\frac{2}{n_{\text{in}} + n_{\text{out}}}}, \qquad \sigma_{\text{He}} = \sqrt{\frac{2}{n_{\text{in}}}}`,
  description: 'the Glorot (Xavier) and He standard deviations for a layer with n_in inputs and n_out outputs',
};

export const ERRATUM_BIAS: ErratumSpec = {
  where: '§2.3, initialization of the biases',
  paper: String.raw`b^m = \mathbf{1}, \quad b_f = \mathbf{1}`,
  corrected: String.raw`b^m = \mathbf{0}, \quad b_f = \mathbf{0} \quad \text{(the usual default)}`,
  note: String.raw`Not wrong, but unusual: PyTorch, TensorFlow and Keras start biases at zero. Ones push every pre-activation up by 1, which keeps ReLU units alive at the start (the tutorial's reason), but also shifts Sigmoid and TanH units towards saturation. The bias control below shows both.`,
};
