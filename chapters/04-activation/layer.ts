/**
 * The convolution block this chapter looks at, eq. 3 of the tutorial:
 *
 *   H^m = g(W^m H^{m-1} + b^m)
 *
 * H^{m-1} is a synthetic geological grid (src/data): a well column (1D), an
 * x-z cross-section (2D) or a block (3D) of facies codes scaled to [0, 1]
 * with a little measurement noise. W^m is a bank of seeded filters, b^m a
 * bias. The reader's two sliders act on them: the scale a multiplies every
 * weight and the shift c is the bias, so the pre-activations become
 * z = a (W_0 H^{m-1}) + c. The convolution is src/nn/conv.ts and g is
 * src/nn/activation.ts, the code that trains the networks of later chapters.
 * Pure: no DOM.
 */
import { REGIONAL_DIP_DEFAULT, generateSample, nativeGeometry, toTensor, type Dims, type StructureKind } from '../../src/data/index.ts';
import { forward as activationForward, type ActivationKind } from '../../src/nn/activation.ts';
import { convGeometry, type ConvAttrs, type ConvGeometry } from '../../src/nn/conv-geometry.ts';
import { forward as convForward } from '../../src/nn/conv.ts';
import type { Triple } from '../../src/tensor/params.ts';
import { createRng } from '../../src/tensor/rng.ts';
import { truncatedNormalTensor } from '../../src/tensor/init.ts';
import { full, tensor, type Tensor } from '../../src/tensor/tensor.ts';

/** Cells of the input along each axis: a 48-cell well, a 24 x 24 section, a 12 x 12 x 12 block. */
export const GRID: Readonly<Record<Dims, readonly number[]>> = { 1: [48], 2: [24, 24], 3: [12, 12, 12] };
/** The geological model drawn (the same model in 1D, 2D and 3D: the well and section are slices of the block). */
export const SAMPLE_SEED = 7;
/** Standard deviation of the measurement noise added to the scaled facies codes. */
export const MEASUREMENT_NOISE = 0.05;
/** w_c: filters in the bank, so feature maps in H^m. */
export const FILTER_COUNT = 2;
/** Filter width along every axis the input has. */
export const FILTER_WIDTH = 3;

export interface BlockSetting {
  readonly kind: ActivationKind;
  /** a: every weight is a times the seeded draw. */
  readonly scale: number;
  /** c: the bias of every filter. */
  readonly shift: number;
}

export interface Block {
  readonly w: Tensor;
  readonly b: Tensor;
  /** The pre-activations W^m H^{m-1} + b^m. */
  readonly z: Tensor;
  /** H^m = g(z). */
  readonly h: Tensor;
}

/**
 * H^{m-1}: facies codes / 3 of a seeded geological model, [1, x, y, z, 1]. In
 * the data, depth runs down (index 0 at the top); here the vertical axis is
 * reversed (the section's y, the block's z) so that index grows upwards and
 * the views stand the right way up. The well (1D) lies on its side, top at x = 0.
 */
export function geologicalInput(dims: Dims, structure: StructureKind): Tensor {
  const sample = generateSample(structure, SAMPLE_SEED, nativeGeometry(dims, GRID[dims]), { maxRegionalDip: REGIONAL_DIP_DEFAULT, flip: 0 });
  const x = toTensor([sample], { encoding: 'scaled', gaussian: MEASUREMENT_NOISE });
  return dims === 1 ? x : flipAxis(x, dims === 2 ? 2 : 3);
}

/** A copy of a [1, x, y, z, 1] tensor with one spatial axis (2 = y, 3 = z) reversed. */
export function flipAxis(x: Tensor, axis: 2 | 3): Tensor {
  const [, nx, ny, nz] = x.shape as [number, number, number, number, number];
  const out = tensor(x.shape);
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) {
      for (let k = 0; k < nz; k++) {
        const jj = axis === 2 ? ny - 1 - j : j;
        const kk = axis === 3 ? nz - 1 - k : k;
        out.data[(i * ny + j) * nz + k] = x.data[(i * ny + jj) * nz + kk]!;
      }
    }
  }
  return out;
}

/** Stride 1 and 'same' zero padding along the axes the input has, so H^m has the input's size. */
export function convAttrs(input: Tensor): ConvAttrs {
  const pad = (n: number): number => (n > 1 ? (FILTER_WIDTH - 1) / 2 : 0);
  const padding: Triple = [pad(input.shape[1]!), pad(input.shape[2]!), pad(input.shape[3]!)];
  return { stride: [1, 1, 1], padding };
}

/**
 * W_0: FILTER_COUNT seeded filters 3 (x 3 (x 3)) deep as the input, from a
 * normal truncated at 2 sigma (the tutorial's init) with sigma = 2 / sqrt(n),
 * n the inputs one unit sums: the pre-activations then spread over a few
 * units in 1D, 2D and 3D alike.
 */
export function baseFilters(input: Tensor, seed: number): Tensor {
  const width = (n: number): number => (n > 1 ? FILTER_WIDTH : 1);
  const shape = [width(input.shape[1]!), width(input.shape[2]!), width(input.shape[3]!), input.shape[4]!, FILTER_COUNT];
  const fanIn = shape[0]! * shape[1]! * shape[2]! * shape[3]!;
  return truncatedNormalTensor(shape, createRng(seed), { sigma: 2 / Math.sqrt(fanIn) });
}

export function blockGeometry(input: Tensor, w0: Tensor): ConvGeometry {
  return convGeometry(input.shape, w0.shape, convAttrs(input));
}

/** Eq. 3 with the reader's a and c: H^m = g(a W_0 H^{m-1} + c). */
export function convolutionBlock(hPrev: Tensor, w0: Tensor, setting: BlockSetting): Block {
  const { kind, scale, shift } = setting;
  const w = tensor(w0.shape, w0.data.map((v) => scale * v)); // term: W
  const b = full([w0.shape[4]!], shift); // term: b
  const z = convForward(
    {
      x: hPrev, // term: Hprev
      w,
      b,
    },
    convAttrs(hPrev),
  ).y;
  const h = activationForward({ x: z }, { kind }).y; // term: g, H
  return { w, b, z, h };
}
