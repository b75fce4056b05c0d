import { describe, expect, it } from 'vitest';
import { AtlasError, tensor } from '../../src/tensor/index.ts';
import { FACIES_COUNT, SAND } from '../../src/data/facies.ts';
import { channelNames, encodeFacies, oneHotLabels, targetTensor, toTensor } from '../../src/data/encoding.ts';
import { sliceSample } from '../../src/data/sample.ts';
import { samplesOf } from './grid-helpers.ts';

function refusal(fn: () => unknown): AtlasError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AtlasError);
    return e as AtlasError;
  }
  throw new Error('expected a refusal');
}

const CASES = [
  [3, [8, 9, 10], [8, 9, 10]],
  [2, [12, 10], [12, 10, 1]],
  [1, [20], [20, 1, 1]],
] as const;

describe('encoding samples as network inputs [n, x, y, z, d]', () => {
  it.each(CASES)('gives %iD inputs of spatial shape %j -> %j in every encoding', (dims, size, spatial) => {
    const samples = samplesOf('faulted', 61, dims, size, 5, 3);
    const cells = spatial[0] * spatial[1] * spatial[2];
    const scaled = toTensor(samples, { encoding: 'scaled' });
    const sand = toTensor(samples, { encoding: 'sand' });
    const onehot = toTensor(samples, { encoding: 'onehot' });
    expect(scaled.shape).toEqual([3, ...spatial, 1]);
    expect(sand.shape).toEqual([3, ...spatial, 1]);
    expect(onehot.shape).toEqual([3, ...spatial, FACIES_COUNT]);
    samples.forEach((s, n) => {
      for (let c = 0; c < cells; c++) {
        const code = s.facies[c]!;
        expect(scaled.data[n * cells + c]).toBe(code / 3);
        expect(sand.data[n * cells + c]).toBe(code === SAND ? 1 : 0);
        const row = onehot.data.subarray((n * cells + c) * 4, (n * cells + c + 1) * 4);
        expect([...row]).toEqual([0, 1, 2, 3].map((f) => (f === code ? 1 : 0)));
      }
    });
  });

  it('names its feature maps', () => {
    expect(channelNames('onehot')).toEqual(['shale', 'sandstone', 'siltstone', 'limestone']);
    expect(channelNames('scaled')).toEqual(['facies code / 3']);
    expect(channelNames('sand')).toEqual(['sandstone indicator']);
  });

  it('takes the x-z sections and well columns of block samples when asked for fewer dims', () => {
    const blocks = samplesOf('folded', 62, 3, [10, 11, 12], 5, 4);
    const sections = toTensor(blocks, { encoding: 'onehot', dims: 2 });
    expect(sections.shape).toEqual([4, 10, 12, 1, 4]);
    expect(sections.data).toEqual(toTensor(blocks.map((b) => sliceSample(b, 2)), { encoding: 'onehot' }).data);
    expect(toTensor(blocks, { encoding: 'scaled', dims: 1 }).shape).toEqual([4, 12, 1, 1, 1]);
    expect(targetTensor(blocks, 1).data).toEqual(Float64Array.from(blocks.flatMap((b) => [...sliceSample(b, 1).targets])));
  });

  it('adds reproducible measurement noise of the requested deviation', () => {
    const samples = samplesOf('channels', 63, 3, [16, 16, 16], 5, 4);
    const clean = toTensor(samples, { encoding: 'scaled' });
    const noisy = toTensor(samples, { encoding: 'scaled', gaussian: 0.2 });
    expect(toTensor(samples, { encoding: 'scaled', gaussian: 0.2 }).data).toEqual(noisy.data);
    expect(toTensor(samples, { encoding: 'scaled', gaussian: 0 }).data).toEqual(clean.data);
    let sum = 0;
    let sq = 0;
    clean.data.forEach((v, i) => {
      const e = noisy.data[i]! - v;
      sum += e;
      sq += e * e;
    });
    const n = clean.data.length;
    expect(sum / n).toBeCloseTo(0, 2);
    expect(Math.sqrt(sq / n)).toBeCloseTo(0.2, 2);
  });

  it('refuses bad batches with a message saying what is wrong', () => {
    const blocks = samplesOf('horizontal', 64, 3, [8, 8, 8], 5, 2);
    const other = samplesOf('horizontal', 64, 3, [8, 8, 9], 5, 1);
    const sections = samplesOf('horizontal', 64, 2, [8, 8], 5, 1);
    const cases: [() => unknown, string, string][] = [
      [() => toTensor([], { encoding: 'scaled' }), 'shape', 'toTensor: no samples to encode'],
      [() => toTensor([...blocks, ...other], { encoding: 'scaled' }), 'shape', 'toTensor: sample 2 has shape [8, 8, 9] but sample 0 has [8, 8, 8]; one tensor needs one grid size'],
      [() => toTensor(sections, { encoding: 'scaled', dims: 3 }), 'shape', 'slice: a 2D sample cannot give 3D data; slices only go down (3D block -> 2D section -> 1D column)'],
      [() => toTensor(blocks, { encoding: 'rgb' as never }), 'param', 'toTensor: unknown encoding "rgb"; expected one of scaled, sand, onehot'],
      [() => toTensor(blocks, { encoding: 'sand', gaussian: 2 }), 'param', 'toTensor: gaussian must lie in [0, 1], got 2'],
      [() => toTensor(blocks, { encoding: 'sand', dims: 0 as never }), 'param', 'toTensor: dims must be 1 (well column), 2 (x-z section) or 3 (block), got 0'],
    ];
    for (const [fn, category, message] of cases) {
      const e = refusal(fn);
      expect(e.category).toBe(category);
      expect(e.message).toBe(message);
    }
  });
});

describe('encoding a facies grid from elsewhere', () => {
  it('encodes integer facies codes like the generated samples', () => {
    const t = encodeFacies([0, 1, 2, 3, 1, 0], [1, 2, 3], 'onehot');
    expect(t.shape).toEqual([1, 1, 2, 3, 4]);
    expect([...t.data.subarray(4, 8)]).toEqual([0, 1, 0, 0]);
    expect([...encodeFacies([0, 1, 2, 3], [4, 1, 1], 'scaled').data]).toEqual([0, 1 / 3, 2 / 3, 1]);
  });

  it('refuses values that are not facies codes, naming the cell', () => {
    const e = refusal(() => encodeFacies([0, 1, 2, 3, 2.5, 0], [1, 2, 3], 'sand'));
    expect(e.category).toBe('param');
    expect(e.message).toBe('grid: value 2.5 at [0, 1, 1] is not a facies code; expected an integer from 0 to 3 (0 shale, 1 sandstone, 2 siltstone, 3 limestone)');
    expect(refusal(() => encodeFacies([4], [1, 1, 1], 'sand')).message).toMatch(/value 4 at \[0, 0, 0\] is not a facies code/);
    expect(refusal(() => encodeFacies([0, 1], [1, 1, 3], 'sand')).message).toBe('grid: 2 values given but shape [1, 1, 3] needs 3');
  });
});

describe('labels and targets', () => {
  it('makes one-hot label rows [n, K]', () => {
    const t = oneHotLabels(Int32Array.from([2, 0, 1]), 3);
    expect(t.shape).toEqual([3, 3]);
    expect([...t.data]).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0]);
    expect(refusal(() => oneHotLabels(Int32Array.from([0, 3]), 3)).message).toBe('oneHot: label 3 of sample 1 is outside 0..2');
  });

  it('stacks the samples targets as [n, 2]', () => {
    const samples = samplesOf('folded', 65, 2, [16, 16], 5, 3);
    const t = targetTensor(samples);
    expect(t).toEqual(tensor([3, 2], samples.flatMap((s) => [...s.targets])));
  });
});
