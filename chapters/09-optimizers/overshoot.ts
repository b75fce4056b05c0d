/**
 * Momentum's overshoot, measured: how far a run gets PAST the minimum it
 * heads for. Along the line from the start to that minimum (the known
 * minimum nearest the run's last point), the signed distance
 *   s_t = (theta_t - theta*) . u,   u = (theta_0 - theta*) / |theta_0 - theta*|,
 * starts at |theta_0 - theta*| and is 0 at the minimum; a negative s_t is the
 * run on the far side. The overshoot is the most negative s_t.
 */
import type { Objective } from '../../src/optim/index.ts';
import type { Run } from './race.ts';
import { nearestMinimum } from './surfaces.ts';

export interface Approach {
  /** The minimum the run heads for. */
  readonly target: readonly [number, number];
  /** s_t for t = 0..steps. */
  readonly s: Float64Array;
  /** |theta_0 - theta*|. */
  readonly distance: number;
  /** The farthest point past the minimum, or null when the run never passes it. */
  readonly overshoot: {
    readonly t: number;
    /** How far past, along u (positive). */
    readonly by: number;
    readonly point: readonly [number, number];
    /** The first stretch of updates spent past the minimum: [first, last]. */
    readonly from: number;
    readonly to: number;
  } | null;
}

/** Passing the minimum by less than this share of the approach is rounding, not an overshoot. */
const NEGLIGIBLE = 1e-3;

export function approach(run: Run, objective: Objective): Approach | null {
  const n = run.steps;
  const last: [number, number] = [run.points[2 * n]!, run.points[2 * n + 1]!];
  const target = nearestMinimum(objective, last);
  if (!target) return null;
  const ux = run.points[0]! - target[0];
  const uy = run.points[1]! - target[1];
  const distance = Math.hypot(ux, uy);
  if (!(distance > 0)) return null;
  const s = new Float64Array(n + 1);
  for (let t = 0; t <= n; t++) s[t] = ((run.points[2 * t]! - target[0]) * ux + (run.points[2 * t + 1]! - target[1]) * uy) / distance;
  let worst = -1;
  for (let t = 0; t <= n; t++) if (s[t]! < -NEGLIGIBLE * distance && (worst < 0 || s[t]! < s[worst]!)) worst = t;
  if (worst < 0) return { target, s, distance, overshoot: null };
  let from = 0;
  while (!(s[from]! < 0)) from++;
  let to = from;
  while (to + 1 <= n && s[to + 1]! < 0) to++;
  return {
    target,
    s,
    distance,
    overshoot: { t: worst, by: -s[worst]!, point: [run.points[2 * worst]!, run.points[2 * worst + 1]!], from, to },
  };
}
