import { describe, expect, it } from 'vitest';
import { colorAt, cssGradient, paintRGBA, paintValues, NON_FINITE_RGB } from '../../../src/viz/paint/index.ts';

describe('paintValues', () => {
  it('writes three floats per value from the map over the domain', () => {
    const rgb = paintValues([0, 5, 10], [0, 10], 'viridis');
    expect(rgb).toHaveLength(9);
    expect(Array.from(rgb.subarray(0, 3))).toEqual(colorAt('viridis', 0).map(Math.fround));
    expect(Array.from(rgb.subarray(6, 9))).toEqual(colorAt('viridis', 1).map(Math.fround));
  });

  it('paints 0 with the neutral colour of the diverging map', () => {
    const rgb = paintValues([0], [-3, 1], 'diverging');
    expect(Array.from(rgb)).toEqual(colorAt('diverging', 0.5).map(Math.fround));
  });

  it('reuses the output buffer when it is large enough', () => {
    const out = new Float32Array(12);
    expect(paintValues([1, 2], [0, 2], 'cividis', out)).toBe(out);
    expect(paintValues([1, 2, 3, 4, 5], [0, 2], 'cividis', out)).not.toBe(out);
  });

  it('greys out non-finite values instead of giving them an end colour', () => {
    const rgb = paintValues([Number.NaN, Infinity], [0, 1], 'viridis');
    expect(Array.from(rgb)).toEqual([...NON_FINITE_RGB, ...NON_FINITE_RGB].map(Math.fround));
  });
});

describe('paintRGBA', () => {
  it('writes opaque bytes for finite values and half-transparent grey for NaN', () => {
    const rgba = paintRGBA([1, Number.NaN], [0, 1], 'viridis');
    expect(Array.from(rgba.subarray(0, 4))).toEqual([0xfd, 0xe7, 0x25, 255]);
    expect(rgba[7]).toBe(128);
  });
});

describe('cssGradient', () => {
  it('lists evenly spaced stops from the first to the last colour', () => {
    const g = cssGradient('viridis', 'to top', 3);
    expect(g).toBe('linear-gradient(to top, rgb(68 1 84) 0.0%, rgb(33 145 140) 50.0%, rgb(253 231 37) 100.0%)');
  });
});
