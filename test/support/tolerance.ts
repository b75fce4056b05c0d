/** Shared numeric assertions: the conformance rule |a - e| <= atol + rtol |e|, element-wise. */
import { expect } from 'vitest';
import type { Tensor } from '../../src/tensor/index.ts';

export interface Tolerance {
  atol: number;
  rtol: number;
}

export const TIGHT: Tolerance = { atol: 1e-10, rtol: 1e-8 };

/** First index where `actual` leaves the tolerance of `expected`, or -1. */
export function firstMismatch(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: Tolerance): number {
  if (actual.length !== expected.length) return 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (!(Math.abs(a - e) <= tol.atol + tol.rtol * Math.abs(e))) return i;
  }
  return -1;
}

export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: Tolerance = TIGHT): void {
  expect(actual.length).toBe(expected.length);
  const i = firstMismatch(actual, expected, tol);
  if (i >= 0) {
    throw new Error(`values differ at flat index ${i}: actual ${actual[i]}, expected ${expected[i]} (atol ${tol.atol}, rtol ${tol.rtol})`);
  }
}

export function expectTensorClose(actual: Tensor, expected: Tensor, tol: Tolerance = TIGHT): void {
  expect([...actual.shape]).toEqual([...expected.shape]);
  expectClose(actual.data, expected.data, tol);
}
