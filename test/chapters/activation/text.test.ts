import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/tensor/tensor.ts';
import { census } from '../../../chapters/04-activation/census.ts';
import { describeFunctions, describeStage } from '../../../chapters/04-activation/describe.ts';
import { percent, zoneText } from '../../../chapters/04-activation/names.ts';
import { probeText, unitName } from '../../../chapters/04-activation/probe-readout.ts';

describe("chapter 4's words and numbers", () => {
  it('writes shares as percentages, with a decimal near 0 and 100, and never NaN', () => {
    expect(percent(1, 3)).toBe('33%');
    expect(percent(1, 40)).toBe('2.5%');
    expect(percent(39, 40)).toBe('97.5%');
    expect(percent(0, 7)).toBe('0%');
    expect(percent(7, 7)).toBe('100%');
    expect(percent(3, 0)).toBe('0%');
  });

  it('writes the active zones', () => {
    expect(zoneText('sigmoid')).toBe('−4.36 < z < 4.36');
    expect(zoneText('tanh', 'x')).toBe('−2.18 < x < 2.18');
    expect(zoneText('relu')).toBe('z > 0');
  });

  it('names a unit with as many coordinates as the grid has axes', () => {
    expect(unitName({ x: 4, y: 0, z: 0, d: 1 }, [1, 48, 1, 1, 2])).toBe('(4) in feature map 2');
    expect(unitName({ x: 4, y: 5, z: 0, d: 0 }, [1, 24, 24, 1, 2])).toBe('(4, 5) in feature map 1');
    expect(unitName({ x: 4, y: 5, z: 6, d: 0 }, [1, 12, 12, 12, 2])).toBe('(4, 5, 6) in feature map 1');
  });

  it("reads a unit's z, g(z) and slope, and says whether gradient passes", () => {
    const z = tensor([1, 2, 1, 1, 1], [-1.5, 2]);
    const h = tensor([1, 2, 1, 1, 1], [0, 2]);
    const block = { w: z, b: z, z, h };
    expect(probeText({ x: 0, y: 0, z: 0, d: 0 }, block, 'relu')).toBe('Unit (0) in feature map 1: z = −1.5, ReLU(z) = 0, slope g′(z) = 0, dead: no gradient passes.');
    expect(probeText({ x: 1, y: 0, z: 0, d: 0 }, block, 'relu')).toMatch(/z = 2, ReLU\(z\) = 2, slope g′\(z\) = 1, active/);
    expect(probeText(null, block, 'relu')).toMatch(/^Point at a unit/);
    // A unit left over from a larger grid is not read.
    expect(probeText({ x: 5, y: 0, z: 0, d: 0 }, block, 'relu')).toMatch(/^Point at a unit/);
  });

  it('describes the views in words', () => {
    expect(describeFunctions('tanh')).toContain('the chosen g: TanH');
    const z = tensor([1, 2, 1, 1, 1], [-1.5, 2]);
    expect(describeStage('before', z, census('relu', z.data), false)).toBe(
      'Pre-activations z = Wᵐ Hᵐ⁻¹ + bᵐ: 2 × 1 × 1 × 1, values from −1.5 to 2; 1 of 2 units (50%) dead, outside ReLU\'s active zone z > 0.',
    );
  });
});
