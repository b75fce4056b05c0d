/** Iterated eqs. 11-15: the shared conformance trajectories, and a divergent run stopped cleanly. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createOptimizer,
  firstBeyond,
  firstNonFinite,
  isDiverged,
  objectiveFromSpec,
  quadratic,
  runTrajectory,
  type OptimizerConfig,
} from '../../src/optim/index.ts';
import { expectClose } from '../support/tolerance.ts';
import { casesDirectory } from '../conformance/cases-dir.ts';

interface OptimizerCase {
  name: string;
  params: Record<string, unknown> & { steps: number; objective: unknown; eps_inside_sqrt?: boolean };
  inputs: { theta0: { data: number[] } };
  expected: { trajectory?: { shape: number[]; data: number[] }; error?: string };
}

const cases = (JSON.parse(readFileSync(`${casesDirectory()}/optimizer.json`, 'utf8')) as { cases: OptimizerCase[] }).cases;

describe('conformance trajectories', () => {
  it('covers every optimizer', () => {
    expect(new Set(cases.map((c) => c.params.kind))).toEqual(new Set(['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam']));
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const p = c.params;
    const config = { ...p, epsInsideSqrt: p.eps_inside_sqrt } as unknown as OptimizerConfig;
    const run = runTrajectory(createOptimizer(config), objectiveFromSpec(p.objective), c.inputs.theta0.data, p.steps);
    expect(run.diverged).toBeNull();
    expect([run.steps + 1, run.dimension]).toEqual(c.expected.trajectory!.shape);
    expectClose(run.points, c.expected.trajectory!.data, { atol: 1e-9, rtol: 1e-7 });
  });
});

describe('runTrajectory', () => {
  const f = quadratic(
    [
      [3, 0.4],
      [0.4, 0.5],
    ],
    [1, -2],
  );

  it('records theta_0 and f(theta_0) first, then every step', () => {
    const run = runTrajectory(createOptimizer({ kind: 'sgd', lr: 0.1 }), f, [-2, 1.5], 2);
    expect(run.steps).toBe(2);
    expect(run.points.length).toBe(6);
    expectClose(run.points.slice(0, 4), [-2, 1.5, -1.36, 1.305]);
    expect(run.values[0]).toBeCloseTo(f.value([-2, 1.5]), 14);
    expect(run.values[2]).toBeLessThan(run.values[0]!);
  });

  it('stops with a message, and finite points only, when the step size makes it diverge', () => {
    // lr = 1 > 2 / lambda_max(A): the iterates grow geometrically until they overflow
    const run = runTrajectory(createOptimizer({ kind: 'sgd', lr: 1 }), f, [-2, 1.5], 5000);
    expect(run.steps).toBeLessThan(5000);
    expect(run.diverged).toMatch(/no longer finite|left the finite numbers/);
    expect(run.diverged).toMatch(/lower the learning rate/);
    expect(isDiverged(run.points)).toBe(false);
    expect(run.points.length).toBe((run.steps + 1) * 2);
  });

  it('refuses a theta0 of the wrong length and a negative step count', () => {
    const opt = createOptimizer({ kind: 'sgd', lr: 0.1 });
    expect(() => runTrajectory(opt, f, [1, 2, 3], 3)).toThrow('quadratic: theta0 must hold 2 values, got 3');
    expect(() => runTrajectory(opt, f, [1, 2], -1)).toThrow('sgd: steps must be an integer of at least 0, got -1');
  });
});

describe('firstNonFinite / isDiverged', () => {
  it('finds the first NaN or infinite value', () => {
    expect(firstNonFinite([1, 2, 3])).toBe(-1);
    expect(firstNonFinite(Float64Array.of(0, Infinity, Number.NaN))).toBe(1);
    expect(isDiverged([0, -Infinity])).toBe(true);
    expect(isDiverged([])).toBe(false);
    expect(firstNonFinite([Number.MAX_VALUE, -Number.MAX_VALUE])).toBe(-1);
  });

  it('firstBeyond also stops at a ceiling below overflow (the model stops at 1e150)', () => {
    expect(firstBeyond([1e150, -1e150, 2e150], 1e150)).toBe(2);
    expect(firstBeyond([0, Number.NaN, 1e200], 1e150)).toBe(1);
    expect(firstBeyond([-Infinity], Number.MAX_VALUE)).toBe(0);
  });
});
