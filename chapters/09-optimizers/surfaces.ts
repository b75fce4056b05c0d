/**
 * The four loss surfaces of the race, from src/optim/objectives.ts: an
 * elongated quadratic bowl, Rosenbrock's valley, a saddle and Himmelblau's
 * four minima. Each has a window to draw, a start where its lesson shows, and
 * learning rates that suit it (the paper's values are the page's defaults;
 * these are a preset). Also: the window widened to hold a start the reader
 * picked outside it, and f sampled on a grid for the contour map and the 3D
 * surface (the views only draw the samples).
 */
import { himmelblau, quadratic, rosenbrock, saddle, type Objective } from '../../src/optim/index.ts';
import type { OptimizerKind } from '../../src/optim/index.ts';
import type { SurfaceGrid } from '../../src/viz/charts/index.ts';

export const SURFACE_KEYS = ['bowl', 'rosenbrock', 'saddle', 'himmelblau'] as const;
export type SurfaceKey = (typeof SURFACE_KEYS)[number];

export type Window = readonly [readonly [number, number], readonly [number, number]];

export interface Surface {
  readonly key: SurfaceKey;
  /** For the select: 'Elongated bowl'. */
  readonly label: string;
  /** In sentences: 'the elongated quadratic bowl'. */
  readonly name: string;
  /** The formula in TeX, for the caption under the select. */
  readonly tex: string;
  readonly objective: Objective;
  readonly window: Window;
  readonly start: readonly [number, number];
  /** The lowest value of f (at its minima). */
  readonly fStar: number;
  /** log10 of alpha per optimizer, and the updates, that make a good race on this surface. */
  readonly tuned: { readonly lr: Readonly<Record<OptimizerKind, number>>; readonly steps: number };
}

/**
 * f = (2 theta1^2 + 50 theta2^2) / 2: curvatures 2 and 50, so contours 5
 * times longer than wide. Small enough that the paper's alpha = 10^-3 of
 * RMSProp and Adam (a step of about alpha per update) crosses it in a few
 * hundred updates, while SGD's 10^-2 sees curvatures 0.02 and 0.5 (alpha
 * times curvature): it slides slowly along the floor; Momentum overshoots.
 */
const BOWL = quadratic(
  [
    [2, 0],
    [0, 50],
  ],
  [0, 0],
);

function lowest(objective: Objective): number {
  return Math.min(...objective.minima.map((p) => objective.value(p)));
}

function surface(spec: Omit<Surface, 'fStar'>): Surface {
  return { ...spec, fStar: lowest(spec.objective) };
}

const ROSENBROCK = rosenbrock();
const SADDLE = saddle();
const HIMMELBLAU = himmelblau();

export const SURFACES: Readonly<Record<SurfaceKey, Surface>> = {
  bowl: surface({
    key: 'bowl',
    label: 'Elongated bowl',
    name: 'the elongated quadratic bowl',
    tex: String.raw`L = \tfrac12\left(2\theta_1^2 + 50\,\theta_2^2\right)`,
    objective: BOWL,
    window: [
      [-0.4, 0.4],
      [-0.24, 0.24],
    ],
    start: [-0.3, 0.15],
    tuned: { lr: { sgd: -1.8, momentum: -2, adagrad: -1.2, rmsprop: -2, adam: -1.6 }, steps: 150 },
  }),
  rosenbrock: surface({
    key: 'rosenbrock',
    label: 'Rosenbrock valley',
    name: "Rosenbrock's curved valley",
    tex: String.raw`L = (1 - \theta_1)^2 + 100\left(\theta_2 - \theta_1^2\right)^2`,
    objective: ROSENBROCK,
    window: ROSENBROCK.view!,
    start: [-1.2, 1],
    tuned: { lr: { sgd: -2.6, momentum: -2.8, adagrad: -0.2, rmsprop: -2.4, adam: -1.2 }, steps: 1000 },
  }),
  saddle: surface({
    key: 'saddle',
    label: 'Saddle',
    name: 'the saddle',
    tex: String.raw`L = \theta_1^2 + \tfrac14\theta_2^4 - \tfrac12\theta_2^2`,
    objective: SADDLE,
    window: SADDLE.view!,
    start: [-1.2, 0.02],
    tuned: { lr: { sgd: -1, momentum: -1.6, adagrad: -0.6, rmsprop: -1.6, adam: -1.4 }, steps: 300 },
  }),
  himmelblau: surface({
    key: 'himmelblau',
    label: 'Several minima (Himmelblau)',
    name: "Himmelblau's surface with four minima",
    tex: String.raw`L = \left(\theta_1^2 + \theta_2 - 11\right)^2 + \left(\theta_1 + \theta_2^2 - 7\right)^2`,
    objective: HIMMELBLAU,
    window: HIMMELBLAU.view!,
    start: [-0.3, -0.5],
    tuned: { lr: { sgd: -2.2, momentum: -2.6, adagrad: -0.4, rmsprop: -1.6, adam: -0.6 }, steps: 300 },
  }),
};

/** The surface's window, widened (with a margin) when the start lies outside it, so the start is always drawn. */
export function windowFor(surface: Surface, start: readonly [number, number]): Window {
  const widen = ([lo, hi]: readonly [number, number], v: number): [number, number] => {
    const margin = 0.08 * (hi - lo);
    return [Math.min(lo, v - margin), Math.max(hi, v + margin)];
  };
  return [widen(surface.window[0], start[0]), widen(surface.window[1], start[1])];
}

/** Samples per axis of the drawn grid: enough for smooth contours, few enough to redraw in a frame. */
export const GRID_SAMPLES = 81;

/** f on a regular grid over the window, x fastest (paint/surface-grid.ts). */
export function sampleSurface(objective: Objective, window: Window, n = GRID_SAMPLES): SurfaceGrid {
  const [[x0, x1], [y0, y1]] = window;
  const values = new Float64Array(n * n);
  const theta = new Float64Array(2);
  for (let j = 0; j < n; j++) {
    theta[1] = y0 + ((y1 - y0) * j) / (n - 1);
    for (let i = 0; i < n; i++) {
      theta[0] = x0 + ((x1 - x0) * i) / (n - 1);
      values[j * n + i] = objective.value(theta);
    }
  }
  return { values, nx: n, ny: n, x: [x0, x1], y: [y0, y1] };
}

/** The known minimum nearest to a point (the ring on the contour map). */
export function nearestMinimum(objective: Objective, at: readonly [number, number]): readonly [number, number] | null {
  let best: readonly number[] | null = null;
  let distance = Infinity;
  for (const m of objective.minima) {
    const d = Math.hypot(m[0]! - at[0], m[1]! - at[1]);
    if (d < distance) {
      distance = d;
      best = m;
    }
  }
  return best ? [best[0]!, best[1]!] : null;
}

/**
 * sampleSurface over windowFor(surface, start), remembering the last grid: a start moved
 * inside the surface's window keeps the same window, so the same grid object, and the
 * contour map and the 3D surface (which redraw only for a new grid) keep their pictures.
 */
export function surfaceGrids(): (surface: Surface, start: readonly [number, number]) => SurfaceGrid {
  let last: { readonly surface: Surface; readonly key: string; readonly grid: SurfaceGrid } | null = null;
  return (surface, start) => {
    const window = windowFor(surface, start);
    const key = window.flat().join();
    if (last && last.surface === surface && last.key === key) return last.grid;
    const grid = sampleSurface(surface.objective, window);
    last = { surface, key, grid };
    return grid;
  };
}
