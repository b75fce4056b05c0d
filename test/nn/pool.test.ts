import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import {
  POOL_KINDS,
  backward,
  forward,
  poolOutputShape,
  poolWindow,
  selectedCell,
  type Index5,
  type PoolAttrs,
  type PoolKind,
} from '../../src/nn/pool.ts';
import { offsetOf, tensor, type Tensor, type Triple } from '../../src/tensor/index.ts';
import { dot, expectGradientMatches } from '../support/finite-difference.ts';
import { randomTensor, seeded } from '../support/random.ts';
import { expectClose, expectTensorClose, type Tolerance } from '../support/tolerance.ts';
import { expectedTensor, fromJson, loadCases } from '../support/conformance-cases.ts';
import { refusal } from '../support/refusal.ts';

const attrs = (kind: PoolKind, window: Triple, stride: Triple): PoolAttrs => ({ kind, window, stride });

describe('pool forward (eq. 6)', () => {
  const x = tensor([1, 4, 1, 1, 1], [1, 3, 2, 5]);

  it.each([
    ['max', [3, 5]],
    ['min', [1, 2]],
    ['avg', [2, 3.5]],
    ['l2', [Math.sqrt(10), Math.sqrt(29)]],
  ] as [PoolKind, number[]][])('%s-pools a 1D signal with window 2, stride 2', (kind, expected) => {
    const { y } = forward({ x }, attrs(kind, [2, 1, 1], [2, 1, 1]));
    expect(y.shape).toEqual([1, 2, 1, 1, 1]);
    expectClose(y.data, expected);
  });

  it('pools each feature map on its own', () => {
    // 2 x 2 layer with two maps: map 0 holds 1..4, map 1 holds -1..-4
    const two = tensor([1, 2, 2, 1, 2], [1, -1, 2, -2, 3, -3, 4, -4]);
    expect([...forward({ x: two }, attrs('max', [2, 2, 1], [1, 1, 1])).y.data]).toEqual([4, -1]);
    expect([...forward({ x: two }, attrs('min', [2, 2, 1], [1, 1, 1])).y.data]).toEqual([1, -4]);
  });

  it("pools the paper's (2, 2, 2) window of a 3D layer to a single value", () => {
    const cube = tensor([1, 2, 2, 2, 1], [8, 1, 2, 7, 3, 6, 4, 5]);
    expect([...forward({ x: cube }, attrs('max', [2, 2, 2], [2, 2, 2])).y.data]).toEqual([8]);
    expect([...forward({ x: cube }, attrs('avg', [2, 2, 2], [2, 2, 2])).y.data]).toEqual([4.5]);
  });

  it('drops the last positions when the stride does not divide evenly (eq. 2 floor)', () => {
    const five = tensor([1, 5, 1, 1, 1], [1, 2, 3, 4, 99]);
    const { y } = forward({ x: five }, attrs('max', [2, 1, 1], [2, 1, 1]));
    expect([...y.data]).toEqual([2, 4]);
  });

  it('has the eq. 2 shape and orders min <= avg <= max <= l2 for non-negative input (property)', () => {
    fc.assert(
      fc.property(poolCase(), fc.integer(), ({ shape, window, stride }, seed) => {
        const x = randomTensor(shape, seeded(seed));
        x.data.forEach((v, i) => (x.data[i] = Math.abs(v)));
        const ys = Object.fromEntries(POOL_KINDS.map((k) => [k, forward({ x }, attrs(k, window, stride)).y]));
        const expectedShape = [shape[0], ...[0, 1, 2].map((i) => Math.floor((shape[i + 1]! - window[i]!) / stride[i]!) + 1), shape[4]];
        expect(ys.max!.shape).toEqual(expectedShape);
        expect(poolOutputShape(shape, attrs('avg', window, stride))).toEqual(expectedShape);
        ys.max!.data.forEach((m, o) => {
          expect(ys.min!.data[o]).toBeLessThanOrEqual(ys.avg!.data[o]! + 1e-12);
          expect(ys.avg!.data[o]).toBeLessThanOrEqual(m + 1e-12);
          expect(m).toBeLessThanOrEqual(ys.l2!.data[o]! + 1e-12);
        });
      }),
    );
  });
});

describe('pool backward', () => {
  it('routes max and min gradients to the selected cell and adds them up for overlapping windows', () => {
    const x = tensor([1, 4, 1, 1, 1], [1, 3, 2, 5]);
    const dy = tensor([1, 3, 1, 1, 1], [1, 10, 100]);
    const max = forward({ x }, attrs('max', [2, 1, 1], [1, 1, 1]));
    expect([...max.y.data]).toEqual([3, 3, 5]);
    expect([...backward(dy, max.saved).dx.data]).toEqual([0, 11, 0, 100]);
    const min = forward({ x }, attrs('min', [2, 1, 1], [1, 1, 1]));
    expect([...backward(dy, min.saved).dx.data]).toEqual([1, 0, 110, 0]);
  });

  it('sends the first of tied maxima the whole gradient', () => {
    const { saved } = forward({ x: tensor([1, 3, 1, 1, 1], [7, 7, 7]) }, attrs('max', [3, 1, 1], [1, 1, 1]));
    expect([...backward(tensor([1, 1, 1, 1, 1], [2]), saved).dx.data]).toEqual([2, 0, 0]);
  });

  it('spreads avg gradients evenly and keeps their total (property)', () => {
    fc.assert(
      fc.property(poolCase(), fc.integer(), ({ shape, window, stride }, seed) => {
        const rng = seeded(seed);
        const { y, saved } = forward({ x: randomTensor(shape, rng) }, attrs('avg', window, stride));
        const dy = randomTensor(y.shape, rng);
        const total = (t: Tensor): number => t.data.reduce((a, v) => a + v, 0);
        expect(total(backward(dy, saved).dx)).toBeCloseTo(total(dy), 10);
      }),
    );
  });

  it('gives a zero L2 gradient, not NaN, for a window of zeros', () => {
    const x = tensor([1, 4, 1, 1, 1], [0, 0, 3, 4]);
    const { y, saved } = forward({ x }, attrs('l2', [2, 1, 1], [2, 1, 1]));
    expect([...y.data]).toEqual([0, 5]);
    expectClose(backward(tensor([1, 2, 1, 1, 1], [1, 1]), saved).dx.data, [0, 0, 0.6, 0.8]);
  });

  const layers = [
    ['1D', [2, 7, 1, 1, 2], [3, 1, 1], [2, 1, 1]],
    ['2D', [1, 5, 4, 1, 2], [2, 2, 1], [1, 2, 1]],
    ['3D', [2, 3, 4, 3, 1], [2, 2, 2], [1, 2, 1]],
  ] as const;
  for (const kind of POOL_KINDS) {
    it.each(layers)(`${kind}: dx matches finite differences on a %s layer %j, window %j, stride %j`, (_label, shape, window, stride) => {
      const rng = seeded(31);
      const x = randomTensor([...shape], rng);
      const a = attrs(kind, window, stride);
      const { y, saved } = forward({ x }, a);
      const dy = randomTensor(y.shape, rng);
      expectGradientMatches(x, backward(dy, saved).dx, () => dot(dy, forward({ x }, a).y));
    });
  }
});

describe('pool windows for the chapter', () => {
  const x = randomTensor([2, 5, 4, 3, 2], seeded(12));
  const a = attrs('max', [2, 3, 2], [2, 1, 1]);

  it('lists the input cells of one output cell in window order', () => {
    const w = poolWindow(x.shape, a, [1, 1, 0, 1, 1]);
    expect(w.cells).toHaveLength(12);
    expect(w.cells[0]).toEqual([1, 2, 0, 1, 1]);
    expect(w.cells[1]).toEqual([1, 2, 0, 2, 1]);
    expect(w.cells[11]).toEqual([1, 3, 2, 2, 1]);
    w.cells.forEach((cell, k) => expect(w.offsets[k]).toBe(offsetOf(x.shape, cell)));
  });

  it('names the selected cell, which holds the pooled value and lies in the window (property)', () => {
    const max = forward({ x }, a);
    const min = forward({ x }, { ...a, kind: 'min' });
    const [n, ox, oy, oz, d] = max.y.shape as Index5;
    for (let o = 0; o < n * ox * oy * oz * d; o++) {
      const out = [Math.floor(o / (ox * oy * oz * d)), Math.floor(o / (oy * oz * d)) % ox, Math.floor(o / (oz * d)) % oy, Math.floor(o / d) % oz, o % d] as Index5;
      const window = poolWindow(x.shape, a, out);
      for (const [r, saved] of [[max, max.saved], [min, min.saved]] as const) {
        const cell = selectedCell(saved, out)!;
        expect(window.cells).toContainEqual(cell);
        expect(x.data[offsetOf(x.shape, cell)]).toBe(r.y.data[o]);
      }
    }
    expect(selectedCell(forward({ x }, { ...a, kind: 'avg' }).saved, [0, 0, 0, 0, 0])).toBeNull();
  });
});

/** Random valid pooling configurations on small 1D/2D/3D layers. */
function poolCase(): fc.Arbitrary<{ shape: number[]; window: Triple; stride: Triple }> {
  return fc
    .tuple(fc.integer({ min: 1, max: 2 }), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 3, maxLength: 3 }), fc.integer({ min: 1, max: 3 }))
    .chain(([n, spatial, d]) =>
      fc.record({
        shape: fc.constant([n, ...spatial, d]),
        window: fc.tuple(...spatial.map((s) => fc.integer({ min: 1, max: s }))) as fc.Arbitrary<[number, number, number]>,
        stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
      }),
    );
}

describe('pool agrees with TensorFlow.js (maxPool3d / avgPool3d, NDHWC, float32)', () => {
  const F32: Tolerance = { atol: 1e-5, rtol: 1e-4 };

  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  function float32Tensor(shape: number[], seed: number): Tensor {
    const t = randomTensor(shape, seeded(seed));
    t.data.forEach((v, i) => (t.data[i] = Math.fround(v)));
    return t;
  }

  /** Our output (and dx unless told not to) against TensorFlow.js's for one configuration. */
  function compareWithTf(kind: 'max' | 'avg', shape: number[], window: Triple, stride: Triple, seed: number, withGradient = true): void {
    const x = float32Tensor(shape, seed);
    const { y, saved } = forward({ x }, attrs(kind, window, stride));
    const dy = float32Tensor([...y.shape], seed + 1);
    const size = [...window] as [number, number, number];
    const step = [...stride] as [number, number, number];
    const pool = (input: tf.Tensor5D): tf.Tensor5D =>
      kind === 'max' ? tf.maxPool3d(input, size, step, 'valid') : tf.avgPool3d(input, size, step, 'valid');
    const [tfY, tfDx] = tf.tidy(() => {
      const input = tf.tensor5d(Array.from(x.data), shape as [number, number, number, number, number]);
      const upstream = tf.tensor(Array.from(dy.data), [...y.shape]);
      const gradient = tf.grad((v: tf.Tensor) => pool(v as tf.Tensor5D).mul(upstream).sum())(input);
      return [pool(input).dataSync(), gradient.dataSync()];
    });
    expectClose(y.data, tfY, F32);
    if (withGradient) expectClose(backward(dy, saved).dx.data, tfDx, F32);
  }

  it('avg pooling: forward and gradient on random shapes', () => {
    fc.assert(
      fc.property(poolCase(), fc.integer(), ({ shape, window, stride }, seed) => compareWithTf('avg', shape, window, stride, seed)),
      { numRuns: 40 },
    );
  });

  // tfjs-backend-cpu 4.22 maxPool3dPositions encodes the winning cell as
  // wDepth*H*W + wRow*H + wCol (H where W belongs), so tf's max-pool gradient
  // lands on the wrong cell whenever the window's y and z sizes differ (its
  // forward is right). We compare with tf on windows [wx, w, w] only; the
  // finite-difference checks and the conformance cases above cover the rest.
  it('max pooling: forward on random shapes, gradient on windows with wy = wz', () => {
    fc.assert(
      fc.property(poolCase(), fc.integer(), ({ shape, window, stride }, seed) => {
        compareWithTf('max', shape, window, stride, seed, false);
        const w = Math.min(window[1], window[2]);
        compareWithTf('max', shape, [window[0], w, w], stride, seed);
      }),
      { numRuns: 40 },
    );
  });
});

describe('pool conformance cases', () => {
  for (const c of loadCases('pool.json', 'pool')) {
    it(c.name, () => {
      const { y, saved } = forward({ x: fromJson(c.inputs.x!) }, c.params as unknown as PoolAttrs);
      expectTensorClose(y, expectedTensor(c, 'y'), c.tolerance);
      expectTensorClose(backward(fromJson(c.inputs.dy!), saved).dx, expectedTensor(c, 'dx'), c.tolerance);
    });
  }
  for (const c of loadCases('errors.json', 'pool')) {
    it(`${c.name} is refused as a ${c.expected.error} error`, () => {
      expect(refusal(() => forward({ x: fromJson(c.inputs.x!) }, c.params as unknown as PoolAttrs)).category).toBe(c.expected.error);
    });
  }
});

describe('pool refusals', () => {
  const x = tensor([1, 4, 4, 1, 2]);
  const good = attrs('max', [2, 2, 1], [2, 2, 1]);

  it('refuses an unknown kind', () => {
    const e = refusal(() => forward({ x }, { ...good, kind: 'median' as PoolKind }));
    expect(e.category).toBe('param');
    expect(e.message).toBe('pool: unknown pool kind "median"; expected one of max, avg, min, l2');
  });

  it('refuses a window larger than the input', () => {
    const e = refusal(() => forward({ x }, { ...good, window: [2, 5, 1] }));
    expect(e.category).toBe('shape');
    expect(e.message).toBe('pool: the 5-wide window along y is larger than the input 4 (x [1, 4, 4, 1, 2], window [2, 5, 1])');
  });

  it('refuses a zero stride, a fractional window and a window that is not a triple', () => {
    expect(refusal(() => forward({ x }, { ...good, stride: [2, 0, 1] })).message).toBe('pool: stride along y must be at least 1, got 0');
    const e = refusal(() => forward({ x }, { ...good, window: [1.5, 2, 1] }));
    expect(e.category).toBe('param');
    expect(e.message).toBe('pool: window along x must be an integer, got 1.5');
    expect(refusal(() => forward({ x }, { ...good, window: [2, 2] as unknown as Triple })).message).toBe(
      'pool: window must be three integers [x, y, z], got [2,2]',
    );
  });

  it('refuses an input that is not a hidden layer, non-finite values and a mismatched data length', () => {
    expect(refusal(() => forward({ x: tensor([4, 4, 2]) }, good)).message).toBe('pool: x must have rank 5 [n, x, y, z, d], got [4, 4, 2]');
    const nan = tensor([1, 2, 2, 1, 1], [0, 1, Number.NaN, 2]);
    expect(refusal(() => forward({ x: nan }, good)).message).toBe('pool: x holds a non-finite value (NaN) at flat index 2 of [1, 2, 2, 1, 1]');
    const short = { shape: [1, 4, 4, 1, 2], data: new Float64Array(30) } as Tensor;
    expect(refusal(() => forward({ x: short }, good)).message).toBe('pool: x data of length 30 does not match its shape [1, 4, 4, 1, 2] (32 values)');
  });

  it('refuses an upstream gradient of another shape', () => {
    const { saved } = forward({ x }, good);
    expect(refusal(() => backward(tensor([1, 2, 2, 1, 1]), saved)).message).toBe('pool: dy must have shape [1, 2, 2, 1, 2], got [1, 2, 2, 1, 1]');
  });

  it('refuses output cells outside the pooled layer', () => {
    expect(refusal(() => poolWindow(x.shape, good, [0, 2, 0, 0, 0])).message).toBe(
      'pool: output cell [0,2,0,0,0] lies outside the pooled layer [1, 2, 2, 1, 2]',
    );
    const { saved } = forward({ x }, good);
    expect(refusal(() => selectedCell(saved, [0, 0, 0, 0, 2])).category).toBe('shape');
    expect(refusal(() => poolWindow([4, 4], good, [0, 0, 0, 0, 0])).message).toBe(
      'pool: x shape must be five non-negative integers [n, x, y, z, d], got [4,4]',
    );
  });
});
