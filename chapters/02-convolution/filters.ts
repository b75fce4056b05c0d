/**
 * The filter bank W^m [wx, wy, wz, wd, wc] and bias b^m [wc] of the
 * explorer. Detector filters come first, each one a feature a geologist looks
 * for; the rest are random, drawn as the tutorial initialises weights
 * (normal, sigma 0.1, truncated at 2 sigma; §2.3).
 *
 *   vertical gradient   top minus bottom: lights up bed boundaries
 *   lateral gradient    +x side minus -x side (and +y minus -y in 3D): faults, channel margins
 *   moving average      the mean of the window: a smoothed, upscaled log
 *
 * A detector weighs every input map the same way, so with several logs it
 * adds up the same feature seen by each of them.
 */
import { ParamError } from '../../src/tensor/errors.ts';
import { truncatedNormal } from '../../src/tensor/init.ts';
import type { Triple } from '../../src/tensor/params.ts';
import { createRng } from '../../src/tensor/rng.ts';
import { tensor, type Tensor } from '../../src/tensor/tensor.ts';
import { verticalAxis, type Dims } from './inputs.ts';

export type FilterKind = 'detectors' | 'random';

export interface FilterConfig {
  readonly dims: Dims;
  /** Cells of the window along every axis the dimensionality uses. */
  readonly size: number;
  /** w_d: must equal the input depth in_d. */
  readonly depth: number;
  /** w_c: filters, one output feature map each. */
  readonly count: number;
  readonly kind: FilterKind;
  readonly seed: number;
  /** The same bias for every filter. */
  readonly bias: number;
}

export interface FilterBank {
  readonly w: Tensor;
  readonly b: Tensor;
  /** What each filter is: 'vertical gradient', 'random'. */
  readonly names: readonly string[];
}

type Detector = { readonly name: string; readonly weight: (tap: Triple, window: Triple) => number };

/** -1 at the first cell along the axis, +1 at the last, evenly between: a difference across the window. */
function ramp(t: number, n: number): number {
  if (n < 2) return 0;
  const half = (n - 1) / 2;
  return (t - half) / half;
}

const gradient = (name: string, axis: 0 | 1 | 2, sign: 1 | -1): Detector => ({
  name,
  weight: (tap, window) => sign * ramp(tap[axis], window[axis]),
});

/** The detectors available in each dimensionality, in the order the bank uses them. */
export function detectors(dims: Dims): Detector[] {
  const v = verticalAxis(dims);
  // In 1D x runs down the hole, so "top minus bottom" is first cell minus last.
  const vertical = gradient('vertical gradient', v, dims === 1 ? -1 : 1);
  const average: Detector = { name: 'moving average', weight: (_tap, window) => 1 / (window[0] * window[1] * window[2]) };
  if (dims === 1) return [vertical, average];
  if (dims === 2) return [vertical, gradient('lateral gradient', 0, 1), average];
  return [vertical, gradient('lateral gradient along x', 0, 1), gradient('lateral gradient along y', 1, 1), average];
}

/** The window [wx, wy, wz] of a filter `size` cells wide along every axis the input has. */
export function filterWindow(dims: Dims, size: number): Triple {
  return [size, dims >= 2 ? size : 1, dims === 3 ? size : 1];
}

export const MAX_FILTERS = 6;

/** The weights W^m and what each filter is; the bias apart, so that changing it leaves W^m as it is. */
export function filterWeights(config: Omit<FilterConfig, 'bias'>): Omit<FilterBank, 'b'> {
  const { dims, size, depth, count, kind, seed } = config;
  if (!Number.isInteger(count) || count < 1 || count > MAX_FILTERS) {
    throw new ParamError('filters', `the number of filters w_c must be 1 to ${MAX_FILTERS}, got ${count}`);
  }
  if (!Number.isInteger(size) || size < 1) throw new ParamError('filters', `the filter size must be a whole number of cells, got ${size}`);
  const window = filterWindow(dims, size);
  const [wx, wy, wz] = window;
  const w = tensor([wx, wy, wz, depth, count]);
  const list = kind === 'detectors' ? detectors(dims) : [];
  const rng = createRng(seed * 7919 + 17);
  const names: string[] = [];
  for (let c = 0; c < count; c++) {
    const detector = list[c];
    names.push(detector ? detector.name : 'random');
    for (let i = 0; i < wx; i++) {
      for (let j = 0; j < wy; j++) {
        for (let k = 0; k < wz; k++) {
          for (let d = 0; d < depth; d++) {
            const value = detector ? detector.weight([i, j, k], window) : truncatedNormal(rng);
            // + 0 turns a -0 from the ramp into 0, so no "−0" is ever shown.
            w.data[(((i * wy + j) * wz + k) * depth + d) * count + c] = value + 0;
          }
        }
      }
    }
  }
  return { w, names };
}

/** b^m [wc]: the same bias for every filter. */
export function biasVector(count: number, bias: number): Tensor {
  if (!Number.isFinite(bias)) throw new ParamError('filters', `the bias must be a finite number, got ${bias}`);
  return tensor([count], new Array<number>(count).fill(bias));
}

export function filterBank(config: FilterConfig): FilterBank {
  const { w, names } = filterWeights(config);
  return { w, b: biasVector(config.count, config.bias), names };
}
