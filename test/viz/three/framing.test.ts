import { describe, expect, it } from 'vitest';
import { cameraBasis, fitDistance, presetFor, stageAspect, viewDirection, type ViewPreset } from '../../../src/viz/three/framing.ts';
import type { Vec3 } from '../../../src/viz/three/voxel-layout.ts';

/** Project the box corners from the fitted camera and check they land in [-1, 1]. */
function cornersInView(size: Vec3, preset: ViewPreset, fov: number, aspect: number): number {
  const dir = viewDirection(preset);
  const d = fitDistance(size, dir, fov, aspect, 1);
  const { right, up, back } = cameraBasis(dir);
  const tanV = Math.tan((fov * Math.PI) / 360);
  let worst = 0;
  for (let i = 0; i < 8; i++) {
    const c = [((i & 1 ? 1 : -1) * size[0]) / 2, ((i & 2 ? 1 : -1) * size[1]) / 2, ((i & 4 ? 1 : -1) * size[2]) / 2];
    const dot = (v: Vec3) => c[0]! * v[0] + c[1]! * v[1] + c[2]! * v[2];
    const depth = d - dot(back);
    worst = Math.max(worst, Math.abs(dot(right)) / (depth * tanV * aspect), Math.abs(dot(up)) / (depth * tanV));
  }
  return worst;
}

describe('framing', () => {
  it('looks at 1D and 2D grids from above and at volumes obliquely', () => {
    expect(presetFor(1)).toBe('top');
    expect(presetFor(2)).toBe('top');
    expect(presetFor(3)).toBe('oblique');
  });

  it('puts north (world -Z) at the top of the screen in the top view', () => {
    const { up, right } = cameraBasis(viewDirection('top'));
    expect(up[2]).toBeLessThan(-0.99);
    expect(right[0]).toBeGreaterThan(0.99);
  });

  it('fits every corner exactly inside the frustum (margin 1) for each preset and aspect', () => {
    for (const preset of ['top', 'front', 'oblique'] as const) {
      for (const aspect of [0.5, 1, 2.5]) {
        for (const size of [[32, 32, 32], [11, 1, 5], [40, 1, 1]] as Vec3[]) {
          expect(cornersInView(size, preset, 30, aspect)).toBeCloseTo(1, 6);
        }
      }
    }
  });

  it('stands further back for a wider grid and for a narrower viewport', () => {
    const dir = viewDirection('top');
    expect(fitDistance([20, 1, 5], dir, 30, 1)).toBeGreaterThan(fitDistance([10, 1, 5], dir, 30, 1));
    expect(fitDistance([10, 1, 5], dir, 30, 0.5)).toBeGreaterThan(fitDistance([10, 1, 5], dir, 30, 2));
  });
});

describe('stageAspect', () => {
  it('gives wide rows a wide drawing area, capped at 3:1, and volumes 4:3', () => {
    expect(stageAspect([24, 1, 5], 'top')).toBe(3);
    expect(stageAspect([11, 1, 5], 'top')).toBeCloseTo(2.2);
    expect(stageAspect([5, 1, 9], 'top')).toBe(1);
    expect(stageAspect([8, 8, 8], 'oblique')).toBeCloseTo(4 / 3);
  });
});
