/**
 * The colour maps and series colours read for colour-blind readers too.
 * Simulation: Machado, Oliveira & Fernandes (2009), full severity, applied in
 * linear sRGB; differences: CIE76 ΔE*ab in CIELAB (D65).
 * - Sequential maps (viridis, cividis): lightness L* rises strictly along the
 *   map, with normal vision and under protanopia, deuteranopia and tritanopia,
 *   and spans at least 60 L* units, so order reads as light without hue.
 * - The diverging map: lightest at its centre (0), darkening strictly along
 *   both arms, and the two arms at equal |value| stay ≥ 30 ΔE apart (blue and
 *   orange) under every simulation.
 * - Series colours: every pair ≥ 20 ΔE apart with normal vision and ≥ 15 ΔE
 *   under every simulation (15 is well above the ~2.3 ΔE "just noticeable"
 *   difference; it is where lines on a chart are told apart at a glance).
 */
import { describe, expect, it } from 'vitest';
import { SERIES_COLORS, colorAt } from '../../../src/viz/paint/index.ts';

type Rgb = readonly [number, number, number];
type Matrix = readonly [Rgb, Rgb, Rgb];

const SIMULATIONS: Readonly<Record<string, Matrix | null>> = {
  normal: null,
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

const toLinear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toGamma = (c: number): number => {
  const x = Math.min(1, Math.max(0, c));
  return x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055;
};

function simulate(rgb: Rgb, m: Matrix | null): Rgb {
  if (!m) return rgb;
  const l = rgb.map(toLinear);
  const row = (r: Rgb): number => toGamma(r[0] * l[0]! + r[1] * l[1]! + r[2] * l[2]!);
  return [row(m[0]), row(m[1]), row(m[2])];
}

function lab(rgb: Rgb): Rgb {
  const [r, g, b] = rgb.map(toLinear) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deltaE = (a: Rgb, b: Rgb): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const hexRgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as unknown as Rgb;
const SAMPLES = 64;
const lightness = (map: 'viridis' | 'cividis' | 'diverging', m: Matrix | null): number[] =>
  Array.from({ length: SAMPLES + 1 }, (_, i) => lab(simulate(colorAt(map, i / SAMPLES), m))[0]);

describe.each(Object.entries(SIMULATIONS))('colours seen with %s vision', (vision, m) => {
  it.each(['viridis', 'cividis'] as const)('%s grows strictly lighter from low to high', (map) => {
    const l = lightness(map, m);
    for (let i = 1; i < l.length; i++) expect(l[i]!, `${map} at ${i}/${SAMPLES}`).toBeGreaterThan(l[i - 1]!);
    expect(l[SAMPLES]! - l[0]!).toBeGreaterThanOrEqual(60);
  });

  it('the diverging map is lightest at 0 and darkens strictly along both arms, which stay apart', () => {
    const l = lightness('diverging', m);
    const centre = SAMPLES / 2;
    for (let i = 1; i <= centre; i++) expect(l[i]!, `low arm at ${i}`).toBeGreaterThan(l[i - 1]!);
    for (let i = centre + 1; i <= SAMPLES; i++) expect(l[i]!, `high arm at ${i}`).toBeLessThan(l[i - 1]!);
    for (let i = 0; i < centre - 8; i++) {
      const low = lab(simulate(colorAt('diverging', i / SAMPLES), m));
      const high = lab(simulate(colorAt('diverging', 1 - i / SAMPLES), m));
      expect(deltaE(low, high), `|t - 0.5| = ${(0.5 - i / SAMPLES).toFixed(3)}`).toBeGreaterThanOrEqual(30);
    }
  });

  it('every two series colours stay apart', () => {
    const threshold = vision === 'normal' ? 20 : 15;
    const colours = SERIES_COLORS.map((hex) => lab(simulate(hexRgb(hex), m)));
    for (let i = 0; i < colours.length; i++) {
      for (let j = i + 1; j < colours.length; j++) {
        expect(deltaE(colours[i]!, colours[j]!), `${SERIES_COLORS[i]} against ${SERIES_COLORS[j]}`).toBeGreaterThanOrEqual(threshold);
      }
    }
  });
});

describe('the simulation itself', () => {
  it('keeps white white and greys grey, and merges red and green for a deuteranope', () => {
    for (const m of Object.values(SIMULATIONS)) {
      const white = simulate([1, 1, 1], m);
      white.forEach((c) => expect(c).toBeCloseTo(1, 2));
    }
    const red = lab(simulate([0.8, 0.3, 0.2], SIMULATIONS.deuteranopia!));
    const green = lab(simulate([0.45, 0.55, 0.2], SIMULATIONS.deuteranopia!));
    expect(deltaE(lab([0.8, 0.3, 0.2]), lab([0.45, 0.55, 0.2]))).toBeGreaterThan(40);
    expect(deltaE(red, green)).toBeLessThan(15);
  });
});
