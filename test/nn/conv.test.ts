import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  backward,
  backwardReference,
  backwardSimd,
  forward,
  forwardReference,
  forwardSimd,
  kernelInUse,
  loadSimdKernel,
  preferSimdKernel,
  useKernel,
  type ConvAttrs,
  type ConvInputs,
} from '../../src/nn/conv.ts';
import { tensor, type Tensor, type Triple } from '../../src/tensor/index.ts';
import { dot, expectGradientMatches } from '../support/finite-difference.ts';
import { randomTensor, seeded } from '../support/random.ts';
import { expectClose, expectTensorClose } from '../support/tolerance.ts';
import { expectedTensor, fromJson, loadCases } from '../support/conformance-cases.ts';
import { refusal } from '../support/refusal.ts';

const attrs = (stride: Triple, padding: Triple): ConvAttrs => ({ stride, padding });
const VALID = attrs([1, 1, 1], [0, 0, 0]);

/** Every kernel: every behaviour below must hold for the fast TypeScript one, its WebAssembly SIMD twin and the readable one. */
const KERNELS = [
  { kernel: 'fast', forward, backward },
  { kernel: 'wasm-simd', forward: forwardSimd, backward: backwardSimd },
  { kernel: 'reference', forward: forwardReference, backward: backwardReference },
] as const;

beforeAll(async () => {
  // Node 20 runs WebAssembly SIMD: the SIMD kernel must load here, never silently fall back.
  expect(await loadSimdKernel()).toBe(true);
});

function randomInputs(xShape: number[], wShape: number[], seed: number): ConvInputs {
  const rng = seeded(seed);
  return { x: randomTensor(xShape, rng), w: randomTensor(wShape, rng), b: randomTensor([wShape[4]!], rng) };
}

/** x [1, 5, 5, 1, 1] holding 1..25 row by row. */
const ramp5x5 = (): Tensor => tensor([1, 5, 5, 1, 1], Array.from({ length: 25 }, (_, i) => i + 1));

describe.each(KERNELS)('conv forward (eq. 1), $kernel kernel', ({ forward: run }) => {
  it("reproduces the tutorial's Figure 3: three 3x3x1x1 filters, then two filters over the three maps, down to 1x1 with 2 maps", () => {
    // filter 0 picks the centre, filter 1 sums the window, filter 2 is a diagonal difference
    const w1 = tensor([3, 3, 1, 1, 3]);
    const tap = (i: number, j: number, c: number, v: number): void => void (w1.data[(i * 3 + j) * 3 + c] = v);
    tap(1, 1, 0, 1);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) tap(i, j, 1, 1);
    tap(0, 0, 2, 1);
    tap(2, 2, 2, -1);
    const h1 = run({ x: ramp5x5(), w: w1, b: tensor([3], [0, 1, -2]) }, VALID).y;
    expect(h1.shape).toEqual([1, 3, 3, 1, 3]);
    const centre = [7, 8, 9, 12, 13, 14, 17, 18, 19];
    // the window of a ramp sums to 9 x its centre; x[i][j] - x[i+2][j+2] = -12 everywhere
    expectClose(h1.data, centre.flatMap((v) => [v, 9 * v + 1, -12 - 2]));

    // second layer: filter 0 sums all of H1, filter 1 reads map 0 at the centre
    const w2 = tensor([3, 3, 1, 3, 2]);
    for (let t = 0; t < 27; t++) w2.data[t * 2] = 1;
    w2.data[(4 * 3 + 0) * 2 + 1] = 1;
    const h2 = run({ x: h1, w: w2, b: tensor([2], [0.5, 0]) }, VALID).y;
    expect(h2.shape).toEqual([1, 1, 1, 1, 2]);
    expectClose(h2.data, [117 + (9 * 117 + 9) - 14 * 9 + 0.5, 13]);
  });

  it('slides the filter without flipping it (cross-correlation) in 1D', () => {
    const x = tensor([1, 5, 1, 1, 1], [1, 2, 3, 4, 5]);
    const w = tensor([3, 1, 1, 1, 1], [1, 0, -1]);
    // a flipped filter (true convolution) would give +2
    expectClose(run({ x, w, b: tensor([1], [0]) }, VALID).y.data, [-2, -2, -2]);
  });

  it('pads with zeros symmetrically and steps by the stride in 1D', () => {
    const x = tensor([1, 5, 1, 1, 1], [1, 2, 3, 4, 5]);
    const w = tensor([3, 1, 1, 1, 1], [1, 1, 1]);
    // padded [0 1 2 3 4 5 0], windows at 0, 2, 4
    const { y } = run({ x, w, b: tensor([1], [0]) }, attrs([2, 1, 1], [1, 0, 0]));
    expect(y.shape).toEqual([1, 3, 1, 1, 1]);
    expectClose(y.data, [3, 9, 9]);
  });

  it('never reads the positions a stride drops', () => {
    const x = tensor([1, 6, 1, 1, 1], [1, 2, 3, 4, 5, 6]);
    const w = tensor([3, 1, 1, 1, 1], [1, 1, 1]);
    const before = run({ x, w, b: tensor([1], [0]) }, attrs([2, 1, 1], [0, 0, 0])).y;
    expectClose(before.data, [6, 12]);
    x.data[5] = 1000;
    expectClose(run({ x, w, b: tensor([1], [0]) }, attrs([2, 1, 1], [0, 0, 0])).y.data, before.data);
  });

  it('sums over the input depth in 2D', () => {
    const x = tensor([1, 2, 2, 1, 2], [1, 2, 3, 4, 5, 6, 7, 8]);
    const w = tensor([2, 2, 1, 2, 1], [1, 10, 1, 10, 1, 10, 1, 10]);
    expectClose(run({ x, w, b: tensor([1], [0]) }, VALID).y.data, [1 + 3 + 5 + 7 + 10 * (2 + 4 + 6 + 8)]);
  });

  it('counts the cells a 3x3x3 window covers inside a zero-padded 3D cube', () => {
    const ones = (shape: number[]): Tensor => tensor(shape, new Array(shape.reduce((a, s) => a * s, 1)).fill(1));
    const { y } = run({ x: ones([1, 3, 3, 3, 1]), w: ones([3, 3, 3, 1, 1]), b: tensor([1], [0]) }, attrs([1, 1, 1], [1, 1, 1]));
    expect(y.shape).toEqual([1, 3, 3, 3, 1]);
    // corner 2*2*2 = 8, edge 12, face 18, centre 27
    const covered = (o: number): number => (o === 1 ? 3 : 2);
    const expected: number[] = [];
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) for (let c = 0; c < 3; c++) expected.push(covered(a) * covered(b) * covered(c));
    expectClose(y.data, expected);
  });

  it('adds one bias per filter to every cell of its feature map', () => {
    const inputs = randomInputs([2, 4, 3, 2, 2], [2, 2, 2, 2, 3], 5);
    const shifted = { ...inputs, b: tensor([3], inputs.b.data.map((v, c) => v + c + 1)) };
    const y0 = run(inputs, VALID).y.data;
    const y1 = run(shifted, VALID).y.data;
    expectClose(y1.map((v, i) => v - y0[i]!), y0.map((_, i) => (i % 3) + 1));
  });
});

describe.each(KERNELS)('conv backward, $kernel kernel', ({ forward: run, backward: back }) => {
  it.each([
    ['1D, strided and padded', [2, 7, 1, 1, 2], [3, 1, 1, 2, 3], [2, 1, 1], [1, 0, 0]],
    ['2D, padded, several filters', [1, 5, 4, 1, 3], [3, 2, 1, 3, 2], [1, 1, 1], [1, 1, 0]],
    ['3D, strided and padded', [2, 4, 5, 3, 2], [2, 3, 2, 2, 3], [2, 1, 2], [1, 1, 0]],
    ['3D, window wider than the input', [1, 2, 2, 2, 1], [3, 3, 3, 1, 2], [1, 1, 1], [1, 1, 1]],
    ['2D, stride dropping positions', [1, 6, 5, 1, 1], [2, 2, 1, 1, 1], [3, 2, 1], [0, 0, 0]],
  ] as [string, number[], number[], Triple, Triple][])(
    'matches finite differences for dx, dw, db (%s)',
    (_label, xShape, wShape, stride, padding) => {
      const inputs = randomInputs(xShape, wShape, xShape.length * 31 + wShape[4]!);
      const a = attrs(stride, padding);
      const { y, saved } = run(inputs, a);
      const dy = randomTensor(y.shape, seeded(77));
      const grads = back(dy, saved);
      expect(grads.dx.shape).toEqual(xShape);
      expect(grads.dw.shape).toEqual(wShape);
      expect(grads.db.shape).toEqual([wShape[4]]);
      const objective = (): number => dot(dy, run(inputs, a).y);
      expectGradientMatches(inputs.x, grads.dx, objective);
      expectGradientMatches(inputs.w, grads.dw, objective);
      expectGradientMatches(inputs.b, grads.db, objective);
    },
  );
});

describe('fast, SIMD and reference kernels', () => {
  const axis = fc.record({ size: fc.integer({ min: 1, max: 6 }), pad: fc.integer({ min: 0, max: 2 }), stride: fc.integer({ min: 1, max: 3 }), window: fc.nat() });

  it('compute the same output and gradients on random shapes, strides and paddings (property)', () => {
    fc.assert(
      fc.property(
        fc.tuple(axis, axis, axis),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer(),
        (axes, n, depth, filters, seed) => {
          const window = axes.map((a) => 1 + (a.window % (a.size + 2 * a.pad)));
          const inputs = randomInputs([n, ...axes.map((a) => a.size), depth], [...window, depth, filters], seed);
          const a = attrs(axes.map((q) => q.stride) as unknown as Triple, axes.map((q) => q.pad) as unknown as Triple);
          const fast = forward(inputs, a);
          const simd = forwardSimd(inputs, a);
          const slow = forwardReference(inputs, a);
          expectTensorClose(fast.y, slow.y);
          // the SIMD kernel adds in the same order as the TypeScript one: the same bits
          expect(simd.y).toEqual(fast.y);
          const dy = randomTensor(fast.y.shape, seeded(seed ^ 0x5bd1));
          const gFast = backward(dy, fast.saved);
          const gSimd = backwardSimd(dy, simd.saved);
          const gSlow = backwardReference(dy, slow.saved);
          for (const key of ['dx', 'dw', 'db'] as const) {
            expectTensorClose(gFast[key], gSlow[key]);
            expect(gSimd[key]).toEqual(gFast[key]);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("accept each other's saved state", () => {
    const inputs = randomInputs([1, 4, 4, 2, 2], [3, 3, 2, 2, 3], 9);
    const a = attrs([1, 1, 1], [1, 0, 1]);
    const dy = randomTensor([1, 4, 2, 3, 3], seeded(10));
    const fromFast = backwardReference(dy, forward(inputs, a).saved);
    const fromReference = backward(dy, forwardReference(inputs, a).saved);
    const simdFromReference = backwardSimd(dy, forwardReference(inputs, a).saved);
    for (const key of ['dx', 'dw', 'db'] as const) {
      expectTensorClose(fromFast[key], fromReference[key]);
      expect(simdFromReference[key]).toEqual(fromReference[key]);
    }
  });

  it('put the SIMD kernel behind forward and backward on request, and the TypeScript one back', () => {
    const inputs = randomInputs([2, 5, 4, 3, 2], [3, 3, 3, 2, 5], 12);
    const a = attrs([1, 2, 1], [1, 1, 1]);
    expect(kernelInUse()).toBe('typescript');
    const before = forward(inputs, a).y;
    try {
      useKernel('wasm-simd');
      expect(kernelInUse()).toBe('wasm-simd');
      const during = forward(inputs, a);
      expect(during.y).toEqual(before);
      expect(backward(randomTensor(during.y.shape, seeded(3)), during.saved).dw.shape).toEqual([3, 3, 3, 2, 5]);
    } finally {
      useKernel('typescript');
    }
    expect(kernelInUse()).toBe('typescript');
  });

  it('prefer the SIMD kernel where the engine runs it (Node 20 does)', async () => {
    try {
      expect(await preferSimdKernel()).toBe('wasm-simd');
      expect(kernelInUse()).toBe('wasm-simd');
    } finally {
      useKernel('typescript');
    }
  });

  it('works on layers larger than the SIMD module memory held before (it grows)', () => {
    const inputs = randomInputs([2, 12, 12, 12, 4], [3, 3, 3, 4, 6], 21);
    const a = attrs([1, 1, 1], [1, 1, 1]);
    const fast = forward(inputs, a);
    const simd = forwardSimd(inputs, a);
    expect(simd.y).toEqual(fast.y);
    const dy = randomTensor(fast.y.shape, seeded(22));
    const gFast = backward(dy, fast.saved);
    const gSimd = backwardSimd(dy, simd.saved);
    for (const key of ['dx', 'dw', 'db'] as const) expect(gSimd[key]).toEqual(gFast[key]);
  });
});

describe('SIMD kernel build', () => {
  it('was compiled from the AssemblyScript source as it is now (else run npm run build:wasm)', async () => {
    const { createHash } = await import('node:crypto');
    const source = readFileSync(new URL('../../src/nn/kernels/wasm/conv-simd.ts', import.meta.url));
    const { CONV_SIMD_SOURCE_SHA256 } = await import('../../src/nn/kernels/wasm/build/conv-simd-binary.ts');
    expect(CONV_SIMD_SOURCE_SHA256).toBe(createHash('sha256').update(source).digest('hex'));
  });
});

describe('reference kernel source', () => {
  const source = readFileSync(new URL('../../src/nn/kernels/conv-reference.ts', import.meta.url), 'utf8').split('\n');

  it.each([
    ['W', 'w['],
    ['H', 'x['],
    ['b', 'b['],
  ])('marks exactly one line as the term %s of eq. 1, the line that reads it', (term, read) => {
    const marked = source.filter((line) => line.trimEnd().endsWith(`// term: ${term}`));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toContain(read);
  });
});

describe('conv conformance cases', () => {
  for (const c of loadCases('conv.json', 'conv')) {
    describe.each(KERNELS)(c.name, ({ kernel, forward: run, backward: back }) => {
      it(`matches the reference values (${kernel} kernel)`, () => {
        const inputs = { x: fromJson(c.inputs.x!), w: fromJson(c.inputs.w!), b: fromJson(c.inputs.b!) };
        const { y, saved } = run(inputs, c.params as unknown as ConvAttrs);
        expectTensorClose(y, expectedTensor(c, 'y'), c.tolerance);
        if (c.inputs.dy === undefined) return;
        const grads = back(fromJson(c.inputs.dy), saved);
        for (const key of ['dx', 'dw', 'db'] as const) expectTensorClose(grads[key], expectedTensor(c, key), c.tolerance);
      });
    });
  }
  for (const c of loadCases('errors.json', 'conv')) {
    it.each(KERNELS)(`${c.name} is refused as a ${c.expected.error} error ($kernel kernel)`, ({ forward: run }) => {
      const inputs = { x: fromJson(c.inputs.x!), w: fromJson(c.inputs.w!), b: fromJson(c.inputs.b!) };
      expect(refusal(() => run(inputs, c.params as unknown as ConvAttrs)).category).toBe(c.expected.error);
    });
  }
});

describe.each(KERNELS)('conv refusals, $kernel kernel', ({ forward: run, backward: back }) => {
  const good = randomInputs([1, 4, 4, 1, 2], [3, 3, 1, 2, 2], 3);

  it('refuses a filter depth that differs from the input depth', () => {
    const e = refusal(() => run({ ...good, w: tensor([3, 3, 1, 3, 2]) }, VALID));
    expect(e.category).toBe('shape');
    expect(e.message).toBe('conv: input depth 2 does not match filter depth wd = 3 (x [1, 4, 4, 1, 2], w [3, 3, 1, 3, 2])');
  });

  it('refuses a filter larger than the padded input', () => {
    const e = refusal(() => run({ ...good, w: tensor([5, 5, 1, 2, 2]) }, VALID));
    expect(e.category).toBe('shape');
    expect(e.message).toMatch(/^conv: the 5-wide window along x is larger than the padded input 4 \+ 2\*0 = 4/);
  });

  it.each([
    [attrs([0, 1, 1], [0, 0, 0]), 'conv: stride along x must be at least 1, got 0'],
    [attrs([1, 1, 2.5], [0, 0, 0]), 'conv: stride along z must be an integer, got 2.5'],
    [attrs([1, 1, 1], [0, -1, 0]), 'conv: padding along y cannot be negative, got -1'],
  ])('refuses the parameters %o', (bad, message) => {
    const e = refusal(() => run(good, bad));
    expect(e.category).toBe('param');
    expect(e.message).toBe(message);
  });

  it('refuses inputs and filters of another rank', () => {
    expect(refusal(() => run({ ...good, x: tensor([4, 4, 2]) }, VALID)).message).toBe('conv: x must have rank 5 [n, x, y, z, d], got [4, 4, 2]');
    expect(refusal(() => run({ ...good, w: tensor([3, 3, 2, 2]) }, VALID)).message).toBe(
      'conv: w must have rank 5 [wx, wy, wz, wd, wc], got [3, 3, 2, 2]',
    );
  });

  it('refuses a bias that does not hold one value per filter', () => {
    expect(refusal(() => run({ ...good, b: tensor([3]) }, VALID)).message).toBe(
      'conv: bias b [3] does not match the wc = 2 filters of w [3, 3, 1, 2, 2]',
    );
    expect(refusal(() => run({ ...good, b: tensor([1, 2]) }, VALID)).message).toBe('conv: b must have rank 1 [c], got [1, 2]');
  });

  it('refuses data whose length does not match the shape', () => {
    const short = { shape: [1, 4, 4, 1, 2], data: new Float64Array(31) } as Tensor;
    expect(refusal(() => run({ ...good, x: short }, VALID)).message).toBe(
      'conv: x data of length 31 does not match its shape [1, 4, 4, 1, 2] (32 values)',
    );
  });

  it.each(['x', 'w', 'b'] as const)('refuses a non-finite value in %s', (name) => {
    const bad = { ...good, [name]: tensor(good[name].shape, good[name].data.slice()) };
    bad[name].data[1] = Number.POSITIVE_INFINITY;
    const e = refusal(() => run(bad, VALID));
    expect(e.message).toBe(`conv: ${name} holds a non-finite value (Infinity) at flat index 1 of [${good[name].shape.join(', ')}]`);
  });

  it('refuses an upstream gradient that is not of the output shape, or not finite', () => {
    const { saved } = run(good, VALID);
    expect(refusal(() => back(tensor([1, 2, 2, 1, 1]), saved)).message).toBe('conv: dy must have shape [1, 2, 2, 1, 2], got [1, 2, 2, 1, 1]');
    const dy = tensor([1, 2, 2, 1, 2]);
    dy.data[3] = Number.NaN;
    expect(refusal(() => back(dy, saved)).message).toBe('conv: dy holds a non-finite value (NaN) at flat index 3 of [1, 2, 2, 1, 2]');
  });
});
