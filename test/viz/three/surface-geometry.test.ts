import { describe, expect, it } from 'vitest';
import type { SurfaceGrid } from '../../../src/viz/paint/surface-grid.ts';
import { autoZScale, dataOf, heightFraction, surfaceLayout, surfaceMesh, trajectorySegments, worldOf } from '../../../src/viz/three/surface-geometry.ts';

const bowl: SurfaceGrid = {
  nx: 5,
  ny: 3,
  x: [-2, 2],
  y: [-1, 1],
  values: Array.from({ length: 15 }, (_, k) => {
    const x = -2 + (k % 5);
    const y = -1 + Math.floor(k / 5);
    return x * x + y * y;
  }),
};

describe('surfaceLayout', () => {
  it('keeps the y range in proportion and finds the value range', () => {
    const l = surfaceLayout(bowl, 'linear');
    expect(l.width).toBe(10);
    expect(l.depth).toBe(5);
    expect([l.zMin, l.zMax]).toEqual([0, 5]);
  });

  it('maps the minimum to the floor and the maximum to the top, linear or log', () => {
    for (const scale of ['linear', 'log'] as const) {
      const l = surfaceLayout(bowl, scale);
      expect(heightFraction(l, 0)).toBe(0);
      expect(heightFraction(l, 5)).toBe(1);
    }
    const log = surfaceLayout(bowl, 'log');
    // On a log scale the first unit above the minimum takes most of the height.
    expect(heightFraction(log, 1)).toBeGreaterThan(0.7);
    expect(heightFraction(surfaceLayout(bowl, 'linear'), 1)).toBeCloseTo(0.2);
  });
});

describe('world <-> data', () => {
  it('puts the window corners at the layout edges, y north (-Z)', () => {
    const l = surfaceLayout(bowl, 'linear');
    const p = [0, 0, 0];
    worldOf(l, bowl, -2, -1, 0, p);
    expect(p).toEqual([-5, 0, 2.5]);
    worldOf(l, bowl, 2, 1, 5, p);
    expect(p[0]).toBe(5);
    expect(p[1]).toBeCloseTo(l.height);
    expect(p[2]).toBe(-2.5);
  });

  it('inverts worldOf on the floor plane', () => {
    const l = surfaceLayout(bowl, 'linear');
    const p = [0, 0, 0];
    worldOf(l, bowl, 0.7, -0.3, 1, p);
    const [x, y] = dataOf(l, bowl, p[0]!, p[2]!);
    expect(x).toBeCloseTo(0.7, 6);
    expect(y).toBeCloseTo(-0.3, 6);
  });
});

describe('surfaceMesh', () => {
  it('makes one vertex per sample and two upward-facing triangles per cell', () => {
    const l = surfaceLayout(bowl, 'linear');
    const m = surfaceMesh(bowl, l, 'viridis');
    expect(m.positions.length).toBe(15 * 3);
    expect(m.indices.length).toBe(4 * 2 * 6);
    const p = m.positions;
    for (let t = 0; t < m.indices.length; t += 3) {
      const [a, b, c] = [m.indices[t]!, m.indices[t + 1]!, m.indices[t + 2]!];
      const ux = p[b * 3]! - p[a * 3]!;
      const uz = p[b * 3 + 2]! - p[a * 3 + 2]!;
      const vx = p[c * 3]! - p[a * 3]!;
      const vz = p[c * 3 + 2]! - p[a * 3 + 2]!;
      // y component of u × v, ignoring heights: positive = facing up.
      expect(uz * vx - ux * vz).toBeGreaterThan(0);
    }
  });
});

describe('trajectorySegments', () => {
  it('joins consecutive points and breaks where the path leaves the window', () => {
    const l = surfaceLayout(bowl, 'linear');
    const segs = trajectorySegments(bowl, l, { points: [-1, 0, 0, 0, 5, 5, 1, 0, 1.5, 0.5] }, 0);
    // (-1,0)-(0,0), break at (5,5), then (1,0)-(1.5,0.5).
    expect(segs.length).toBe(2 * 6);
  });

  it('uses the given values for heights and lifts the line', () => {
    const l = surfaceLayout(bowl, 'linear');
    const segs = trajectorySegments(bowl, l, { points: [0, 0, 1, 0], values: [5, 5] }, 0.1);
    expect(segs[1]).toBeCloseTo(l.height + 0.1);
  });
});

describe('autoZScale', () => {
  it('chooses log heights for a deep narrow valley (Rosenbrock) and linear for a bowl', () => {
    const rosen: number[] = [];
    const bowlValues: number[] = [];
    for (let j = 0; j <= 40; j++) {
      for (let i = 0; i <= 40; i++) {
        const x = -2 + i * 0.1;
        const y = -1 + j * 0.1;
        rosen.push((1 - x) ** 2 + 100 * (y - x * x) ** 2);
        bowlValues.push(x * x + y * y);
      }
    }
    expect(autoZScale(rosen)).toBe('log');
    expect(autoZScale(bowlValues)).toBe('linear');
  });

  it('stays linear for signed surfaces (a saddle)', () => {
    expect(autoZScale([-4, -1, 0, 1, 400])).toBe('linear');
  });
});
