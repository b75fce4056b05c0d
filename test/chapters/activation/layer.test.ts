import { describe, expect, it } from 'vitest';
import { generateSample, nativeGeometry, toTensor, REGIONAL_DIP_DEFAULT } from '../../../src/data/index.ts';
import { activate } from '../../../src/nn/activation.ts';
import {
  GRID,
  MEASUREMENT_NOISE,
  SAMPLE_SEED,
  baseFilters,
  blockGeometry,
  convolutionBlock,
  flipAxis,
  geologicalInput,
} from '../../../chapters/04-activation/layer.ts';
import { tensor } from '../../../src/tensor/tensor.ts';
import { expectClose } from '../../support/tolerance.ts';

describe('the convolution block of chapter 4', () => {
  it('reads a well, a section and a block of the same model, as [1, x, y, z, 1]', () => {
    expect(geologicalInput(1, 'folded').shape).toEqual([1, 48, 1, 1, 1]);
    expect(geologicalInput(2, 'faulted').shape).toEqual([1, 24, 24, 1, 1]);
    expect(geologicalInput(3, 'channels').shape).toEqual([1, 12, 12, 12, 1]);
  });

  it('turns the depth axis so that index grows upwards, and changes nothing else', () => {
    const sample = generateSample('folded', SAMPLE_SEED, nativeGeometry(3, GRID[3]), { maxRegionalDip: REGIONAL_DIP_DEFAULT, flip: 0 });
    const data = toTensor([sample], { encoding: 'scaled', gaussian: MEASUREMENT_NOISE });
    const shown = geologicalInput(3, 'folded');
    // Cell (i, j, k) shown is cell (i, j, 11 - k) of the data: the top of the block is k = 11.
    for (const [i, j, k] of [[0, 0, 0], [3, 7, 11], [11, 2, 5]] as const) {
      expect(shown.data[(i * 12 + j) * 12 + k]).toBe(data.data[(i * 12 + j) * 12 + (11 - k)]);
    }
    const section = flipAxis(tensor([1, 2, 3, 1, 1], [1, 2, 3, 4, 5, 6]), 2);
    expect([...section.data]).toEqual([3, 2, 1, 6, 5, 4]);
  });

  it('draws seeded filters 3 wide along the axes the input has, within the 2-sigma truncation', () => {
    for (const [dims, shape] of [[1, [3, 1, 1, 1, 2]], [2, [3, 3, 1, 1, 2]], [3, [3, 3, 3, 1, 2]]] as const) {
      const input = geologicalInput(dims, 'horizontal');
      const w0 = baseFilters(input, 4);
      expect(w0.shape).toEqual(shape);
      const sigma = 2 / Math.sqrt(shape[0] * shape[1] * shape[2]);
      expect(Math.max(...w0.data.map(Math.abs))).toBeLessThanOrEqual(2 * sigma);
      expect([...baseFilters(input, 4).data]).toEqual([...w0.data]);
      expect([...baseFilters(input, 5).data]).not.toEqual([...w0.data]);
    }
  });

  it("keeps the input's size ('same' padding, stride 1) and makes one feature map per filter", () => {
    for (const dims of [1, 2, 3] as const) {
      const input = geologicalInput(dims, 'folded');
      const w0 = baseFilters(input, 1);
      const { z, h } = convolutionBlock(input, w0, { kind: 'relu', scale: 1, shift: 0 });
      expect(z.shape).toEqual([...input.shape.slice(0, 4), 2]);
      expect(h.shape).toEqual(z.shape);
      expect(blockGeometry(input, w0).output).toEqual(input.shape.slice(1, 4));
    }
  });

  it('scales and shifts the pre-activations exactly: z -> a z + c', () => {
    const input = geologicalInput(2, 'channels');
    const w0 = baseFilters(input, 7);
    const base = convolutionBlock(input, w0, { kind: 'tanh', scale: 1, shift: 0 }).z;
    const moved = convolutionBlock(input, w0, { kind: 'tanh', scale: 2.5, shift: -1.5 }).z;
    expectClose(moved.data, base.data.map((v) => 2.5 * v - 1.5));
  });

  it('applies g element-wise to the pre-activations (eq. 3)', () => {
    const input = geologicalInput(1, 'faulted');
    const w0 = baseFilters(input, 2);
    for (const kind of ['sigmoid', 'tanh', 'relu'] as const) {
      const { z, h } = convolutionBlock(input, w0, { kind, scale: 3, shift: 0.5 });
      expect([...h.data]).toEqual([...z.data].map((v) => activate(kind, v)));
    }
  });
});
