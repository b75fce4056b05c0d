/**
 * A convolution layer as the benchmarks run it: the same random inputs for
 * our op and for TensorFlow.js (as float32), and the multiply-add count
 * n * ox * oy * oz * c * (wx * wy * wz * d) of one pass (padding taps
 * included, as frameworks count them).
 */
import type * as TF from '@tensorflow/tfjs';
import { type ConvAttrs } from '../../../src/nn/conv.ts';
import { convGeometry } from '../../../src/nn/conv-geometry.ts';
import { sizeOf, type Tensor, type Triple } from '../../../src/tensor/index.ts';
import { randomTensor, seeded } from '../../support/random.ts';

export interface ConvLayerConfig {
  batch: number;
  size: Triple;
  depth: number;
  window: Triple;
  filters: number;
  stride: Triple;
  padding: Triple;
}

/** Batch 8, 16x16x16 input with 4 feature maps, eight 3x3x3 filters, same padding. */
export const SMALL_3D_LAYER: ConvLayerConfig = {
  batch: 8,
  size: [16, 16, 16],
  depth: 4,
  window: [3, 3, 3],
  filters: 8,
  stride: [1, 1, 1],
  padding: [1, 1, 1],
};

/** The larger layer: batch 4, 32x32x32 input with 8 feature maps, sixteen 3x3x3 filters, same padding. */
export const LARGE_3D_LAYER: ConvLayerConfig = {
  batch: 4,
  size: [32, 32, 32],
  depth: 8,
  window: [3, 3, 3],
  filters: 16,
  stride: [1, 1, 1],
  padding: [1, 1, 1],
};

export function describeLayer(c: ConvLayerConfig): string {
  const same = c.stride.every((s) => s === 1) && c.padding.every((p, a) => 2 * p === c.window[a]! - 1);
  return (
    `batch ${c.batch}, ${c.size.join('x')}x${c.depth} input, ${c.filters} filters of ${c.window.join('x')}, ` +
    (same ? 'same padding' : `stride ${c.stride.join('x')}, padding ${c.padding.join('x')}`)
  );
}

export interface ConvLayerData {
  x: Tensor;
  w: Tensor;
  b: Tensor;
  /** An upstream gradient of the output's shape. */
  dy: Tensor;
  attrs: ConvAttrs;
  /** Multiply-adds of one forward pass (each backward product has as many). */
  macs: number;
}

export function convLayerData(c: ConvLayerConfig, seed = 2019): ConvLayerData {
  const rng = seeded(seed);
  const attrs: ConvAttrs = { stride: c.stride, padding: c.padding };
  const g = convGeometry([c.batch, ...c.size, c.depth], [...c.window, c.depth, c.filters], attrs);
  const macs = sizeOf(g.yShape) * c.window[0] * c.window[1] * c.window[2] * c.depth;
  return {
    x: randomTensor(g.xShape, rng),
    w: randomTensor(g.wShape, rng, 0.1),
    b: randomTensor([c.filters], rng),
    dy: randomTensor(g.yShape, rng),
    attrs,
    macs,
  };
}

export function toTf(tf: typeof TF, t: Tensor): TF.Tensor {
  return tf.tensor(Float32Array.from(t.data), [...t.shape], 'float32');
}

/**
 * y = conv3d(x, w) + b in TensorFlow.js (NDHWC, filters [fd, fh, fw, in, out]:
 * the same memory layout as ours). Uses its own 'same' padding when the
 * layer's padding is exactly that, otherwise pads explicitly.
 */
export function tfConvLayer(tf: typeof TF, c: ConvLayerConfig): (x: TF.Tensor, w: TF.Tensor, b: TF.Tensor) => TF.Tensor {
  const same = c.stride.every((s) => s === 1) && c.padding.every((p, a) => 2 * p === c.window[a]! - 1);
  const pads: [number, number][] = [[0, 0], ...c.padding.map((p): [number, number] => [p, p]), [0, 0]];
  return (x, w, b) => {
    const input = (same ? x : tf.pad(x, pads)) as TF.Tensor5D;
    return tf.add(tf.conv3d(input, w as TF.Tensor5D, [...c.stride], same ? 'same' : 'valid'), b);
  };
}
