/**
 * The equations chapter 4 shows, in TeX with \term markup: eq. 3 and eq. 4 as
 * numbered in the paper, the derivatives of eq. 4 and the chain rule through
 * g (not printed in the paper, so unnumbered), and the erratum on ReLU's
 * derivative at 0 (shared/tutorial/equations.md).
 */
import type { EquationSpec, ErratumSpec } from '../../src/viz/tex/index.ts';

export const EQ3: EquationSpec = {
  number: 3,
  tex: String.raw`\term{H}{H^m} = \begin{cases} X & \text{if } m = 0 \\ \term{g}{g}\!\left(\term{W}{W^m}\,\term{Hprev}{H^{m-1}} + \term{b}{b^m}\right) & \text{if } 0 < m \le M \end{cases}`,
  description: 'each hidden layer is the activation function g applied to the filter bank times the previous hidden layer, plus a bias',
};

const sigmoid = String.raw`\mathrm{Sigmoid}(x) = \dfrac{1}{1+e^{-x}}`;
const tanh = String.raw`\mathrm{TanH}(x) = \dfrac{e^{x}-e^{-x}}{e^{x}+e^{-x}}`;
const relu = String.raw`\mathrm{ReLU}(x) = \begin{cases} x & \text{if } x \ge 0 \\ 0 & \text{if } x < 0 \end{cases}`;

export const EQ4: EquationSpec = {
  number: 4,
  tex: String.raw`\begin{gathered} \term{sigmoid}{${sigmoid}} \\[0.6em] \term{tanh}{${tanh}} \\[0.6em] \term{relu}{${relu}} \end{gathered}`,
  description: 'the Sigmoid, TanH and ReLU activation functions',
};

export const SLOPES: EquationSpec = {
  tex: String.raw`\begin{gathered} \term{sigmoid}{\mathrm{Sigmoid}'(x) = \mathrm{Sigmoid}(x)\,\bigl(1 - \mathrm{Sigmoid}(x)\bigr)} \\[0.4em] \term{tanh}{\mathrm{TanH}'(x) = 1 - \mathrm{TanH}^2(x)} \\[0.4em] \term{relu}{\mathrm{ReLU}'(x) = \begin{cases} 1 & \text{if } x > 0 \\ 0 & \text{if } x < 0 \end{cases}} \end{gathered}`,
  description: 'the derivatives of the three activation functions, not printed in the paper',
};

export const CHAIN: EquationSpec = {
  tex: String.raw`\frac{\partial L}{\partial z} = \term{slope}{g'(z)}\;\frac{\partial L}{\partial \term{H}{H^m}}, \qquad z = \term{W}{W^m}\,\term{Hprev}{H^{m-1}} + \term{b}{b^m}`,
  description: 'the gradient of the loss reaching the pre-activation z is the gradient reaching H^m times the slope of g at z, unit by unit',
};

export const ERRATUM_RELU: ErratumSpec = {
  where: 'eq. 4, ReLU',
  paper: relu,
  corrected: String.raw`\mathrm{ReLU}'(x) = \begin{cases} 1 & \text{if } x > 0 \\ 0 & \text{if } x \le 0 \end{cases}`,
  note: String.raw`The paper gives no derivative, and ReLU has none at $x = 0$, where its slope jumps from 0 to 1: any value in $[0, 1]$ is a subgradient there. Like PyTorch and TensorFlow, the code on this page takes $\mathrm{ReLU}'(0) = 0$, so a unit with $z = 0$ exactly counts as dead.`,
};
