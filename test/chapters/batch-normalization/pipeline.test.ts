/**
 * Chapter 5's pipeline: geological mini-batches, the four filters, the
 * convolution and batch normalization in both modes, and the per-map numbers
 * the tables and histograms show.
 */
import { describe, expect, it } from 'vitest';
import { batchIndices, checkBatchConfig, gather, geology, inputSpatialShape, miniBatchOf, nativeSize, POOL_SIZE, trainingSet, type BatchConfig } from '../../../chapters/05-batch-normalization/batch.ts';
import { activate, normalize, preActivation } from '../../../chapters/05-batch-normalization/block.ts';
import { filterBank, MAP_COUNT } from '../../../chapters/05-batch-normalization/filters.ts';
import {
  activeShare,
  checkSample,
  largestDifference,
  mapMoments,
  mapValues,
  sampleMap,
  sampleOf,
} from '../../../chapters/05-batch-normalization/statistics.ts';
import { initialRunningStats } from '../../../src/nn/batchnorm.ts';
import { ParamError, ShapeError, tensor } from '../../../src/tensor/index.ts';
import { expectClose } from '../../support/tolerance.ts';

const DEFAULT: BatchConfig = { dims: 3, size: 6, batch: 8 };

describe('mini-batches of geology', () => {
  it('are one-hot facies grids of h + 2 cells along the used axes, 1 along the others', () => {
    for (const dims of [1, 2, 3] as const) {
      const config = { dims, size: 5, batch: 3 };
      const { x, pre, kinds } = miniBatchOf(config);
      expect(x.shape).toEqual([3, ...inputSpatialShape(config), 4]);
      expect(pre.shape).toEqual([3, 5, dims >= 2 ? 5 : 1, dims === 3 ? 5 : 1, 4]);
      expect(inputSpatialShape(config)).toEqual([7, dims >= 2 ? 7 : 1, dims === 3 ? 7 : 1]);
      expect(kinds).toHaveLength(3);
      for (let cell = 0; cell < x.data.length / 4; cell++) {
        const codes = x.data.subarray(cell * 4, cell * 4 + 4);
        expect(codes.reduce((a, b) => a + b, 0)).toBe(1);
      }
    }
  });

  it('are reproducible, differ from batch to batch, and a small batch is the start of a larger one', () => {
    const a = miniBatchOf(DEFAULT, 3).x.data;
    expect(miniBatchOf(DEFAULT, 3).x.data).toEqual(a);
    expect(miniBatchOf(DEFAULT, 4).x.data).not.toEqual(a);
    const one = miniBatchOf({ ...DEFAULT, batch: 1 }, 3).x.data;
    expect(one).toEqual(a.subarray(0, one.length));
  });

  it('show the first n models, and draw n distinct models at random for each training batch', () => {
    expect([...batchIndices(0, 4)]).toEqual([0, 1, 2, 3]);
    const k = batchIndices(7, 16);
    expect(new Set(k).size).toBe(16);
    expect(Math.max(...k)).toBeLessThan(POOL_SIZE);
    expect([...batchIndices(7, 16)]).toEqual([...k]);
    expect(() => batchIndices(1, POOL_SIZE + 1)).toThrow(ParamError);
  });

  it('cut the centre of the models, so smaller maps come from the same geology', () => {
    const data = geology(3, nativeSize({ dims: 3, size: 6 }));
    const large = trainingSet(data, 6).x;
    const small = trainingSet(data, 4).x;
    // Cell (0, 0, 0) of the 6-cell cut is cell (1, 1, 1) of the 8-cell one.
    const cell = (t: typeof large, i: number, x: number, y: number, z: number) => {
      const [, nx, ny, nz, d] = t.shape as number[];
      const at = ((((i * nx! + x) * ny! + y) * nz! + z) * d!);
      return [...t.data.subarray(at, at + 4)];
    };
    expect(cell(small, 5, 0, 0, 0)).toEqual(cell(large, 5, 1, 1, 1));
    expect(gather(large, [5]).data).toEqual(large.data.subarray(5 * 8 ** 3 * 4, 6 * 8 ** 3 * 4));
  });

  it('refuse sizes the page cannot draw at slider speed, saying what is possible', () => {
    expect(() => checkBatchConfig({ dims: 3, size: 13, batch: 8 })).toThrow(ParamError);
    expect(() => checkBatchConfig({ dims: 3, size: 13, batch: 8 })).toThrow(/at most 12 cells per axis in 3D/);
    expect(() => checkBatchConfig({ dims: 1, size: 32, batch: 16 })).not.toThrow();
  });
});

describe('the filter bank', () => {
  it('has 3-cell filters over the used axes, depth 4 and four maps', () => {
    expect(filterBank(1).w.shape).toEqual([3, 1, 1, 4, 4]);
    expect(filterBank(2).w.shape).toEqual([3, 3, 1, 4, 4]);
    expect(filterBank(3).w.shape).toEqual([3, 3, 3, 4, 4]);
    expect([...filterBank(3).b.data]).toEqual([0, 0, 0, 1]);
  });

  it('counts sandstone, contrasts sand above and below, and averages porosity', () => {
    // A 1D column of 3 cells: sandstone on top (depth 0), then shale, then shale.
    const x = tensor([1, 3, 1, 1, 4], [0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]);
    const h = preActivation(x, filterBank(1));
    expect(h.shape).toEqual([1, 1, 1, 1, MAP_COUNT]);
    expectClose(h.data.subarray(0, 3), [1, 1, (0.25 + 0.05 + 0.05) / 3]);
  });
});

describe('batch normalization of the pre-activations', () => {
  const pre = miniBatchOf(DEFAULT).pre;

  it('gives each map mean beta and standard deviation |gamma| in train mode', () => {
    const { train } = normalize(pre, { gamma: -2, beta: 0.5, eps: 1e-5 }, initialRunningStats(MAP_COUNT));
    const after = mapMoments(train.y);
    const before = mapMoments(pre);
    for (let c = 0; c < MAP_COUNT; c++) {
      expect(after.mean[c]).toBeCloseTo(0.5, 10);
      const shrink = before.std[c]! / Math.sqrt(before.std[c]! ** 2 + 1e-5);
      expect(after.std[c]).toBeCloseTo(2 * shrink, 8);
    }
  });

  it('starts from maps on very different scales', () => {
    const { mean, std } = mapMoments(pre);
    const spread = Math.max(...std) / Math.min(...std);
    expect(spread).toBeGreaterThan(20);
    expect(Math.max(...mean) - Math.min(...mean)).toBeGreaterThan(1);
  });

  it('agrees in inference mode when the running averages equal the batch statistics', () => {
    const bn = { gamma: 1.5, beta: -1, eps: 1e-3 };
    const { train } = normalize(pre, bn, initialRunningStats(MAP_COUNT));
    const { inference } = normalize(pre, bn, { mean: train.mean, var: train.var });
    expectClose(inference.y.data, train.y.data);
    expect([...largestDifference(train.y, inference.y)].every((v) => v < 1e-12)).toBe(true);
  });

  it('differs from inference mode with the starting averages by exactly the normalization they imply', () => {
    const bn = { gamma: 1, beta: 0, eps: 1e-5 };
    const { train, inference } = normalize(pre, bn, initialRunningStats(MAP_COUNT));
    // mean 0, var 1: inference divides by sqrt(1 + eps) only.
    expectClose(inference.y.data, pre.data.map((v) => v / Math.sqrt(1 + 1e-5)));
    expect(Math.max(...largestDifference(train.y, inference.y))).toBeGreaterThan(1);
  });

  it('outputs beta everywhere with one value per map, whatever the input', () => {
    const single = miniBatchOf({ dims: 3, size: 1, batch: 1 }).pre;
    expect(single.shape).toEqual([1, 1, 1, 1, 4]);
    const { train } = normalize(single, { gamma: 3, beta: 0.7, eps: 1e-5 }, initialRunningStats(MAP_COUNT));
    expect([...train.y.data]).toEqual([0.7, 0.7, 0.7, 0.7]);
    expect([...train.var.data]).toEqual([0, 0, 0, 0]);
  });
});

describe('the active zone of g', () => {
  it('is the positive values for ReLU and the unsaturated ones for Sigmoid', () => {
    const t = tensor([1, 4, 1, 1, 1], [-2, -0.5, 0.5, 30]);
    expect([...activeShare(t, 'relu')]).toEqual([0.5]);
    // sigmoid'(30) ~ 1e-13 and sigmoid'(-2) = 0.105 >= 0.025.
    expect([...activeShare(t, 'sigmoid')]).toEqual([0.75]);
  });

  it('grows after normalization for maps that sat far from zero', () => {
    const pre = miniBatchOf(DEFAULT).pre;
    const { train } = normalize(pre, { gamma: 1, beta: 0, eps: 1e-5 }, initialRunningStats(MAP_COUNT));
    const before = activeShare(pre, 'sigmoid');
    const after = activeShare(train.y, 'sigmoid');
    expect(before[0]).toBeLessThan(0.5); // sand counts up to 27 saturate the sigmoid
    expect(after[0]).toBeGreaterThan(0.9);
    expect(activate(train.y, 'relu').h.data.every((v) => v >= 0)).toBe(true);
  });
});

describe('views of one map', () => {
  const t = tensor([2, 2, 1, 1, 3], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

  it('take a map over the whole batch, or one sample of it', () => {
    expect([...mapValues(t, 1)]).toEqual([1, 4, 7, 10]);
    expect(sampleMap(t, 1, 2)).toEqual({ shape: [2, 1, 1], data: Float64Array.from([8, 11]) });
    expect(sampleOf(t, 1).data).toEqual(Float64Array.from([6, 7, 8, 9, 10, 11]));
  });

  it('refuse a sample past the end of the batch, in words', () => {
    expect(() => checkSample(2, 2)).toThrow(ShapeError);
    expect(() => checkSample(2, 2)).toThrow(/holds 2 samples, numbered 0 to 1, so there is no sample 2/);
    expect(() => checkSample(1, 1)).toThrow(/holds 1 sample, number 0/);
  });
});
