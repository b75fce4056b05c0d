/**
 * An optimizer's path over a loss surface (eqs. 11-15 iterated from zero
 * state): theta_0, theta_1, ..., theta_steps and f at each. The run stops
 * early, with a message, when the gradient or theta stops being finite.
 */
import { ShapeError, assertCount } from '../tensor/index.ts';
import { firstNonFinite } from './divergence.ts';
import type { Objective } from './objectives.ts';
import type { Optimizer } from './optimizer.ts';

export interface Trajectory {
  /** Row-major [points, dimension]: theta before the first step, then after each step taken. */
  readonly points: Float64Array;
  readonly dimension: number;
  /** f(theta) at each point. */
  readonly values: Float64Array;
  /** Steps actually taken (fewer than asked when the run diverged). */
  readonly steps: number;
  /** Why the run stopped early, or null. */
  readonly diverged: string | null;
}

export function runTrajectory(optimizer: Optimizer, objective: Objective, theta0: ArrayLike<number>, steps: number): Trajectory {
  assertCount(optimizer.config.kind, 'steps', steps, 0);
  const p = objective.dimension;
  if (theta0.length !== p) {
    throw new ShapeError(objective.kind, `theta0 must hold ${p} values, got ${theta0.length}`);
  }
  const theta = Float64Array.from(theta0);
  const grad = new Float64Array(p);
  const state = optimizer.init(p);
  const points = new Float64Array((steps + 1) * p);
  const values = new Float64Array(steps + 1);
  points.set(theta, 0);
  values[0] = objective.value(theta);
  let diverged: string | null = null;
  let taken = 0;
  for (; taken < steps; taken++) {
    objective.gradient(theta, grad);
    if (firstNonFinite(grad) >= 0) {
      diverged = `the gradient is no longer finite at step ${taken + 1}; lower the learning rate`;
      break;
    }
    optimizer.step(theta, grad, state);
    if (firstNonFinite(theta) >= 0) {
      diverged = `theta left the finite numbers at step ${taken + 1}; lower the learning rate`;
      break;
    }
    points.set(theta, (taken + 1) * p);
    values[taken + 1] = objective.value(theta);
  }
  return {
    points: points.slice(0, (taken + 1) * p),
    dimension: p,
    values: values.slice(0, taken + 1),
    steps: taken,
    diverged,
  };
}
