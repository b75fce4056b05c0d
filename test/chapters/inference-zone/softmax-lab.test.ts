import { describe, expect, it } from 'vitest';
import { EXP_LIMIT, softmaxLab, toSliderScores } from '../../../chapters/07-inference-zone/softmax-lab.ts';

describe('the softmax lab', () => {
  it('gives probabilities that sum to 1 and follow the order of the scores', () => {
    const lab = softmaxLab([2, 1, 0.1, -1], 0);
    const p = lab.rows.map((r) => r.probability);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(p[0]).toBeCloseTo(Math.exp(2) / (Math.exp(2) + Math.exp(1) + Math.exp(0.1) + Math.exp(-1)), 14);
    expect([...p].sort((a, b) => b - a)).toEqual(p);
    expect(lab.rows.every((r) => r.exponent <= 0)).toBe(true);
    expect(lab.naive).not.toBeNull();
    expect(lab.naive![0]).toBeCloseTo(p[0]!, 14);
  });

  it('does not change when a constant is added to every score, up to the rounding of s + c', () => {
    for (const c of [-1000, -10, 7.5, 1000]) {
      const lab = softmaxLab([2, 1, 0.1, -1], c);
      expect(lab.shiftDifference).toBeLessThan(1e-12);
    }
  });

  it('stays finite for scores near 1000, where e^s computed directly overflows and the printed formula breaks down', () => {
    const lab = softmaxLab([2, 1, 0.1, -1], 1000);
    expect(lab.overflowing).toBe(4);
    expect(lab.naive).toBeNull();
    expect(lab.rows.every((r) => Number.isFinite(r.probability))).toBe(true);
    expect(EXP_LIMIT).toBeCloseTo(709.78, 2);
    const low = softmaxLab([2, 1, 0.1, -1], -1000);
    expect(low.underflowing).toBe(4);
    expect(low.naive).toBeNull();
    expect(low.rows[0]!.probability).toBeCloseTo(lab.rows[0]!.probability, 12);
  });

  it('rounds scores to what a slider holds', () => {
    expect(toSliderScores([1.234, -12, 10.04, 3.96], -10, 10, 0.1)).toEqual([1.2, -10, 10, 4]);
  });
});
