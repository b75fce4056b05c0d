/**
 * Facies grids as network inputs [n, x, y, z, d] (feature maps last):
 *
 * - 'scaled': d = 1, the code divided by F - 1, so shale 0, sandstone 1/3,
 *             siltstone 2/3, limestone 1. Compact, but it imposes an order on
 *             categories that have none; the network has to unlearn it.
 * - 'sand':   d = 1, the sandstone indicator (1 sand, 0 otherwise): what a
 *             net/non-net cut-off of a log gives.
 * - 'onehot': d = F = 4, one feature map per facies (FACIES order).
 *
 * Optional measurement noise (gaussian sigma) is added to every encoded value.
 */
import { ShapeError, ParamError, formatShape } from '../tensor/errors.ts';
import { assertKind, assertNumber, type Triple } from '../tensor/params.ts';
import { createRng } from '../tensor/rng.ts';
import { tensor, type Tensor } from '../tensor/tensor.ts';
import { FACIES, FACIES_COUNT, SAND, faciesLegend } from './facies.ts';
import { assertDims, type Dims } from './geometry.ts';
import { GAUSSIAN_LIMIT, gaussianDeviate } from './noise.ts';
import { sliceSample, type Sample } from './sample.ts';
import { STREAM, mixSeed } from './seed.ts';
import { TARGETS } from './targets.ts';

export const ENCODINGS = ['scaled', 'sand', 'onehot'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Names of the d feature maps of an encoding. */
export function channelNames(encoding: Encoding): string[] {
  if (encoding === 'onehot') return [...FACIES];
  return encoding === 'sand' ? ['sandstone indicator'] : [`facies code / ${FACIES_COUNT - 1}`];
}

export function channelCount(encoding: Encoding): number {
  return encoding === 'onehot' ? FACIES_COUNT : 1;
}

/** Writes the encoding of `codes` at cell offset `first` of a [.., d] buffer. */
function encodeInto(codes: ArrayLike<number>, encoding: Encoding, out: Float64Array, first: number): void {
  const n = codes.length;
  if (encoding === 'onehot') {
    for (let c = 0; c < n; c++) out[(first + c) * FACIES_COUNT + codes[c]!] = 1;
  } else if (encoding === 'sand') {
    for (let c = 0; c < n; c++) out[first + c] = codes[c] === SAND ? 1 : 0;
  } else {
    for (let c = 0; c < n; c++) out[first + c] = codes[c]! / (FACIES_COUNT - 1);
  }
}

export interface ToTensorOptions {
  readonly encoding: Encoding;
  /** 1, 2 or 3; lower than the samples' own dims takes their section or column. Default: the samples' dims. */
  readonly dims?: Dims;
  /** Standard deviation of measurement noise added to the encoded values, [0, 1]; default 0. */
  readonly gaussian?: number;
}

/** The samples (after flip noise) as one input tensor [n, x, y, z, d]. */
export function toTensor(samples: readonly Sample[], options: ToTensorOptions): Tensor {
  const op = 'toTensor';
  const encoding = assertKind(op, 'encoding', options.encoding, ENCODINGS);
  const sigma = assertNumber(op, 'gaussian', options.gaussian ?? 0, { lo: 0, hi: GAUSSIAN_LIMIT });
  if (samples.length === 0) throw new ShapeError(op, 'no samples to encode');
  const dims = options.dims === undefined ? samples[0]!.geometry.dims : assertDims(op, options.dims);
  const views = samples.map((s) => sliceSample(s, dims));
  const shape = views[0]!.shape;
  views.forEach((v, i) => {
    if (v.shape.some((n, a) => n !== shape[a])) {
      throw new ShapeError(op, `sample ${i} has shape ${formatShape(v.shape)} but sample 0 has ${formatShape(shape)}; one tensor needs one grid size`);
    }
  });
  const cells = shape[0] * shape[1] * shape[2];
  const d = channelCount(encoding);
  const out = tensor([views.length, ...shape, d]);
  views.forEach((v, i) => {
    encodeInto(v.facies, encoding, out.data, i * cells);
    if (sigma > 0) {
      const rng = createRng(mixSeed(v.seed, STREAM.measurement, dims));
      const base = i * cells * d;
      for (let e = 0; e < cells * d; e++) out.data[base + e] += sigma * gaussianDeviate(rng);
    }
  });
  return out;
}

/**
 * A facies grid from elsewhere (a reader's grid, see parseUserGrid) as an
 * input [1, x, y, z, d]: every value must be a facies code.
 */
export function encodeFacies(values: ArrayLike<number>, shape: Triple, encoding: Encoding): Tensor {
  const op = 'grid';
  assertKind(op, 'encoding', encoding, ENCODINGS);
  const cells = shape[0] * shape[1] * shape[2];
  if (values.length !== cells) {
    throw new ShapeError(op, `${values.length} values given but shape ${formatShape(shape)} needs ${cells}`);
  }
  for (let c = 0; c < cells; c++) {
    const v = values[c]!;
    if (!Number.isInteger(v) || v < 0 || v >= FACIES_COUNT) {
      const k = c % shape[2];
      const j = Math.floor(c / shape[2]) % shape[1];
      const i = Math.floor(c / (shape[1] * shape[2]));
      throw new ParamError(op, `value ${v} at [${i}, ${j}, ${k}] is not a facies code; expected an integer from 0 to ${FACIES_COUNT - 1} (${faciesLegend()})`);
    }
  }
  const out = tensor([1, ...shape, channelCount(encoding)]);
  encodeInto(values, encoding, out.data, 0);
  return out;
}

/** Class ids as one-hot rows [n, K], the target probabilities of eq. 10's cross-entropy. */
export function oneHotLabels(labels: Int32Array, classCount: number): Tensor {
  const out = tensor([labels.length, classCount]);
  labels.forEach((label, i) => {
    if (!Number.isInteger(label) || label < 0 || label >= classCount) {
      throw new ParamError('oneHot', `label ${label} of sample ${i} is outside 0..${classCount - 1}`);
    }
    out.data[i * classCount + label] = 1;
  });
  return out;
}

/** The samples' targets [n, P] (measured on their section or column when dims is lower). */
export function targetTensor(samples: readonly Sample[], dims?: Dims): Tensor {
  const p = TARGETS.length;
  const out = tensor([samples.length, p]);
  samples.forEach((s, i) => {
    const v = dims === undefined ? s : sliceSample(s, assertDims('targets', dims));
    for (let j = 0; j < p; j++) out.data[i * p + j] = v.targets[j]!;
  });
  return out;
}
