/**
 * TensorFlow.js (CPU backend) as an independent oracle for the convolution.
 * Our [n, x, y, z, d] is its NDHWC [batch, depth, height, width, channels] and
 * our filter [wx, wy, wz, wd, wc] its [fd, fh, fw, in, out]: the same memory
 * layout, so data passes through unchanged. Symmetric padding is tf.pad then
 * 'valid'. TensorFlow.js computes in float32, hence the tolerance.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import { backward, backwardSimd, forward, forwardSimd, loadSimdKernel, type ConvAttrs } from '../../src/nn/conv.ts';
import type { Tensor, Triple } from '../../src/tensor/index.ts';
import { randomTensor, seeded } from '../support/random.ts';
import { expectTensorClose, type Tolerance } from '../support/tolerance.ts';

const FLOAT32: Tolerance = { atol: 1e-4, rtol: 1e-4 };

beforeAll(async () => {
  tf.env().set('IS_TEST', true); // silences the banner suggesting the native Node backend
  await tf.setBackend('cpu');
  expect(await loadSimdKernel()).toBe(true);
});

/** Both fast kernels (the readable one is checked against them in conv.test.ts). */
const KERNELS = [
  { kernel: 'TypeScript', forward, backward },
  { kernel: 'WebAssembly SIMD', forward: forwardSimd, backward: backwardSimd },
] as const;

function toTf(t: Tensor): tf.Tensor {
  return tf.tensor(Array.from(t.data), [...t.shape], 'float32');
}

function fromTf(t: tf.Tensor): Tensor {
  return { shape: [...t.shape], data: Float64Array.from(t.dataSync()) };
}

/** y, dx, dw, db of y = conv3d(pad(x), w) + b, by TensorFlow.js. */
function tfConv(x: Tensor, w: Tensor, b: Tensor, dy: Tensor, { stride, padding }: ConvAttrs): Record<'y' | 'dx' | 'dw' | 'db', Tensor> {
  const results = tf.tidy(() => {
    const f = (xt: tf.Tensor, wt: tf.Tensor, bt: tf.Tensor): tf.Tensor => {
      const pads: [number, number][] = [[0, 0], [padding[0], padding[0]], [padding[1], padding[1]], [padding[2], padding[2]], [0, 0]];
      const conv = tf.conv3d(tf.pad(xt, pads) as tf.Tensor5D, wt as tf.Tensor5D, [stride[0], stride[1], stride[2]], 'valid');
      return tf.add(conv, bt);
    };
    const [xt, wt, bt, dyt] = [toTf(x), toTf(w), toTf(b), toTf(dy)];
    return [f(xt, wt, bt), ...tf.grads(f)([xt, wt, bt], dyt)];
  });
  const [y, dx, dw, db] = results.map(fromTf);
  tf.dispose(results);
  return { y: y!, dx: dx!, dw: dw!, db: db! };
}

describe.each(KERNELS)('conv ($kernel kernel) against TensorFlow.js conv3d', ({ forward, backward }) => {
  it('agrees on the forward pass and all three gradients for random shapes, strides and paddings (property)', () => {
    const axis = fc.record({ size: fc.integer({ min: 1, max: 5 }), pad: fc.integer({ min: 0, max: 2 }), stride: fc.integer({ min: 1, max: 3 }), window: fc.nat() });
    fc.assert(
      fc.property(
        fc.tuple(axis, axis, axis),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer(),
        (axes, n, depth, filters, seed) => {
          const window = axes.map((a) => 1 + (a.window % (a.size + 2 * a.pad)));
          const attrs: ConvAttrs = {
            stride: axes.map((a) => a.stride) as unknown as Triple,
            padding: axes.map((a) => a.pad) as unknown as Triple,
          };
          const rng = seeded(seed);
          const x = randomTensor([n, ...axes.map((a) => a.size), depth], rng);
          const w = randomTensor([...window, depth, filters], rng);
          const b = randomTensor([filters], rng);
          const ours = forward({ x, w, b }, attrs);
          const dy = randomTensor(ours.y.shape, rng);
          const grads = backward(dy, ours.saved);
          const theirs = tfConv(x, w, b, dy, attrs);
          expectTensorClose(ours.y, theirs.y, FLOAT32);
          expectTensorClose(grads.dx, theirs.dx, FLOAT32);
          expectTensorClose(grads.dw, theirs.dw, FLOAT32);
          expectTensorClose(grads.db, theirs.db, FLOAT32);
        },
      ),
      { numRuns: 40 },
    );
    expect(tf.memory().numTensors).toBe(0);
  });

  it('agrees on the benchmark layer: 16x16x16x4 input, eight 3x3x3 filters, same padding', () => {
    const rng = seeded(2019);
    const attrs: ConvAttrs = { stride: [1, 1, 1], padding: [1, 1, 1] };
    const x = randomTensor([1, 16, 16, 16, 4], rng);
    const w = randomTensor([3, 3, 3, 4, 8], rng, 0.1);
    const b = randomTensor([8], rng);
    const ours = forward({ x, w, b }, attrs);
    const dy = randomTensor(ours.y.shape, rng);
    const grads = backward(dy, ours.saved);
    const theirs = tfConv(x, w, b, dy, attrs);
    expectTensorClose(ours.y, theirs.y, FLOAT32);
    expectTensorClose(grads.dx, theirs.dx, FLOAT32);
    // dW and db sum over all 4096 cells: float32 rounding grows with the count
    expectTensorClose(grads.dw, theirs.dw, { atol: 1e-3, rtol: 1e-4 });
    expectTensorClose(grads.db, theirs.db, { atol: 1e-3, rtol: 1e-4 });
  });
});
