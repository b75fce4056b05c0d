/**
 * The equations chapter 5 shows, in TeX with \term markup: eq. 5 numbered as
 * in the paper, the batch normalization of Ioffe and Szegedy (2015) that it
 * refers to, the running averages used for inference, and the errata on
 * §2.1 (text from shared/tutorial/equations.md).
 */
import type { EquationSpec, ErratumSpec } from '../../src/viz/tex/index.ts';

export const EQ5: EquationSpec = {
  number: 5,
  tex: String.raw`\term{H}{H^m} = \begin{cases} \term{X}{X} & \text{if } m = 0 \\ \term{g}{g}\!\left(\term{BN}{\mathrm{BN}}\!\left(\term{W}{W^m}\,\term{Hprev}{H^{m-1}} + \term{b}{b^m}\right)\right) & \text{if } 0 < m \le M \end{cases}`,
  description: 'each hidden layer is the filter bank applied to the previous layer, plus a bias, batch-normalized, then passed through the activation g',
};

/** Ioffe and Szegedy's transform (their Algorithm 1), per feature map c, over the m values of the map in the mini-batch. */
export const BN_DEFINITION: EquationSpec = {
  tex: String.raw`\begin{aligned}
\term{mu}{\mu_c} &= \frac{1}{\term{m}{m}} \sum_{i=1}^{m} x_i, \qquad
\term{sigma2}{\sigma_c^2} = \frac{1}{m} \sum_{i=1}^{m} \left(x_i - \mu_c\right)^2 \\[4pt]
\term{xhat}{\hat{x}_i} &= \frac{x_i - \mu_c}{\sqrt{\sigma_c^2 + \term{eps}{\epsilon}}}, \qquad
\term{BN}{\mathrm{BN}}(x_i) = \term{gamma}{\gamma_c}\, \hat{x}_i + \term{beta}{\beta_c} \\[4pt]
& \text{over the } m = n\, h_x h_y h_z \text{ values } x_i \text{ of map } c
\end{aligned}`,
  description: 'batch normalization as Ioffe and Szegedy define it: per feature map, subtract the mini-batch mean, divide by the square root of the variance plus epsilon, then scale by gamma and shift by beta',
};

/** The running averages kept during training and used in place of the batch statistics at inference (PyTorch's convention). */
export const RUNNING: EquationSpec = {
  tex: String.raw`\begin{aligned}
\term{runMean}{\hat{\mu}_c} &\leftarrow (1 - \term{momentum}{\rho})\, \hat{\mu}_c + \rho\, \mu_c, \qquad
\term{runVar}{\hat{\sigma}_c^2} \leftarrow (1 - \rho)\, \hat{\sigma}_c^2 + \rho\, \frac{m}{m - 1}\, \sigma_c^2 \\[4pt]
\text{inference: } \mathrm{BN}(x) &= \gamma_c\, \frac{x - \hat{\mu}_c}{\sqrt{\hat{\sigma}_c^2 + \epsilon}} + \beta_c
\end{aligned}`,
  description: 'after each training mini-batch the running mean and variance move a fraction rho towards the batch statistics; at inference they replace them',
};

export const ERRATUM_LEARNT: ErratumSpec = {
  where: '§2.1, batch normalization (eq. 5)',
  paperQuote: 'Note that the mean and standard deviations are learnt during training and then used during simulation.',
  note: String.raw`They are not learnt: $\mu_c$ and $\sigma_c^2$ are computed from each mini-batch during training, and running averages $\hat\mu_c$, $\hat\sigma_c^2$ of them are kept for inference. What batch normalization learns, by gradient descent like the filters, is a scale $\gamma_c$ and a shift $\beta_c$ per feature map, which the paper does not mention. On this page $\gamma$ and $\beta$ are sliders, and the running averages are fed by the training batches.`,
};

export const ERRATUM_DROPOUT: ErratumSpec = {
  where: '§2.1, batch normalization',
  paperQuote: 'Other regularization techniques, as dropout, are then no longer necessary.',
  note: "An overstatement of Ioffe and Szegedy's observation that with batch normalization dropout can sometimes be reduced or removed. Whether a network still needs dropout depends on the network and the data; many networks use both.",
};
