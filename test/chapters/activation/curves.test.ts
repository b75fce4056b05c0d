import { describe, expect, it } from 'vitest';
import { activate, derivative } from '../../../src/nn/activation.ts';
import { activationCurves, allCurves, samplePositions } from '../../../chapters/04-activation/curves.ts';

describe('the curves of Figure 6', () => {
  it('samples an even grid plus 0 and the smallest step above it, in order', () => {
    const xs = samplePositions(-2, 2, 5);
    expect(xs).toEqual([-2, -1, 0, 1e-9, 1, 2]);
    expect(samplePositions(1, 2, 3)).toEqual([1, 1.5, 2]);
  });

  it('plots exactly what src/nn/activation.ts computes', () => {
    for (const c of allCurves([-8, 8])) {
      c.value.forEach((p) => expect(p.y).toBe(activate(c.kind, p.x)));
      c.slope.forEach((p) => expect(p.y).toBe(derivative(c.kind, p.x)));
    }
  });

  it("draws ReLU's jump upright: slope 0 at x = 0, 1 just above", () => {
    const { slope } = activationCurves('relu', [-1, 1], 5);
    const i = slope.findIndex((p) => p.x === 0);
    expect(slope[i]).toEqual({ x: 0, y: 0 });
    expect(slope[i + 1]).toEqual({ x: 1e-9, y: 1 });
  });
});
