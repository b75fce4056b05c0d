/**
 * The tutorial's Figure 3 (§2.1): three 3×3 filters over a 5×5 input give a
 * 3×3 hidden layer with 3 feature maps; two filters over that layer, each
 * 3×3 and 3 maps deep, give a 1×1 output with 2 feature maps.
 *
 * Two sets of numbers:
 * - 'readable': the input holds 1..25 row by row and the filters do something
 *   you can check by hand (pick the centre, sum the window, a diagonal
 *   difference; then sum all of H¹, read map 1 at the centre), as in
 *   test/nn/conv.test.ts.
 * - 'conformance': the first step is the shared conformance case
 *   conv/figure3-first, copied here (test/chapters/convolution checks the copy
 *   against the shared file); the second step, which the case does not cover,
 *   uses the readable second-step filters.
 */
import { tensor, type Tensor } from '../../src/tensor/tensor.ts';
import { convLayer, type ConvLayer } from './layer.ts';

export type Figure3Values = 'readable' | 'conformance';

/** conv/figure3-first from the shared conformance suite (FORMAT.md), values as stored. */
export const FIGURE3_FIRST_CASE = {
  name: 'conv/figure3-first',
  x: { shape: [1, 5, 5, 1, 1], data: [-0.04830141446225962, -0.26422756927301855, -0.27106434369639887, 0.06388064381033866, -0.1779543406675628, 0.5152054083701245, 1.700788205560819, 0.35669363124435693, -1.3146600145359588, 0.25644667928371306, -1.6715768189073839, 0.15935507063520923, -0.22038079977210395, 0.5710161001583578, -0.3981401286794766, 0.1886613185144942, -0.45347448789077316, -0.24220430502633128, 0.755530341452648, -1.0976486865238084, -0.618725329848185, -0.2792257725220487, 0.9136884576259741, -0.6904792246539851, -0.3961782835574187] },
  w: { shape: [3, 3, 1, 1, 3], data: [0.2916151850210622, -1.2662222776838148, -1.512817010053546, 1.1210313125940623, 0.04788059716720512, -0.4860204899242524, -0.05663391389744255, -0.4472633167145475, 0.6509689932181074, 0.1779659022055106, -0.031236623232467266, -1.9773226628551692, -0.011579692245345899, -0.642408146330744, 0.16579169109011768, 0.4055537420151971, -0.2634845345600387, 0.6746359792051372, 0.4148375976726767, 0.4237181922456164, -0.794069945395078, -1.488288314308295, 0.6462665972947236, -1.1085278176396476, -0.33560417319602304, 0.7101346981191022, -0.5350176501520736] },
  b: { shape: [3], data: [0.6154746346610478, 0.3861224261919282, 0.004952255364033034] },
  expected: { shape: [1, 3, 3, 1, 3], data: [-0.31945239236450135, -1.4085999156089488, 0.8024835687745189, 0.1987803093845127, 1.0738611154999975, -3.800524326600801, -0.00681716060624632, 1.5707540512397622, -0.7270944712663112, 3.0978963807411675, -0.7215568713330599, 2.2965713633833205, 1.767051234643329, -0.9883784227484248, -3.339239480608638, -1.83265333496328, -0.8920453368268633, 0.4751268024279166, 0.11200028258058992, 3.1643705566561993, 2.0132061359180016, -0.6328753424763328, -0.12907452829552107, 1.1872127205719274, 2.2564985316636212, 0.3415806392522173, -0.08284564895237392] },
  tolerance: { atol: 0.0001, rtol: 0.001 },
} as const;

const t = (shape: readonly number[], data: readonly number[]): Tensor => tensor(shape, data);

/** x [1, 5, 5, 1, 1] holding 1..25 in row-major order: cell (x, y) holds 5x + y + 1. */
function ramp(): Tensor {
  return t([1, 5, 5, 1, 1], Array.from({ length: 25 }, (_, i) => i + 1));
}

/** W¹ [3, 3, 1, 1, 3]: filter 1 picks the centre, filter 2 sums the window, filter 3 is top-left minus bottom-right. */
function readableFirstFilters(): Tensor {
  const w = tensor([3, 3, 1, 1, 3]);
  const tap = (i: number, j: number, c: number, v: number): void => void (w.data[(i * 3 + j) * 3 + c] = v);
  tap(1, 1, 0, 1);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) tap(i, j, 1, 1);
  tap(0, 0, 2, 1);
  tap(2, 2, 2, -1);
  return w;
}

/** W² [3, 3, 1, 3, 2]: filter 1 sums every value of H¹ (all 27), filter 2 reads map 1 of H¹ at the centre. */
function secondFilters(): Tensor {
  const w = tensor([3, 3, 1, 3, 2]);
  for (let tap = 0; tap < 27; tap++) w.data[tap * 2] = 1;
  w.data[(4 * 3 + 0) * 2 + 1] = 1;
  return w;
}

export interface Figure3 {
  readonly values: Figure3Values;
  /** X -> H¹ with W¹ [3, 3, 1, 1, 3] */
  readonly first: ConvLayer;
  /** H¹ -> H² with W² [3, 3, 1, 3, 2] */
  readonly second: ConvLayer;
  /** With the conformance numbers: the largest |H¹ - expected| over the case's 27 values, and whether it is within the case's tolerance. */
  readonly check: { readonly maxDifference: number; readonly withinTolerance: boolean } | null;
}

export function figure3(values: Figure3Values): Figure3 {
  const c = FIGURE3_FIRST_CASE;
  const first =
    values === 'conformance'
      ? convLayer(t(c.x.shape, c.x.data), t(c.w.shape, c.w.data), t(c.b.shape, c.b.data))
      : convLayer(ramp(), readableFirstFilters(), t([3], [0, 1, -2]));
  const second = convLayer(first.y, secondFilters(), t([2], [0.5, 0]));
  let check: Figure3['check'] = null;
  if (values === 'conformance') {
    let maxDifference = 0;
    let withinTolerance = true;
    c.expected.data.forEach((expected, i) => {
      const diff = Math.abs(first.y.data[i]! - expected);
      maxDifference = Math.max(maxDifference, diff);
      if (diff > c.tolerance.atol + c.tolerance.rtol * Math.abs(expected)) withinTolerance = false;
    });
    check = { maxDifference, withinTolerance };
  }
  return { values, first, second, check };
}
