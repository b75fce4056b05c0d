/**
 * Eqs. 11-15 of tutorial §2.3 as the paper prints them, in TeX with \term
 * markup, and the errata beside them: eq. 15's (1 + beta), which does NOT
 * blow up (src/optim/adam.ts and test/optim/adam-printed.test.ts show what
 * it does instead), AdaGrad's sum up to t - 1, and eps inside the root.
 */
import type { EquationSpec, ErratumSpec } from '../../src/viz/tex/index.ts';

const theta = String.raw`\term{theta}{\Theta}`;
const alpha = String.raw`\term{alpha}{\alpha}`;
const eps = String.raw`\term{eps}{\epsilon}`;

export const EQ11: EquationSpec = {
  number: 11,
  tex: String.raw`${theta} \leftarrow ${theta} - ${alpha} \cdot \term{grad}{\nabla_{\Theta}} \term{L}{L(\Theta)}`,
  description: 'gradient descent: the parameters move against the gradient of the loss, scaled by the learning rate alpha',
};

export const EQ12: EquationSpec = {
  number: 12,
  tex: String.raw`\begin{aligned}
\term{V}{V_{t+1}} &\leftarrow \term{gammaM}{\gamma} \cdot \term{V}{V_t} + ${alpha} \cdot \term{grad}{\nabla_{\Theta_t} L(\Theta_t)} \\
\term{theta}{\Theta_{t+1}} &\leftarrow \term{theta}{\Theta_t} - \term{V}{V_{t+1}}
\end{aligned}`,
  description: 'momentum: the velocity V keeps a share gamma of the previous one and adds the scaled gradient; the parameters move by V',
};

export const EQ13: EquationSpec = {
  number: 13,
  tex: String.raw`\term{theta}{\Theta_{t+1,i}} \leftarrow \term{theta}{\Theta_{t,i}} - \frac{${alpha}}{\sqrt{\term{G}{G_{t,ii}} + ${eps}}} \cdot \term{grad}{\nabla_{\Theta_{t,i}} L(\Theta_{t,i})}`,
  description: "AdaGrad: each parameter's step is alpha over the square root of its sum of squared gradients plus epsilon, times its gradient",
};

export const EQ14: EquationSpec = {
  number: 14,
  tex: String.raw`\begin{aligned}
\term{g}{g_t} &= \nabla_{\Theta_t} L(\Theta_t) \\
\term{Eg2}{E[g^2_t]} &\leftarrow \term{gammaR}{\gamma} \cdot \term{Eg2}{E[g^2_{t-1}]} + (1 - \term{gammaR}{\gamma}) \cdot \term{g}{g^2_t} \\
\term{theta}{\Theta_{t+1}} &\leftarrow \term{theta}{\Theta_t} - \frac{${alpha}}{\sqrt{\term{Eg2}{E[g^2_t]} + ${eps}}} \cdot \term{g}{g_t}
\end{aligned}`,
  description: 'RMSProp: a running average of squared gradients, decaying by gamma, replaces AdaGrad’s growing sum',
};

/** Eq. 15 exactly as printed: (1 + beta). The erratum beside it gives Kingma & Ba's (1 - beta). */
export const EQ15: EquationSpec = {
  number: 15,
  tex: String.raw`\begin{aligned}
\term{g}{g_t} &= \nabla_{\Theta_t} L(\Theta_t) \\
\term{m}{m_t} &\leftarrow \term{beta1}{\beta_1} \cdot \term{m}{m_{t-1}} + (1 + \term{beta1}{\beta_1}) \cdot \term{g}{g_t} \\
\term{Va}{V_t} &\leftarrow \term{beta2}{\beta_2} \cdot \term{Va}{V_{t-1}} + (1 + \term{beta2}{\beta_2}) \cdot \term{g}{g^2_t} \\
\term{mhat}{\hat m_t} &\leftarrow \frac{\term{m}{m_t}}{1 - \beta_1^t}, \qquad \term{vhat}{\hat V_t} \leftarrow \frac{\term{Va}{V_t}}{1 - \beta_2^t} \\
\term{theta}{\Theta_{t+1}} &\leftarrow \term{theta}{\Theta_t} - \frac{${alpha}}{\sqrt{\term{vhat}{\hat V_t} + ${eps}}} \cdot \term{mhat}{\hat m_t}
\end{aligned}`,
  description: 'Adam as printed in the paper: first and second moments of the gradient with the factors one plus beta, corrected for their start at zero, then a step of alpha times m-hat over the square root of V-hat plus epsilon',
};

export const ERRATUM_ADAM: ErratumSpec = {
  where: 'eq. 15, Adam',
  paper: String.raw`m_t \leftarrow \beta_1 m_{t-1} + (1 + \beta_1)\, g_t, \qquad V_t \leftarrow \beta_2 V_{t-1} + (1 + \beta_2)\, g^2_t`,
  corrected: String.raw`m_t \leftarrow \beta_1 m_{t-1} + (1 - \beta_1)\, g_t, \qquad V_t \leftarrow \beta_2 V_{t-1} + (1 - \beta_2)\, g^2_t`,
  note: String.raw`Kingma and Ba (2014) weight the new gradient by $1 - \beta$, so that $m_t$ and $V_t$ are running averages of $g$ and $g^2$. The printed $1 + \beta$ is a typo, but it does not make Adam blow up: with $\beta < 1$ the sums stay bounded. Fed the same gradients, the printed moments are $\frac{1+\beta_1}{1-\beta_1} = 19$ and $\frac{1+\beta_2}{1-\beta_2} = 1999$ times the corrected ones, so the printed rule is corrected Adam with $\alpha \cdot 19/\sqrt{1999} \approx 0.425\,\alpha$ and $\epsilon / 1999$: it takes shorter steps, nothing worse. The section “Eq. 15 as printed” below runs both.`,
};

export const ERRATUM_ADAGRAD: ErratumSpec = {
  where: 'eq. 13, AdaGrad',
  paperQuote: 'Gt,ii corresponds to the diagonal matrix in which each element (i, i) represents the total sum of the squares of the past gradients with respect to Θi, from t = 1, ...., t − 1.',
  corrected: String.raw`G_{t,ii} = \sum_{\tau=1}^{t} g_{\tau,i}^2`,
  note: String.raw`Duchi et al. (2011) include the current gradient. Read literally, the sum up to $t - 1$ is $0$ at the first update, which then divides the gradient by $\sqrt{\epsilon} = 10^{-4}$: a jump of $10^4\,\alpha\, g$, about a hundred units with the paper's $\alpha = 10^{-2}$ and a gradient of 1, far off any map. This page, like src/optim, includes the current gradient, so the first step of every coordinate has length $\alpha$ whatever the gradient's scale.`,
};

export const ERRATUM_EPS: ErratumSpec = {
  where: 'eqs. 13-15, where ε goes',
  paper: String.raw`\frac{\alpha}{\sqrt{G_{t,ii} + \epsilon}}, \quad \frac{\alpha}{\sqrt{E[g^2_t] + \epsilon}}, \quad \frac{\alpha}{\sqrt{\hat V_t + \epsilon}}`,
  corrected: String.raw`\frac{\alpha}{\sqrt{\hat V_t} + \epsilon} \quad \text{(Kingma \& Ba; most frameworks)}`,
  note: String.raw`Both are in use, and they differ only when $\epsilon$ is not small next to the quantity under the root. Inside the root, $\epsilon$ floors the denominator at $\sqrt{\epsilon}$ (at $10^{-4}$ for $\epsilon = 10^{-8}$); outside, at $\epsilon$ itself. The switch below chooses; the page starts with the paper's.`,
};
