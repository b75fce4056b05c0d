/**
 * Loss surfaces on which the optimizers of eqs. 11-15 can be watched and
 * checked: each gives f(theta) and its gradient, pure functions.
 *
 *   quadratic    f = 1/2 theta^T A theta - b^T theta,  grad = A theta - b  (A symmetric, any size)
 *   rosenbrock   f = (a - x)^2 + b (y - x^2)^2, a curved valley, minimum (a, a^2)
 *   saddle       f = x^2 + y^4/4 - y^2/2, a saddle at the origin between minima (0, +-1)
 *   himmelblau   f = (x^2 + y - 11)^2 + (x + y^2 - 7)^2, four minima of value 0
 *
 * `objectiveFromSpec` reads the conformance form {"kind": "quadratic", "A", "b"}.
 */
import { ParamError, ShapeError, assertKind, assertNumber } from '../tensor/index.ts';

export type Point = readonly number[];

export interface Objective {
  readonly kind: string;
  /** Number of parameters theta. */
  readonly dimension: number;
  value(theta: ArrayLike<number>): number;
  /** The gradient at theta, written into `out` when given. */
  gradient(theta: ArrayLike<number>, out?: Float64Array): Float64Array;
  /** Known minima (markers on a contour plot); empty when none is known. */
  readonly minima: readonly Point[];
  /** Known saddle points. */
  readonly saddles: readonly Point[];
  /** A window that shows the interesting part of a 2D surface, [[xlo, xhi], [ylo, yhi]]. */
  readonly view?: readonly [readonly [number, number], readonly [number, number]];
}

function checkTheta(kind: string, theta: ArrayLike<number>, dimension: number): void {
  if (theta.length !== dimension) {
    throw new ShapeError(kind, `theta must hold ${dimension} values, got ${theta.length}`);
  }
}

function output(out: Float64Array | undefined, n: number, kind: string): Float64Array {
  if (!out) return new Float64Array(n);
  if (out.length !== n) throw new ShapeError(kind, `the gradient buffer must hold ${n} values, got ${out.length}`);
  return out;
}

/** Solves A x = b for a symmetric positive definite A (Cholesky); null when A is not positive definite. */
function solveSpd(A: readonly (readonly number[])[], b: readonly number[]): number[] | null {
  const n = b.length;
  const L = A.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i]![k]! * L[j]![k]!;
      if (i === j) {
        if (!(s > 0)) return null;
        L[i]![i] = Math.sqrt(s);
      } else {
        L[i]![j] = s / L[j]![j]!;
      }
    }
  }
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i]![k]! * y[k]!;
    y[i] = s / L[i]![i]!;
  }
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k]![i]! * x[k]!;
    x[i] = s / L[i]![i]!;
  }
  return x;
}

export function quadratic(A: readonly (readonly number[])[], b: readonly number[]): Objective {
  const kind = 'quadratic';
  if (!Array.isArray(b) || b.length < 1) throw new ParamError(kind, `b must be a non-empty list of numbers, got ${JSON.stringify(b)}`);
  const n = b.length;
  b.forEach((v, i) => assertNumber(kind, `b[${i}]`, v));
  if (!Array.isArray(A) || A.length !== n || A.some((row) => !Array.isArray(row) || row.length !== n)) {
    throw new ShapeError(kind, `A must be ${n} x ${n} to match b of length ${n}, got ${JSON.stringify(A)}`);
  }
  A.forEach((row: readonly number[], i) => row.forEach((v, j) => assertNumber(kind, `A[${i}][${j}]`, v)));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const u = A[i]![j]!;
      const l = A[j]![i]!;
      if (Math.abs(u - l) > 1e-12 * Math.max(1, Math.abs(u), Math.abs(l))) {
        throw new ParamError(kind, `A must be symmetric for grad = A theta - b, got A[${i}][${j}] = ${u}, A[${j}][${i}] = ${l}`);
      }
    }
  }
  const minimum = solveSpd(A, b);
  return {
    kind,
    dimension: n,
    minima: minimum ? [minimum] : [],
    saddles: [],
    value(theta) {
      checkTheta(kind, theta, n);
      let f = 0;
      for (let i = 0; i < n; i++) {
        let Ai = 0;
        for (let j = 0; j < n; j++) Ai += A[i]![j]! * theta[j]!;
        f += 0.5 * theta[i]! * Ai - b[i]! * theta[i]!;
      }
      return f;
    },
    gradient(theta, out) {
      checkTheta(kind, theta, n);
      const g = output(out, n, kind);
      for (let i = 0; i < n; i++) {
        let s = -b[i]!;
        for (let j = 0; j < n; j++) s += A[i]![j]! * theta[j]!;
        g[i] = s;
      }
      return g;
    },
  };
}

export function rosenbrock(a = 1, b = 100): Objective {
  const kind = 'rosenbrock';
  assertNumber(kind, 'a', a);
  assertNumber(kind, 'b', b, { lo: 0 });
  return {
    kind,
    dimension: 2,
    minima: [[a, a * a]],
    saddles: [],
    view: [
      [-2, 2],
      [-1, 3],
    ],
    value(theta) {
      checkTheta(kind, theta, 2);
      const x = theta[0]!;
      const y = theta[1]!;
      return (a - x) ** 2 + b * (y - x * x) ** 2;
    },
    gradient(theta, out) {
      checkTheta(kind, theta, 2);
      const g = output(out, 2, kind);
      const x = theta[0]!;
      const y = theta[1]!;
      g[0] = -2 * (a - x) - 4 * b * x * (y - x * x);
      g[1] = 2 * b * (y - x * x);
      return g;
    },
  };
}

export function saddle(): Objective {
  const kind = 'saddle';
  return {
    kind,
    dimension: 2,
    minima: [
      [0, -1],
      [0, 1],
    ],
    saddles: [[0, 0]],
    view: [
      [-1.5, 1.5],
      [-1.8, 1.8],
    ],
    value(theta) {
      checkTheta(kind, theta, 2);
      const x = theta[0]!;
      const y = theta[1]!;
      return x * x + (y * y * y * y) / 4 - (y * y) / 2;
    },
    gradient(theta, out) {
      checkTheta(kind, theta, 2);
      const g = output(out, 2, kind);
      const y = theta[1]!;
      g[0] = 2 * theta[0]!;
      g[1] = y * y * y - y;
      return g;
    },
  };
}

export function himmelblau(): Objective {
  const kind = 'himmelblau';
  return {
    kind,
    dimension: 2,
    minima: [
      [3, 2],
      [-2.805118, 3.131312],
      [-3.77931, -3.283186],
      [3.584428, -1.848126],
    ],
    saddles: [],
    view: [
      [-5, 5],
      [-5, 5],
    ],
    value(theta) {
      checkTheta(kind, theta, 2);
      const x = theta[0]!;
      const y = theta[1]!;
      return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2;
    },
    gradient(theta, out) {
      checkTheta(kind, theta, 2);
      const g = output(out, 2, kind);
      const x = theta[0]!;
      const y = theta[1]!;
      const u = x * x + y - 11;
      const v = x + y * y - 7;
      g[0] = 4 * x * u + 2 * v;
      g[1] = 2 * u + 4 * y * v;
      return g;
    },
  };
}

export const OBJECTIVE_KINDS = ['quadratic', 'rosenbrock', 'saddle', 'himmelblau'] as const;

/** An objective from its JSON description (the conformance `objective` field). */
export function objectiveFromSpec(spec: unknown): Objective {
  if (typeof spec !== 'object' || spec === null) {
    throw new ParamError('objective', `an objective must be an object with a kind, got ${JSON.stringify(spec)}`);
  }
  const s = spec as Record<string, unknown>;
  const kind = assertKind('objective', 'objective kind', s.kind, OBJECTIVE_KINDS);
  switch (kind) {
    case 'quadratic':
      return quadratic(s.A as number[][], s.b as number[]);
    case 'rosenbrock':
      return rosenbrock((s.a as number | undefined) ?? 1, (s.b as number | undefined) ?? 100);
    case 'saddle':
      return saddle();
    case 'himmelblau':
      return himmelblau();
  }
}
