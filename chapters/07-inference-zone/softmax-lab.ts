/**
 * The softmax of eq. 8 on scores the reader sets, through the core's softmax
 * (src/nn/softmax.ts): the probabilities of s_k and of s_k + c, how far apart
 * they are, and what the formula as printed, e^{s_k} / sum_c e^{s_c}, would
 * do in double precision without the core's subtraction of the largest
 * score: e^{s} is beyond the largest double (about 1.8e308) once s > 709.78,
 * and Infinity / Infinity is not a number; below s = -745 it rounds to 0, and
 * 0 / 0 is not a number either. No DOM.
 */
import * as softmax from '../../src/nn/softmax.ts';
import { tensor } from '../../src/tensor/tensor.ts';

/** The largest s with a finite e^s in double precision: ln(Number.MAX_VALUE). */
export const EXP_LIMIT = Math.log(Number.MAX_VALUE);

export interface ClassRow {
  /** k, from 1. */
  readonly k: number;
  /** s_k + c, what the softmax is given. */
  readonly score: number;
  /** s_k + c - max_c (s_c + c): the exponent the core takes, never above 0. */
  readonly exponent: number;
  /** e^{exponent}, in (0, 1]. */
  readonly term: number;
  /** p-hat(k), from the core. */
  readonly probability: number;
  /** e^{s_k + c} computed directly: Infinity when it overflows. */
  readonly naiveExp: number;
}

export interface SoftmaxLab {
  readonly rows: readonly ClassRow[];
  readonly shift: number;
  readonly max: number;
  /** sum_c e^{s_c + c - max}. */
  readonly sum: number;
  /** p-hat of the scores without the shift. */
  readonly unshifted: readonly number[];
  /** Largest |p-hat(s + c) - p-hat(s)| over the classes: rounding of s + c, nothing more. */
  readonly shiftDifference: number;
  /** How many e^{s_k + c} overflow (Infinity) when computed directly. */
  readonly overflowing: number;
  /** How many underflow to 0 when computed directly. */
  readonly underflowing: number;
  /** The printed formula without the max subtracted: finite probabilities, or null when it breaks down. */
  readonly naive: readonly number[] | null;
}

function probabilities(scores: readonly number[]): number[] {
  return Array.from(softmax.forward({ x: tensor([1, scores.length], scores) }).y.data);
}

/** The softmax of `scores` + `shift`, and what it is compared with. */
export function softmaxLab(scores: readonly number[], shift: number): SoftmaxLab {
  const shifted = scores.map((s) => s + shift);
  const p = probabilities(shifted);
  const unshifted = probabilities(scores);
  const max = Math.max(...shifted);
  const terms = shifted.map((s) => Math.exp(s - max));
  const sum = terms.reduce((a, b) => a + b, 0);
  const naiveExp = shifted.map((s) => Math.exp(s));
  const naiveSum = naiveExp.reduce((a, b) => a + b, 0);
  const naive = naiveExp.map((e) => e / naiveSum);
  return {
    rows: shifted.map((score, i) => ({ k: i + 1, score, exponent: score - max, term: terms[i]!, probability: p[i]!, naiveExp: naiveExp[i]! })),
    shift,
    max,
    sum,
    unshifted,
    shiftDifference: Math.max(...p.map((v, i) => Math.abs(v - unshifted[i]!))),
    overflowing: naiveExp.filter((e) => !Number.isFinite(e)).length,
    underflowing: naiveExp.filter((e) => e === 0).length,
    naive: naive.every(Number.isFinite) ? naive : null,
  };
}

/** Scores a slider can hold: each rounded to `step` and kept in [lo, hi]. */
export function toSliderScores(scores: ArrayLike<number>, lo: number, hi: number, step: number): number[] {
  return Array.from(scores, (s) => {
    const clamped = Math.min(hi, Math.max(lo, s));
    return Number((Math.round(clamped / step) * step).toFixed(6));
  });
}
