/**
 * The truncated normal the tutorial draws its weights from (§2.3): a normal
 * with mean mu and standard deviation sigma, kept only inside
 * [mu - cut sigma, mu + cut sigma] and renormalised by the mass it keeps
 * there. Its density, its mass, its standard deviation, and the summary of a
 * drawn sample, for the chapter's histogram. Pure: no DOM.
 */
import { createRng } from '../../src/tensor/rng.ts';
import { truncatedNormalTensor } from '../../src/tensor/init.ts';

/** erf(x), Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7). */
export function erf(x: number): number {
  const s = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return s * y;
}

/** Standard normal density. */
export function phi(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** Probability that a standard normal falls inside [-cut, cut] (0.9545 at cut = 2). */
export function keptMass(cut: number): number {
  return erf(cut / Math.SQRT2);
}

/** Density of the truncated normal at x: 0 outside the cut, phi / (sigma * mass) inside. */
export function truncatedDensity(x: number, mu: number, sigma: number, cut: number): number {
  const z = (x - mu) / sigma;
  if (Math.abs(z) > cut) return 0;
  return phi(z) / (sigma * keptMass(cut));
}

/** Standard deviation of the truncated normal: sigma * sqrt(1 - 2 c phi(c) / mass(c)). */
export function truncatedStd(sigma: number, cut: number): number {
  return sigma * Math.sqrt(Math.max(0, 1 - (2 * cut * phi(cut)) / keptMass(cut)));
}

export interface DensityCurve {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** The density over [mu - span, mu + span], with vertical drops at the cut-offs. */
export function densityCurve(mu: number, sigma: number, cut: number, span: number, points = 161): DensityCurve {
  const xs: number[] = [];
  const ys: number[] = [];
  const lo = mu - cut * sigma;
  const hi = mu + cut * sigma;
  for (let i = 0; i < points; i++) {
    const x = mu - span + (2 * span * i) / (points - 1);
    if (x > lo && xs.length > 0 && xs[xs.length - 1]! < lo) {
      xs.push(lo, lo);
      ys.push(0, truncatedDensity(lo, mu, sigma, cut));
    }
    if (x > hi && xs[xs.length - 1]! < hi) {
      xs.push(hi, hi);
      ys.push(truncatedDensity(hi, mu, sigma, cut), 0);
    }
    xs.push(x);
    ys.push(truncatedDensity(x, mu, sigma, cut));
  }
  return { x: Float64Array.from(xs), y: Float64Array.from(ys) };
}

export interface WeightSample {
  readonly values: Float64Array;
  readonly mean: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** Values outside the cut-offs: always 0, since the draw redraws them. */
  readonly outside: number;
}

/** n weights drawn by the model code's truncatedNormalTensor from a seeded generator. */
export function drawWeights(n: number, seed: number, sigma: number, cut: number): WeightSample {
  const w = truncatedNormalTensor([n], createRng(seed), { mean: 0, sigma, cut });
  const values = Float64Array.from(w.data);
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let outside = 0;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (Math.abs(v) > cut * sigma * (1 + 1e-12)) outside++;
  }
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  return { values, mean, std: Math.sqrt(ss / n), min, max, outside };
}
