import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../src/tensor/index.ts';
import { STRUCTURE_KINDS } from '../../src/data/classes.ts';
import { nativeGeometry } from '../../src/data/geometry.ts';
import { generateSample, sliceSample } from '../../src/data/sample.ts';

const OPTIONS = { maxRegionalDip: 10, flip: 0 };

describe('samples: one model, seen as a block, a section or a well', () => {
  it('draws the same model from a seed whatever the dimensionality and grid size', () => {
    for (const kind of STRUCTURE_KINDS) {
      const a = generateSample(kind, 77, nativeGeometry(3, [8, 8, 8]), OPTIONS);
      const b = generateSample(kind, 77, nativeGeometry(1, [200]), { ...OPTIONS, flip: 0.2 });
      expect(b.model).toEqual(a.model);
      expect(generateSample(kind, 78, nativeGeometry(1, [200]), OPTIONS).model).not.toEqual(a.model);
    }
  });

  it('keeps the clean grid and flips only the noisy copy', () => {
    const g = nativeGeometry(3, [16, 16, 16]);
    const clean = generateSample('folded', 5, g, OPTIONS);
    const noisy = generateSample('folded', 5, g, { ...OPTIONS, flip: 0.1 });
    expect(noisy.clean).toEqual(clean.clean);
    expect(noisy.targets).toEqual(clean.targets);
    expect(noisy.facies.filter((f, i) => f !== clean.clean[i]).length).toBe(410);
  });

  it('slices a block to the native section and column of the same model (odd sizes put the slice at 0.5)', () => {
    for (const kind of STRUCTURE_KINDS) {
      const block = generateSample(kind, 90, nativeGeometry(3, [16, 15, 24]), OPTIONS);
      const section = generateSample(kind, 90, nativeGeometry(2, [16, 24]), OPTIONS);
      const fromBlock = sliceSample(block, 2);
      expect(fromBlock.shape).toEqual([16, 24, 1]);
      expect(fromBlock.clean).toEqual(section.clean);
      expect(fromBlock.targets).toEqual(section.targets);

      const oddBlock = generateSample(kind, 90, nativeGeometry(3, [15, 15, 24]), OPTIONS);
      const well = generateSample(kind, 90, nativeGeometry(1, [24]), OPTIONS);
      expect(sliceSample(oddBlock, 1).clean).toEqual(well.clean);
      expect(sliceSample(oddBlock, 1).targets).toEqual(well.targets);
      expect(sliceSample(section, 1).clean).toEqual(well.clean);
    }
  });

  it('slices the noisy grid with the clean one', () => {
    const block = generateSample('channels', 3, nativeGeometry(3, [9, 9, 16]), { ...OPTIONS, flip: 0.3 });
    const section = sliceSample(block, 2);
    for (let i = 0; i < 9; i++) {
      for (let k = 0; k < 16; k++) {
        expect(section.facies[i * 16 + k]).toBe(block.facies[(i * 9 + 4) * 16 + k]);
        expect(section.clean[i * 16 + k]).toBe(block.clean[(i * 9 + 4) * 16 + k]);
      }
    }
  });

  it('refuses to make a block out of a section', () => {
    const section = generateSample('faulted', 1, nativeGeometry(2, [8, 8]), OPTIONS);
    expect(sliceSample(section, 2)).toBe(section);
    expect(() => sliceSample(section, 3)).toThrow(AtlasError);
    expect(() => sliceSample(section, 3)).toThrow('slice: a 2D sample cannot give 3D data; slices only go down (3D block -> 2D section -> 1D column)');
  });
});
