/**
 * The equations chapter 6 shows, in TeX with \term markup, numbered as in the
 * paper: eq. 6 (the block with pooling) and eq. 2, which the paper's text
 * lost, as it applies to a pooling window (text from shared/tutorial/equations.md).
 */
import type { EquationSpec, ErratumSpec } from '../../src/viz/tex/index.ts';

export const EQ6: EquationSpec = {
  number: 6,
  tex: String.raw`\term{H}{H^m} = \begin{cases} X & \text{if } m = 0 \\ \term{pool}{\mathrm{pool}}\!\left(\term{g}{g}\!\left(\term{BN}{\mathrm{BN}}\!\left(\term{W}{W^m}\,\term{Hprev}{H^{m-1}} + \term{b}{b^m}\right)\right)\right) & \text{if } 0 < m \le M \end{cases}`,
  description: 'the hidden layer is the pooled activation of the batch-normalized filter bank applied to the previous layer, plus a bias',
};

/** Eq. 2 is lost from the paper's text; the relation it describes, for a pooling window (no padding). */
export const ERRATUM_EQ2: ErratumSpec = {
  where: 'eq. 2, the size of Hᵐ, here for pooling',
  paperQuote: 'The size of Hm (Equation 2) is defined by the filter size Wm, the convolutional stride and the spatial padding. (2)',
  corrected: String.raw`h^{(m)}_a = \left\lfloor \frac{h_a - w_a}{st_a} \right\rfloor + 1, \quad a \in \{x, y, z\}, \qquad h^{(m)}_d = h_d`,
  note: String.raw`The equation is missing from the paper's text. For a pooling window of $w_a$ cells moved $st_a$ cells at a time over a layer of $h_a$ cells, with no padding, the floor relation gives the size along each axis; a stride that does not divide evenly leaves the last cells unread. The window is 1 deep, so the number of feature maps $h_d$ is kept. Every size on this page is computed with it.`,
};
