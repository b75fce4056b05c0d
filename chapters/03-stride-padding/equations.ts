/**
 * Eq. 2 as chapter 3 shows it, with \term markup, and the notes on the
 * paper's text that concern stride and padding (eq. 2's erratum from
 * shared/tutorial/equations.md; the "same size" remark and the four-component
 * stride and padding, read against what the equation does).
 */
import type { EquationSpec, ErratumSpec } from '../../src/viz/tex/index.ts';

export const EQ2: EquationSpec = {
  number: 2,
  tex: String.raw`\begin{gathered} \term{h}{h^{(m)}_a} = \left\lfloor \dfrac{\term{hprev}{h^{(m-1)}_a} - \term{w}{w^{(m)}_a} + 2\,\term{p}{p^{(m)}_a}}{\term{st}{st^{(m)}_a}} \right\rfloor + 1 \\[0.4em] a \in \{x, y, z\}, \qquad h^{(m)}_d = w^{(m)}_c \end{gathered}`,
  description:
    'along each spatial axis, the size of the hidden layer is the previous size minus the filter size plus twice the padding, divided by the stride and rounded down, plus one; its depth is the number of filters',
};

/** eq. 2 is lost from the paper's text: the relation the text describes. */
export const ERRATUM_EQ2: ErratumSpec = {
  where: 'eq. 2, the size of Hᵐ',
  paperQuote: 'The size of Hm (Equation 2) is defined by the filter size Wm, the convolutional stride and the spatial padding. (2)',
  note: String.raw`The equation is missing from the paper's text; above is the relation the text describes, per spatial axis. The floor matters: a stride that does not divide $h^{(m-1)}_a - w^{(m)}_a + 2p^{(m)}_a$ drops the last positions. Every number on this page is computed with it.`,
};

/** "so after performing a filter convolution with stride of 1x1x1x1, the output feature map has the same dimensions as the input". */
export const ERRATUM_SAME: ErratumSpec = {
  where: '§2.1, spatial padding',
  paperQuote:
    'The spatial padding represents a contour of zeros around the input to increase its size, so after performing a filter convolution with stride of 1× 1× 1× 1, the output feature map has the same dimensions as the input.',
  corrected: String.raw`st_a = 1:\quad h^{(m)}_a = h^{(m-1)}_a \iff p^{(m)}_a = \dfrac{w^{(m)}_a - 1}{2},\ w^{(m)}_a \text{ odd}`,
  note: String.raw`Padding keeps the size only for one padding per axis: with stride 1, eq. 2 gives $h_a = h^{(m-1)}_a + 2p_a - w_a + 1$, equal to the input's size when $2p_a = w_a - 1$. An even filter has no such padding; any other padding grows or shrinks the layer, and a stride above 1 shrinks it whatever the padding. The list under the controls checks this for your settings.`,
};

/** The paper writes stride and padding with a depth component too: 2 x 2 x 1 x 1, 1 x 1 x 1 x 1. */
export const ERRATUM_DEPTH: ErratumSpec = {
  where: '§2.1, stride and padding with four components',
  paperQuote: 'The Figure 4 shows a stride of 2× 2× 1× 1 over a two dimensional input. … (Right) Input with a spatial padding of 1 × 1 × 1 × 1.',
  note: String.raw`The paper writes stride and padding as $(st_x, st_y, st_z, st_d)$ and $(p_x, p_y, p_z, p_d)$, but only the spatial axes are strided and padded: a filter spans every feature map of the layer before ($w^{(m)}_d = h^{(m-1)}_d$), so along $d$ there is one position, $st_d$ plays no part and $p_d = 0$. Read literally, "1 × 1 × 1 × 1" on a 2D map would also pad $z$, turning the map into three stacked maps, and add zero feature maps along $d$; a figure of a 2D input can only mean $p_x = p_y = 1$, which is what the Figure 5 button sets. This page, like the model, takes three components $(x, y, z)$.`,
};
