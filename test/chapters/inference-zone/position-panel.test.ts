import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/tensor/tensor.ts';
import { positionTex, texNumber } from '../../../chapters/07-inference-zone/position-panel.ts';
import { positionStep } from '../../../chapters/07-inference-zone/unrolling.ts';

describe('the unrolling formula with its numbers', () => {
  it('writes the position of the cell and the value it carries', () => {
    const hM = tensor([1, 3, 3, 3, 4], Array.from({ length: 108 }, (_, i) => i / 100));
    const tex = positionTex(positionStep(hM, 41));
    expect(tex).toContain(String.raw`((1 \cdot 3 + 0) \cdot 3 + 1) \cdot 4 + 1 = 41`);
    expect(tex).toContain(String.raw`H^M}_{1,0,1,1} = 0.41`);
  });

  it('writes the page\'s numbers as TeX, exponents as powers of ten', () => {
    expect(texNumber('\u22124.2e\u22125')).toBe(String.raw`-4.2 \times 10^{-5}`);
    expect(texNumber('2.5e7')).toBe(String.raw`2.5 \times 10^{7}`);
    expect(texNumber('\u22120.523')).toBe('-0.523');
  });
});
