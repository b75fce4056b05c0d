/** The loss surfaces: gradients against finite differences, known stationary points, refusals. */
import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../src/tensor/index.ts';
import { himmelblau, objectiveFromSpec, quadratic, rosenbrock, saddle, type Objective } from '../../src/optim/index.ts';
import { expectClose } from '../support/tolerance.ts';
import { seeded } from '../support/random.ts';

const A = [
  [3, 0.4],
  [0.4, 0.5],
];

function numericGradient(f: Objective, theta: number[], h = 1e-6): number[] {
  return theta.map((_, i) => {
    const plus = [...theta];
    const minus = [...theta];
    plus[i]! += h;
    minus[i]! -= h;
    return (f.value(plus) - f.value(minus)) / (2 * h);
  });
}

const surfaces: [string, Objective][] = [
  ['quadratic', quadratic(A, [1, -2])],
  ['quadratic 3D', quadratic([[2, 0, 1], [0, 1, 0], [1, 0, 3]], [1, 2, 3])],
  ['rosenbrock', rosenbrock()],
  ['saddle', saddle()],
  ['himmelblau', himmelblau()],
];

describe.each(surfaces)('%s', (_, f) => {
  it('has the gradient of its value', () => {
    const rng = seeded(11);
    for (let k = 0; k < 10; k++) {
      const theta = Array.from({ length: f.dimension }, () => 4 * rng.next() - 2);
      expectClose(f.gradient(theta), numericGradient(f, theta), { atol: 1e-5, rtol: 1e-6 });
    }
  });

  it('has a zero gradient at its listed minima and saddles', () => {
    for (const p of [...f.minima, ...f.saddles]) expectClose(f.gradient(p), new Array(f.dimension).fill(0), { atol: 1e-4, rtol: 0 });
  });

  it('refuses a theta of the wrong length', () => {
    expect(() => f.value(new Array(f.dimension + 1).fill(0))).toThrow(`${f.kind}: theta must hold ${f.dimension} values`);
  });
});

describe('quadratic', () => {
  it('gives f = 1/2 theta^T A theta - b^T theta and its minimum A^-1 b', () => {
    const f = quadratic(A, [1, -2]);
    expect(f.value([-2, 1.5])).toBeCloseTo(0.5 * (-2 * -5.4 + 1.5 * -0.05) - (-2 - 3), 12);
    const det = 3 * 0.5 - 0.4 * 0.4;
    expectClose(f.minima[0]!, [(0.5 * 1 - 0.4 * -2) / det, (3 * -2 - 0.4 * 1) / det]);
  });

  it('lists no minimum when A is not positive definite', () => {
    expect(quadratic([[1, 0], [0, -1]], [0, 0]).minima).toEqual([]);
  });

  it('writes the gradient into a given buffer', () => {
    const out = new Float64Array(2);
    expect(quadratic(A, [1, -2]).gradient([-2, 1.5], out)).toBe(out);
    expectClose(out, [-6.4, 1.95]);
  });

  it.each<[unknown, unknown, string, RegExp]>([
    [[[1, 2], [3, 4]], [0, 0], 'param', /quadratic: A must be symmetric/],
    [[[1, 0], [0, 1]], [0, 0, 0], 'shape', /quadratic: A must be 3 x 3 to match b of length 3/],
    [[[1, 0], [0, 1]], [0, Number.NaN], 'param', /quadratic: b\[1\] must be a finite number/],
    [[[1, Infinity], [0, 1]], [0, 0], 'param', /quadratic: A\[0\]\[1\] must be a finite number/],
    [[[1]], [], 'param', /quadratic: b must be a non-empty list/],
  ])('refuses A = %j, b = %j', (a, b, category, message) => {
    try {
      quadratic(a as number[][], b as number[]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AtlasError);
      expect((e as AtlasError).category).toBe(category);
      expect((e as Error).message).toMatch(message);
    }
  });
});

describe('objectiveFromSpec', () => {
  it('reads the conformance form', () => {
    expect(objectiveFromSpec({ kind: 'quadratic', A, b: [1, -2] }).dimension).toBe(2);
    expect(objectiveFromSpec({ kind: 'rosenbrock', a: 2, b: 10 }).minima).toEqual([[2, 4]]);
    expect(objectiveFromSpec({ kind: 'rosenbrock' }).value([1, 1])).toBe(0);
  });

  it('refuses an unknown kind or a non-object', () => {
    expect(() => objectiveFromSpec({ kind: 'beale' })).toThrow(/objective: unknown objective kind "beale"/);
    expect(() => objectiveFromSpec(3)).toThrow(/objective: an objective must be an object/);
  });
});
