import { describe, expect, it } from 'vitest';
import { srgbToLinear } from '../../../src/viz/three/srgb.ts';

describe('srgbToLinear', () => {
  it('matches the sRGB transfer function within 1e-4', () => {
    for (let i = 0; i <= 100; i++) {
      const c = i / 100;
      const exact = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      expect(Math.abs(srgbToLinear(c) - exact)).toBeLessThan(1e-4);
    }
  });

  it('clamps outside [0, 1]', () => {
    expect(srgbToLinear(-1)).toBe(0);
    expect(srgbToLinear(2)).toBeCloseTo(1, 6);
  });
});
