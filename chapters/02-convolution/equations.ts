/**
 * The equations of tutorial §2.1 that chapter 2 shows, in TeX with \term
 * markup and the paper's numbers, the same equations written one value at a
 * time (what the reference kernel computes), and the note on Figure 3's
 * shapes.
 */
import type { EquationSpec, ErratumSpec } from '../../src/viz/tex/index.ts';

const block = (inner: string): string =>
  String.raw`\term{Hm}{H^m} = \begin{cases} \term{X}{X} & \text{if } m = 0 \\ ${inner} & \text{if } 0 < m \le M \end{cases}`;
const affine = String.raw`\term{W}{W^m}\,\term{H}{H^{m-1}} + \term{b}{b^m}`;

export const EQ1: EquationSpec = {
  number: 1,
  tex: block(affine),
  description: 'each hidden layer is the filter bank convolved over the previous layer, plus a bias',
};

export const EQ3: EquationSpec = {
  number: 3,
  tex: block(String.raw`\term{g}{g}\!\left(${affine}\right)`),
  description: 'the same, through an activation function g',
};

/** Eq. 1 for one value of H^m, with stride 1 and no padding; indices from 0, as in the code. */
export const EQ1_CELL: EquationSpec = {
  tex: String.raw`\term{Hm}{H^m_{x,y,z,c}} = \term{b}{b^m_c} + \sum_{i=0}^{w_x-1}\sum_{j=0}^{w_y-1}\sum_{k=0}^{w_z-1}\sum_{d=0}^{w_d-1} \term{W}{W^m_{i,j,k,d,c}}\;\term{H}{H^{m-1}_{x+i,\,y+j,\,z+k,\,d}}`,
  description: 'one value of H^m: the bias of filter c plus, over every tap of the window and every input map, the weight times the input value under it',
};

export const ERRATUM_FIGURE3: ErratumSpec = {
  where: '§2.1, the shapes in Figure 3',
  paperQuote:
    'Figure 3 shows an example of applying first, three filters of 3× 3× 1× 1, then two filters of 3× 3× 3× 3, leading to a final vector representation of 1× 1× 2× 1.',
  corrected: String.raw`\begin{aligned} W^1 &: 3 \times 3 \times 1 \times 1 \times 3 \\ H^1 &: 3 \times 3 \times 1 \times 3 \\ W^2 &: 3 \times 3 \times 1 \times 3 \times 2 \\ H^2 &: 1 \times 1 \times 1 \times 2 \end{aligned}`,
  note: String.raw`The paper's own notation gives a filter bank five sizes $(w_x, w_y, w_z, w_d, w_c)$ and a hidden layer four $(h_x, h_y, h_z, h_d)$. The first filters are $3 \times 3 \times 1 \times 1$ as printed ($w_z = 1$ for a flat image, $w_d = 1$ input map), three of them. A second-step filter must be as deep as $H^1$, which has 3 feature maps, so each is $3 \times 3 \times 1 \times 3$: the printed "3 × 3 × 3 × 3" puts a 3 where $w_z = 1$ belongs. The result is one cell with two feature maps, $h_d = w_c = 2$: in the order $(h_x, h_y, h_z, h_d)$ that is $1 \times 1 \times 1 \times 2$, while the printed "1 × 1 × 2 × 1" reads as $h_z = 2$. The shapes below are the ones the code computes.`,
};
