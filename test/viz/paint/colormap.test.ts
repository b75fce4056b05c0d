import { describe, expect, it } from 'vitest';
import { colorAt, colormap, luminance, normalizeValue, NON_FINITE_RGB, rgbCss, textColorOn } from '../../../src/viz/paint/index.ts';

const hex = (rgb: readonly number[]) => rgb.map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('');

describe('colorAt', () => {
  it('hits the published end colours of viridis and cividis', () => {
    expect(hex(colorAt('viridis', 0))).toBe('440154');
    expect(hex(colorAt('viridis', 1))).toBe('fde725');
    expect(hex(colorAt('cividis', 0))).toBe('002051');
  });

  it('puts a near-white neutral at the centre of the diverging map, blue below and orange above', () => {
    const mid = colorAt('diverging', 0.5);
    expect(Math.min(...mid)).toBeGreaterThan(0.9);
    const [r0, , b0] = colorAt('diverging', 0);
    const [r1, , b1] = colorAt('diverging', 1);
    expect(b0).toBeGreaterThan(r0);
    expect(r1).toBeGreaterThan(b1);
  });

  it('darkens both arms of the diverging map at the same rate, so |value| reads as lightness', () => {
    for (const t of [0.05, 0.2, 0.35]) {
      expect(luminance(colorAt('diverging', 0.5 - t))).toBeCloseTo(luminance(colorAt('diverging', 0.5 + t)), 1);
    }
  });

  it('increases monotonically in luminance along the sequential maps', () => {
    for (const name of ['viridis', 'cividis'] as const) {
      let prev = -1;
      for (let i = 0; i <= 20; i++) {
        const l = luminance(colorAt(name, i / 20));
        expect(l).toBeGreaterThan(prev);
        prev = l;
      }
    }
  });

  it('clamps t outside [0, 1] and greys out a non-finite t', () => {
    expect(colorAt('viridis', -3)).toEqual(colorAt('viridis', 0));
    expect(colorAt('viridis', 7)).toEqual(colorAt('viridis', 1));
    expect(colorAt('viridis', Number.NaN)).toEqual([...NON_FINITE_RGB]);
  });

  it('interpolates between stops and writes into the array it is given', () => {
    const out: [number, number, number] = [0, 0, 0];
    const a = colorAt('viridis', 0.5 / 64, out);
    expect(a).toBe(out);
    const lo = colorAt('viridis', 0);
    const hi = colorAt('viridis', 1 / 64);
    for (let k = 0; k < 3; k++) expect(a[k]).toBeCloseTo((lo[k]! + hi[k]!) / 2, 6);
  });

  it('names the unknown map it was asked for', () => {
    expect(() => colormap('jet' as never)).toThrow(/unknown map "jet"/);
  });
});

describe('normalizeValue', () => {
  it('stretches a sequential domain linearly', () => {
    expect(normalizeValue(2, [0, 4], 'sequential')).toBe(0.5);
    expect(normalizeValue(0, [0, 4], 'sequential')).toBe(0);
  });

  it('keeps 0 at the centre of a diverging map even for a lopsided domain', () => {
    expect(normalizeValue(0, [-0.2, 1], 'diverging')).toBe(0.5);
    expect(normalizeValue(1, [-0.2, 1], 'diverging')).toBe(1);
    expect(normalizeValue(-0.2, [-0.2, 1], 'diverging')).toBeCloseTo(0.4);
  });

  it('maps a degenerate domain to the middle and a NaN to NaN', () => {
    expect(normalizeValue(3, [3, 3], 'sequential')).toBe(0.5);
    expect(normalizeValue(0, [0, 0], 'diverging')).toBe(0.5);
    expect(normalizeValue(Number.NaN, [0, 1], 'sequential')).toBeNaN();
  });
});

describe('text on colours', () => {
  it('chooses white text on dark viridis and black text on bright viridis', () => {
    expect(textColorOn(colorAt('viridis', 0))).toBe('#ffffff');
    expect(textColorOn(colorAt('viridis', 1))).toBe('#000000');
  });

  it('formats CSS rgb() with clamped bytes', () => {
    expect(rgbCss([1, 0.5, -1])).toBe('rgb(255, 128, 0)');
  });
});
