import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../../src/tensor/index.ts';
import { architectureLayers, blockEquation, describeArchitecture, inputShape, type ArchitectureConfig } from '../../../chapters/01-architecture/architecture.ts';
import { describeForReaders, describeInput } from '../../../chapters/01-architecture/describe.ts';
import { layerDetails } from '../../../chapters/01-architecture/details.ts';
import { inputSample } from '../../../chapters/01-architecture/input-sample.ts';

const BASE: ArchitectureConfig = {
  dims: 2,
  size: 32,
  depth: 1,
  blocks: 2,
  filters: 8,
  padding: 1,
  batchNorm: true,
  pooling: true,
  activation: 'relu',
  dense: 2,
  units: 64,
  classes: 4,
};

describe('the chapter 1 network', () => {
  it('halves a 2D input per block with same padding and pooling, doubling the filters', () => {
    const arch = describeArchitecture(BASE);
    expect(arch.input).toEqual([32, 32, 1, 1]);
    expect(arch.hidden.map((h) => h.shape)).toEqual([
      [16, 16, 1, 8],
      [8, 8, 1, 16],
    ]);
    expect(arch.hidden.map((h) => h.filter)).toEqual([
      [3, 3, 1, 1, 8],
      [3, 3, 1, 8, 16],
    ]);
    expect(arch.vectorLength).toBe(1024);
    expect(arch.dense.map((d) => [d.units, d.scores])).toEqual([
      [64, false],
      [4, true],
    ]);
  });

  it('counts parameters as the model does: conv weights and biases, BN scale and shift, dense weights and biases', () => {
    const arch = describeArchitecture(BASE);
    const conv1 = 3 * 3 * 1 * 1 * 8 + 8;
    const conv2 = 3 * 3 * 1 * 8 * 16 + 16;
    const bn = 2 * 8 + 2 * 16;
    const dense = 1024 * 64 + 64 + 64 * 4 + 4;
    expect(arch.hidden.map((h) => h.parameterCount)).toEqual([conv1 + 16, conv2 + 32]);
    expect(arch.parameterCount).toBe(conv1 + conv2 + bn + dense);
  });

  it('keeps unused axes at 1 in 1D and uses all three in 3D', () => {
    expect(inputShape({ ...BASE, dims: 1 })).toEqual([32, 1, 1, 1]);
    expect(architectureLayers({ ...BASE, dims: 1 })[0]).toMatchObject({ size: [3, 1, 1], padding: [1, 0, 0] });
    expect(describeArchitecture({ ...BASE, dims: 3, size: 16, depth: 4 }).hidden[1]!.shape).toEqual([4, 4, 4, 16]);
  });

  it('shrinks by two cells per convolution without padding', () => {
    expect(describeArchitecture({ ...BASE, padding: 0, pooling: false }).hidden.map((h) => h.shape[0])).toEqual([30, 28]);
  });

  it('refuses a network whose hidden layer becomes narrower than the pooling window, naming the layer', () => {
    try {
      describeArchitecture({ ...BASE, size: 8, blocks: 4 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AtlasError);
      expect((error as Error).message).toMatch(/^network: layer 15 \(pool max\): pool: the 2-wide window along x is larger than the padded input 1/);
    }
  });

  it.each([
    [true, true, 6],
    [true, false, 5],
    [false, false, 3],
    [false, true, '6-without-bn'],
  ] as const)('follows eq. %s/%s -> %s', (batchNorm, pooling, equation) => {
    expect(blockEquation({ batchNorm, pooling })).toBe(equation);
  });
});

describe('what the page says about it', () => {
  const arch = describeArchitecture(BASE);

  it('describes the network in one text alternative', () => {
    expect(describeForReaders(arch)).toBe(
      'A CNN for a 2D input X of 32 × 32 × 1 × 1: 2 convolution blocks make H¹ 16 × 16 × 1 × 8, H² 8 × 8 × 1 × 16; Vec gives 1,024 values; ' +
        'fully connected layers of 64, 4 units; the softmax gives 4 class probabilities. 67,156 parameters in all.',
    );
  });

  it('explains every layer the diagram shows, and nothing else', () => {
    for (const id of ['X', 'H1', 'H2', 'FC0', 'FC1', 'FC2', 'p']) {
      const details = layerDetails(arch, id)!;
      expect(details.title.length).toBeGreaterThan(0);
      expect(details.paragraphs.length).toBeGreaterThan(0);
    }
    expect(layerDetails(arch, 'H1')!.paragraphs.join(' ')).toContain('Parameters: 96 (72 weights, 8 biases, 16 for BN');
    expect(layerDetails(arch, 'H3')).toBeUndefined();
    expect(layerDetails(arch, 'FC3')).toBeUndefined();
  });
});

describe('the input X', () => {
  it('is one geological model cut to the grid, with one code or four indicators per cell', () => {
    const one = inputSample({ dims: 2, size: 16, depth: 1 });
    expect(one.shape).toEqual([1, 16, 16, 1, 1]);
    expect(Math.min(...one.data)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...one.data)).toBeLessThanOrEqual(1);
    const four = inputSample({ dims: 3, size: 8, depth: 4 });
    expect(four.shape).toEqual([1, 8, 8, 8, 4]);
    for (let cell = 0; cell < four.data.length; cell += 4) {
      expect(four.data[cell]! + four.data[cell + 1]! + four.data[cell + 2]! + four.data[cell + 3]!).toBe(1);
    }
    expect(describeInput(four)).toMatch(/^X: 8 × 8 × 8 × 4, 4 indicator maps/);
  });

  it('is the same rocks for the same settings', () => {
    expect(inputSample({ dims: 1, size: 32, depth: 1 }).data).toEqual(inputSample({ dims: 1, size: 32, depth: 1 }).data);
  });
});
