/**
 * A labelled data set of synthetic geological models, ready for training:
 * inputs [n, x, y, z, d], class ids and their one-hot rows [n, K], targets
 * [n, P]. Deterministic: the same options give bit-identical arrays on any
 * engine (integer seeding, exactly rounded arithmetic only).
 *
 * Classes are balanced: the samples come in blocks of K, each block holding
 * every class once in a seeded random order, so class counts differ by at
 * most one and a data set of n samples is the first n of a larger one.
 */
import { ParamError } from '../tensor/errors.ts';
import { assertCount, assertKind, assertNumber } from '../tensor/params.ts';
import { createRng, permutation } from '../tensor/rng.ts';
import type { Tensor } from '../tensor/tensor.ts';
import { CLASS_NAMES, STRUCTURE_KINDS, type StructureKind } from './classes.ts';
import { ENCODINGS, channelCount, channelNames, oneHotLabels, targetTensor, toTensor, type Encoding } from './encoding.ts';
import { assertDims, nativeGeometry, resolveSize, type Dims } from './geometry.ts';
import { resolveNoise, type NoiseOptions } from './noise.ts';
import { REGIONAL_DIP_DEFAULT, REGIONAL_DIP_LIMIT } from './regional-dip.ts';
import { generateSample, type Sample } from './sample.ts';
import { ORDER_STREAM, mixSeed } from './seed.ts';
import { TARGETS } from './targets.ts';

export interface DatasetOptions {
  /** Integer in [0, 2^32 - 1]. */
  readonly seed: number;
  /** Number of samples, at least the number of classes. */
  readonly count: number;
  /** 3 block, 2 x-z section, 1 well column. */
  readonly dims: Dims;
  /** Grid size, a number or one per axis (geometry.ts SIZE_LIMITS); default 16^3, 32 x 32, 64. */
  readonly size?: number | readonly number[];
  readonly noise?: NoiseOptions;
  /** Structure types to include, in label order; default all four. */
  readonly classes?: readonly StructureKind[];
  /** Default 'onehot'. */
  readonly encoding?: Encoding;
  /** Largest regional dip in degrees, [0, 20]; default 5. */
  readonly regionalDip?: number;
}

export interface Dataset {
  readonly inputs: Tensor;
  /** Class id of each sample, an index into `classes`. */
  readonly labels: Int32Array;
  readonly oneHot: Tensor;
  readonly targets: Tensor;
  readonly classes: readonly StructureKind[];
  readonly classNames: readonly string[];
  readonly targetNames: readonly string[];
  readonly targetUnits: readonly string[];
  readonly targetRanges: readonly (readonly [number, number])[];
  readonly encoding: Encoding;
  /** Names of the d feature maps. */
  readonly channels: readonly string[];
  readonly dims: Dims;
  /** The models and their facies grids, for views. */
  readonly samples: readonly Sample[];
}

/** Largest input tensor, n * cells * d values (128 MB of float64). */
export const MAX_INPUT_VALUES = 2 ** 24;
const MAX_SEED = 2 ** 32 - 1;
const OPTION_KEYS = ['seed', 'count', 'dims', 'size', 'noise', 'classes', 'encoding', 'regionalDip'];

function resolveClasses(op: string, classes: unknown): StructureKind[] {
  if (classes === undefined) return [...STRUCTURE_KINDS];
  if (!Array.isArray(classes) || classes.length === 0) {
    throw new ParamError(op, `classes must be a non-empty list of ${STRUCTURE_KINDS.join(', ')}, got ${JSON.stringify(classes)}`);
  }
  const list = classes.map((c: unknown) => assertKind(op, 'class', c, STRUCTURE_KINDS));
  const repeated = list.find((c, i) => list.indexOf(c) !== i);
  if (repeated !== undefined) throw new ParamError(op, `class ${JSON.stringify(repeated)} is listed twice`);
  return list;
}

/** Structure type of sample i: block floor(i / K) holds each class once, in a seeded order. */
export function classOrder(seed: number, count: number, classCount: number): Int32Array {
  const ids = new Int32Array(count);
  for (let block = 0; block * classCount < count; block++) {
    const order = permutation(createRng(mixSeed(seed, ORDER_STREAM, block)), classCount);
    for (let r = 0; r < classCount && block * classCount + r < count; r++) ids[block * classCount + r] = order[r]!;
  }
  return ids;
}

export function createDataset(options: DatasetOptions): Dataset {
  const op = 'dataset';
  if (typeof options !== 'object' || options === null) throw new ParamError(op, 'options must be an object {seed, count, dims, ...}');
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.includes(key)) throw new ParamError(op, `unknown option ${JSON.stringify(key)}; expected ${OPTION_KEYS.join(', ')}`);
  }
  const seed = assertCount(op, 'seed', options.seed, 0);
  if (seed > MAX_SEED) throw new ParamError(op, `seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`);
  const classes = resolveClasses(op, options.classes);
  const count = assertCount(op, 'count', options.count, classes.length);
  const dims = assertDims(op, options.dims);
  const size = resolveSize(op, dims, options.size);
  const noise = resolveNoise(op, options.noise);
  const encoding = assertKind(op, 'encoding', options.encoding ?? 'onehot', ENCODINGS);
  const maxRegionalDip = assertNumber(op, 'regionalDip', options.regionalDip ?? REGIONAL_DIP_DEFAULT, { lo: 0, hi: REGIONAL_DIP_LIMIT });
  const values = count * size.reduce((a, b) => a * b, 1) * channelCount(encoding);
  if (values > MAX_INPUT_VALUES) {
    throw new ParamError(op, `${count} samples of [${size.join(', ')}] cells x ${channelCount(encoding)} channels make ${values} input values, over the limit of ${MAX_INPUT_VALUES}; use fewer samples, a smaller size or a one-channel encoding`);
  }

  const geometry = nativeGeometry(dims, size);
  const labels = classOrder(seed, count, classes.length);
  const samples = Array.from(labels, (label, i) =>
    generateSample(classes[label]!, mixSeed(seed, i), geometry, { maxRegionalDip, flip: noise.flip }),
  );
  return {
    inputs: toTensor(samples, { encoding, gaussian: noise.gaussian }),
    labels,
    oneHot: oneHotLabels(labels, classes.length),
    targets: targetTensor(samples),
    classes,
    classNames: classes.map((c) => CLASS_NAMES[c]),
    targetNames: TARGETS.map((t) => t.name),
    targetUnits: TARGETS.map((t) => t.unit),
    targetRanges: TARGETS.map((t) => t.range),
    encoding,
    channels: channelNames(encoding),
    dims,
    samples,
  };
}
