/**
 * Chapter 2's pure modules: the input grids and their logs, the filter bank,
 * the convolution layer and its placement, the breakdown of one position,
 * and Figure 3 (both steps, and the copy of the shared conformance case).
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../../chapters/02-convolution/breakdown.ts';
import { FIGURE3_FIRST_CASE, figure3 } from '../../../chapters/02-convolution/figure3.ts';
import { detectors, filterBank, type FilterConfig } from '../../../chapters/02-convolution/filters.ts';
import { LOGS, PATTERNS, faciesGrid, inputTensor, spatialShape, type Dims, type InputConfig } from '../../../chapters/02-convolution/inputs.ts';
import { convLayer, placement, windowRange } from '../../../chapters/02-convolution/layer.ts';
import { forwardReference } from '../../../src/nn/conv.ts';
import { SAND, SHALE, generateSample } from '../../../src/data/index.ts';
import { ParamError, ShapeError, tensor } from '../../../src/tensor/index.ts';
import { loadCases } from '../../support/conformance-cases.ts';
import { expectClose } from '../../support/tolerance.ts';

const input = (over: Partial<InputConfig> = {}): InputConfig => ({ dims: 2, size: 7, depth: 1, pattern: 'contact', seed: 1, ...over });
const bank = (over: Partial<FilterConfig> = {}): FilterConfig => ({ dims: 2, size: 3, depth: 1, count: 2, kind: 'detectors', seed: 1, bias: 0, ...over });

describe('inputs', () => {
  it('have the shape [1, x, y, z, d] for 1D, 2D and 3D, one map per log', () => {
    expect(inputTensor(input({ dims: 1, size: 9 })).shape).toEqual([1, 9, 1, 1, 1]);
    expect(inputTensor(input({ dims: 2, size: 6, depth: 3 })).shape).toEqual([1, 6, 6, 1, 3]);
    expect(inputTensor(input({ dims: 3, size: 4, depth: 4 })).shape).toEqual([1, 4, 4, 4, 4]);
  });

  it('put sandstone on shale with the vertical axis pointing up in 2D and 3D, down the hole in 1D', () => {
    // 2D: y is up; the top half is sandstone.
    const section = faciesGrid({ dims: 2, size: 4, pattern: 'contact', seed: 1 });
    expect([...section.slice(0, 4)]).toEqual([SHALE, SHALE, SAND, SAND]);
    // 3D: z is up.
    const block = faciesGrid({ dims: 3, size: 2, pattern: 'contact', seed: 1 });
    expect([...block]).toEqual([SHALE, SAND, SHALE, SAND, SHALE, SAND, SHALE, SAND]);
    // 1D: x runs down the hole, so sandstone comes first.
    expect([...faciesGrid({ dims: 1, size: 4, pattern: 'contact', seed: 1 })]).toEqual([SAND, SAND, SHALE, SHALE]);
  });

  it('turn the synthetic models of src/data over so that their top is at the top of the views', () => {
    const size = 6;
    const xs = Array.from({ length: size }, (_, i) => (i + 0.5) / size);
    const section = generateSample('faulted', 3, { dims: 2, xs, ys: [0.5], nz: size }, { maxRegionalDip: 5, flip: 0 });
    const mine = faciesGrid({ dims: 2, size, pattern: 'faulted', seed: 3 });
    // src/data: column x holds depth k from the top; here y = size - 1 - k runs up.
    for (let x = 0; x < size; x++) for (let k = 0; k < size; k++) expect(mine[x * size + (size - 1 - k)]).toBe(section.facies[x * size + k]);
    const well = generateSample('faulted', 3, { dims: 1, xs: [0.5], ys: [0.5], nz: size }, { maxRegionalDip: 5, flip: 0 });
    expect([...faciesGrid({ dims: 1, size, pattern: 'faulted', seed: 3 })]).toEqual([...well.facies]);
  });

  it('change with the seed for the synthetic models and never for the simple patterns', () => {
    for (const pattern of PATTERNS) {
      const a = faciesGrid({ dims: 2, size: 10, pattern, seed: 1 });
      const b = faciesGrid({ dims: 2, size: 10, pattern, seed: 2 });
      if (pattern === 'contact' || pattern === 'dipping') expect(b).toEqual(a);
      else expect(b).not.toEqual(a);
    }
  });

  it('hold each log value of the cell facies, and refuse a depth beyond the four logs', () => {
    const x = inputTensor(input({ depth: 4 }));
    const facies = faciesGrid(input());
    for (let cell = 0; cell < facies.length; cell++) {
      for (let d = 0; d < 4; d++) expect(x.data[cell * 4 + d]).toBe(LOGS[d]!.byFacies[facies[cell]!]);
    }
    expect(() => inputTensor(input({ depth: 5 }))).toThrow(ParamError);
  });

  it('sample every size from 1 cell up in every dimensionality', () => {
    for (const dims of [1, 2, 3] as Dims[]) {
      for (const pattern of PATTERNS) {
        const x = inputTensor(input({ dims, size: 3, pattern }));
        expect(x.shape.slice(1, 4)).toEqual([...spatialShape(dims, 3)]);
        expect(x.data.every(Number.isFinite)).toBe(true);
      }
    }
  });
});

describe('filter banks', () => {
  it('have the shape [wx, wy, wz, wd, wc] with wd the input depth, and one bias per filter', () => {
    const { w, b, names } = filterBank(bank({ dims: 3, size: 2, depth: 3, count: 5 }));
    expect(w.shape).toEqual([2, 2, 2, 3, 5]);
    expect([...b.data]).toEqual([0, 0, 0, 0, 0]);
    expect(names).toEqual(['vertical gradient', 'lateral gradient along x', 'lateral gradient along y', 'moving average', 'random']);
  });

  it('make a vertical-gradient filter that is top minus bottom, on every map', () => {
    const { w } = filterBank(bank({ depth: 2, count: 1 }));
    // 2D: y is up, so tap j = 2 (top) is +1 and j = 0 (bottom) is -1, on both maps.
    for (let i = 0; i < 3; i++) {
      for (let d = 0; d < 2; d++) {
        expect(w.data[((i * 3 + 2) * 1 + 0) * 2 + d]).toBe(1);
        expect(w.data[((i * 3 + 1) * 1 + 0) * 2 + d]).toBe(0);
        expect(w.data[((i * 3 + 0) * 1 + 0) * 2 + d]).toBe(-1);
      }
    }
    // 1D: x runs down the hole, so the first tap (shallowest) is +1.
    expect([...filterBank(bank({ dims: 1, count: 1 })).w.data]).toEqual([1, 0, -1]);
    expect(Object.is(filterBank(bank({ dims: 1, count: 1 })).w.data[1], -0)).toBe(false);
  });

  it('detect the contact: the vertical gradient responds only where the window spans it', () => {
    const x = inputTensor(input({ dims: 2, size: 6, pattern: 'contact' }));
    const { w, b } = filterBank(bank({ count: 1 }));
    const layer = convLayer(x, w, b);
    // Sandstone (gamma ray 0.2) above shale (0.9): top minus bottom is 3 * (0.2 - 0.9) where the window straddles y = 2.5.
    for (let ox = 0; ox < 4; ox++) {
      expectClose([...layer.y.data.slice(ox * 4, ox * 4 + 4)], [0, 3 * (0.2 - 0.9), 3 * (0.2 - 0.9), 0]);
    }
  });

  it('draw random filters from the seed, keeping earlier filters when more are added', () => {
    const a = filterBank(bank({ kind: 'random', count: 2, seed: 4 })).w;
    const b = filterBank(bank({ kind: 'random', count: 3, seed: 4 })).w;
    const c = filterBank(bank({ kind: 'random', count: 2, seed: 5 })).w;
    for (let t = 0; t < 9; t++) for (let f = 0; f < 2; f++) expect(b.data[t * 3 + f]).toBe(a.data[t * 2 + f]);
    expect(c.data).not.toEqual(a.data);
    expect([...a.data].every((v) => Math.abs(v) <= 0.2)).toBe(true);
  });

  it('list fewer detectors in 1D, where there is no lateral axis', () => {
    expect(detectors(1).map((d) => d.name)).toEqual(['vertical gradient', 'moving average']);
    expect(detectors(2).map((d) => d.name)).toEqual(['vertical gradient', 'lateral gradient', 'moving average']);
  });

  it('refuse a count outside 1..6 and a non-finite bias', () => {
    expect(() => filterBank(bank({ count: 0 }))).toThrow(ParamError);
    expect(() => filterBank(bank({ count: 7 }))).toThrow(ParamError);
    expect(() => filterBank(bank({ bias: Number.NaN }))).toThrow(ParamError);
  });
});

describe('the convolution layer', () => {
  it('makes one feature map per filter: h_d = w_c, and the size of eq. 2 with stride 1, no padding', () => {
    const x = inputTensor(input({ dims: 3, size: 5, depth: 2 }));
    const { w, b } = filterBank(bank({ dims: 3, size: 2, depth: 2, count: 4 }));
    const layer = convLayer(x, w, b);
    expect(layer.y.shape).toEqual([1, 4, 4, 4, 4]);
    expect(layer.positions.length).toBe(64);
    expect(layer.positions[1]!.output).toEqual([0, 0, 1]);
  });

  it('refuses a filter larger than the input, and a filter depth that is not the input depth, with the core errors', () => {
    const x = inputTensor(input({ size: 4 }));
    expect(() => convLayer(x, filterBank(bank({ size: 5 })).w, filterBank(bank({ size: 5 })).b)).toThrow(/5-wide window along x is larger/);
    const deep = filterBank(bank({ depth: 2 }));
    expect(() => convLayer(x, deep.w, deep.b)).toThrow(ShapeError);
  });

  it('clamps the slider position and filter to what the layer has', () => {
    const layer = convLayer(inputTensor(input({ size: 5 })), filterBank(bank()).w, filterBank(bank()).b);
    expect(placement(layer, 1, 1)).toMatchObject({ position: 1, count: 9, output: [0, 0, 0], filter: 0 });
    expect(placement(layer, 4, 2)).toMatchObject({ position: 4, output: [1, 0, 0], corner: [1, 0, 0], filter: 1 });
    expect(placement(layer, 4000, 6)).toMatchObject({ position: 9, output: [2, 2, 0], filter: 1 });
    expect(windowRange(layer, [1, 2, 0])).toEqual({ from: [1, 2, 0], to: [3, 4, 0] });
    expect(() => placement(layer, Number.NaN, 1)).toThrow(ParamError);
  });
});

describe('the breakdown of one position', () => {
  it.each([
    ['1D', { dims: 1, size: 9, depth: 2, pattern: 'faulted' }, { dims: 1, size: 4, depth: 2, count: 3, kind: 'random', bias: 0.3 }],
    ['2D', { dims: 2, size: 7, depth: 3, pattern: 'folded' }, { dims: 2, size: 3, depth: 3, count: 4, kind: 'detectors', bias: -0.5 }],
    ['3D', { dims: 3, size: 5, depth: 4, pattern: 'channels' }, { dims: 3, size: 2, depth: 4, count: 2, kind: 'random', bias: 1 }],
  ] as const)('has the reference kernel bits and matches the fast kernel at every position and filter (%s)', (_label, inOver, fOver) => {
    const x = inputTensor(input(inOver));
    const { w, b } = filterBank(bank(fOver));
    const layer = convLayer(x, w, b);
    const reference = forwardReference({ x, w, b }, { stride: [1, 1, 1], padding: [0, 0, 0] }).y;
    const filters = w.shape[4]!;
    layer.positions.forEach((p, at) => {
      for (let c = 0; c < filters; c++) {
        const bd = explain(layer, p.output, c);
        expect(bd.value).toBe(reference.data[at * filters + c]);
        expect(bd.agrees).toBe(true);
        expect(bd.terms.length).toBe(w.shape[0]! * w.shape[1]! * w.shape[2]! * w.shape[3]!);
        expect(bd.running.length).toBe(bd.terms.length + 1);
        expect(bd.running[0]).toBe(b.data[c]);
        expect(bd.running[bd.terms.length]).toBe(bd.value);
      }
    });
  });

  it('lists window values, weights and products by map and z-slice, the products summing to the value less the bias', () => {
    const x = tensor([1, 3, 3, 2, 2], Array.from({ length: 36 }, (_, i) => i / 10));
    const w = tensor([2, 2, 2, 2, 1], Array.from({ length: 16 }, (_, i) => (i % 3) - 1));
    const layer = convLayer(x, w, tensor([1], [0.25]));
    const bd = explain(layer, [1, 0, 0], 0);
    expect(bd.groups.map((g) => [g.d, g.k, g.terms.length])).toEqual([[0, 0, 4], [0, 1, 4], [1, 0, 4], [1, 1, 4]]);
    const first = bd.groups[1]!.terms[0]!;
    expect(first).toMatchObject({ tap: [0, 0, 1], cell: [1, 0, 1], d: 0 });
    expect(first.h).toBe(x.data[(((1 * 3 + 0) * 2 + 1) * 2) + 0]);
    expect(first.product).toBe(first.h * first.w);
    expect(bd.groups.reduce((s, g) => s + g.sum, 0)).toBeCloseTo(bd.products, 12);
    expect(bd.value).toBeCloseTo(bd.products + 0.25, 12);
    expect(bd.bias).toBe(0.25);
  });

  it('notices when the layer output does not hold the sum (it is compared, not copied)', () => {
    const layer = convLayer(inputTensor(input({ size: 4 })), filterBank(bank()).w, filterBank(bank()).b);
    const tampered = { ...layer, y: tensor(layer.y.shape, layer.y.data.map((v) => v + 1e-3)) };
    const bd = explain(tampered, [0, 0, 0], 0);
    expect(bd.agrees).toBe(false);
    expect(bd.difference).toBeCloseTo(1e-3, 12);
  });
});

describe('Figure 3', () => {
  it('goes 5×5×1×1 -> 3×3×1×3 -> 1×1×1×2 with both sets of numbers', () => {
    for (const values of ['readable', 'conformance'] as const) {
      const f = figure3(values);
      expect(f.first.x.shape).toEqual([1, 5, 5, 1, 1]);
      expect(f.first.w.shape).toEqual([3, 3, 1, 1, 3]);
      expect(f.first.y.shape).toEqual([1, 3, 3, 1, 3]);
      expect(f.second.w.shape).toEqual([3, 3, 1, 3, 2]);
      expect(f.second.y.shape).toEqual([1, 1, 1, 1, 2]);
    }
  });

  it('with readable numbers gives what test/nn/conv.test.ts works out by hand', () => {
    const f = figure3('readable');
    const centre = [7, 8, 9, 12, 13, 14, 17, 18, 19];
    expectClose(f.first.y.data, centre.flatMap((v) => [v, 9 * v + 1, -12 - 2]));
    expectClose(f.second.y.data, [117 + (9 * 117 + 9) - 14 * 9 + 0.5, 13]);
    expect(f.check).toBeNull();
  });

  it('with conformance numbers is the shared case conv/figure3-first, copied exactly, and meets its expected output', () => {
    const [shared] = loadCases('conv.json', 'conv').filter((c) => c.name === 'conv/figure3-first');
    expect(shared).toBeDefined();
    const copy = FIGURE3_FIRST_CASE;
    for (const key of ['x', 'w', 'b'] as const) {
      expect(copy[key].shape).toEqual(shared!.inputs[key]!.shape);
      expect(copy[key].data).toEqual(shared!.inputs[key]!.data);
    }
    const expected = shared!.expected.y as { shape: number[]; data: number[] };
    expect(copy.expected.shape).toEqual(expected.shape);
    expect(copy.expected.data).toEqual(expected.data);
    expect(copy.tolerance).toEqual(shared!.tolerance);
    const f = figure3('conformance');
    expect(f.check!.withinTolerance).toBe(true);
    expect(f.check!.maxDifference).toBeLessThan(1e-12);
  });
});
