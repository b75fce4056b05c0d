/**
 * What the contour map and the 3D surface draw at update t: the sampled
 * surface, every run's path up to t, the start, the minimum nearest it, and
 * Momentum's overshoot once the race has reached it (a segment from the
 * minimum to the farthest point past it).
 */
import type { ContourData, SurfaceGrid } from '../../src/viz/charts/index.ts';
import type { SurfaceData, SurfaceTrajectory } from '../../src/viz/three/index.ts';
import type { Approach } from './overshoot.ts';
import { pathTo, type Run } from './race.ts';
import { nearestMinimum, type Surface } from './surfaces.ts';

export const OVERSHOOT_COLOR = '#f0e442';
export const OVERSHOOT_LABEL = 'Momentum’s overshoot';

export interface MapScene {
  readonly surface: Surface;
  readonly start: readonly [number, number];
  readonly grid: SurfaceGrid;
}

export type MapData = ContourData & SurfaceData;

export function mapData(scene: MapScene, runs: readonly Run[], t: number, overshoot: Approach | null = null): MapData {
  const trajectories: SurfaceTrajectory[] = runs.map((run) => {
    const points = pathTo(run, t);
    return { name: run.runner.label, color: run.runner.color, points, values: run.values.subarray(0, points.length / 2) };
  });
  const o = overshoot?.overshoot;
  if (o && t >= o.t) {
    trajectories.push({ name: OVERSHOOT_LABEL, color: OVERSHOOT_COLOR, points: [overshoot!.target[0], overshoot!.target[1], o.point[0], o.point[1]] });
  }
  return {
    grid: scene.grid,
    trajectories,
    start: scene.start,
    minimum: nearestMinimum(scene.surface.objective, scene.start),
    name: scene.surface.name,
  };
}
