import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../src/tensor/index.ts';
import { createRng } from '../../src/tensor/rng.ts';
import { SIZE_LIMITS, TENSOR_AXES, assertDims, nativeGeometry, resolveSize, sampleModel, spatialShape } from '../../src/data/geometry.ts';
import { drawModel, fillColumn } from '../../src/data/model.ts';

function refusal(fn: () => unknown): AtlasError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AtlasError);
    return e as AtlasError;
  }
  throw new Error('expected a refusal');
}

describe('geometry: where a sample looks at its model', () => {
  it('defaults to 16^3 blocks, 32 x 32 sections and 64-cell columns', () => {
    expect(resolveSize('t', 3, undefined)).toEqual([16, 16, 16]);
    expect(resolveSize('t', 2, undefined)).toEqual([32, 32]);
    expect(resolveSize('t', 1, undefined)).toEqual([64]);
    expect(resolveSize('t', 3, 24)).toEqual([24, 24, 24]);
    expect(resolveSize('t', 2, [64, 8])).toEqual([64, 8]);
  });

  it.each([
    [3, [16, 16], /size for 3D must be a number or 3 sizes \[x, y, z\], got \[16,16\]/],
    [2, 7, /size along x must be an integer from 8 to 256 for 2D, got 7/],
    [3, [16, 65, 16], /size along y must be an integer from 8 to 64 for 3D, got 65/],
    [1, [12.5], /size along z must be an integer from 8 to 1024 for 1D, got 12.5/],
    [1, 'big', /size for 1D must be a number or 1 sizes \[z\], got "big"/],
  ])('refuses %iD size %j with a ParamError saying the limits', (dims, size, message) => {
    const e = refusal(() => resolveSize('dataset', dims as 1 | 2 | 3, size));
    expect(e.category).toBe('param');
    expect(e.message).toMatch(/^dataset: /);
    expect(e.message).toMatch(message);
  });

  it('refuses a dimensionality other than 1, 2 or 3', () => {
    expect(refusal(() => assertDims('dataset', 4)).message).toBe('dataset: dims must be 1 (well column), 2 (x-z section) or 3 (block), got 4');
  });

  it('places cell centres at (i + 0.5) / n, the section at y = 0.5 and the well at the centre', () => {
    const block = nativeGeometry(3, [8, 10, 12]);
    expect(block.xs[0]).toBe(0.5 / 8);
    expect(block.ys[9]).toBe(9.5 / 10);
    expect(block.nz).toBe(12);
    expect(nativeGeometry(2, [8, 20])).toMatchObject({ ys: [0.5], nz: 20 });
    expect(nativeGeometry(1, [30])).toEqual({ dims: 1, xs: [0.5], ys: [0.5], nz: 30 });
  });

  it('lays the section depth on the tensor y axis and the column depth on the tensor x axis', () => {
    expect(spatialShape(nativeGeometry(3, [8, 9, 10]))).toEqual([8, 9, 10]);
    expect(spatialShape(nativeGeometry(2, [8, 10]))).toEqual([8, 10, 1]);
    expect(spatialShape(nativeGeometry(1, [10]))).toEqual([10, 1, 1]);
    expect(TENSOR_AXES[2]).toEqual(['x', 'z']);
    expect(SIZE_LIMITS[3].max ** 3).toBe(262144);
  });

  it('stores each column contiguously, column (i, j) at (i ny + j) nz', () => {
    const model = drawModel('folded', createRng(5), { maxRegionalDip: 5 });
    const g = nativeGeometry(3, [8, 9, 10]);
    const cells = sampleModel(model, g);
    const one = new Uint8Array(10);
    fillColumn(model, g.xs[3]!, g.ys[7]!, 10, one, 0);
    expect([...cells.subarray((3 * 9 + 7) * 10, (3 * 9 + 8) * 10)]).toEqual([...one]);
  });
});
