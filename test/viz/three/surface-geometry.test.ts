import { describe, expect, it } from 'vitest';
import type { SurfaceGrid } from '../../../src/viz/paint/surface-grid.ts';
import { autoZScale, dataOf, heightFraction, simplifyPolyline, surfaceLayout, surfaceMesh, trajectorySegments, worldOf } from '../../../src/viz/three/surface-geometry.ts';

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

describe('simplifyPolyline', () => {
  const distanceToPolyline = (p: number[], line: number[]) => {
    let best = Infinity;
    for (let k = 3; k < line.length; k += 3) {
      const a = line.slice(k - 3, k);
      const u = [line[k]! - a[0]!, line[k + 1]! - a[1]!, line[k + 2]! - a[2]!];
      const v = [p[0]! - a[0]!, p[1]! - a[1]!, p[2]! - a[2]!];
      const uu = u[0]! ** 2 + u[1]! ** 2 + u[2]! ** 2;
      const s = uu > 0 ? Math.min(1, Math.max(0, (v[0]! * u[0]! + v[1]! * u[1]! + v[2]! * u[2]!) / uu)) : 0;
      best = Math.min(best, Math.hypot(v[0]! - s * u[0]!, v[1]! - s * u[1]!, v[2]! - s * u[2]!));
    }
    return best;
  };

  it('keeps the ends, drops points within the tolerance of the line drawn and no other', () => {
    // A damped spiral into a minimum, as momentum draws it: 2,000 points, most of them crowded at the end.
    const xyz: number[] = [];
    for (let k = 0; k < 2000; k++) {
      const r = Math.exp(-k / 60);
      xyz.push(r * Math.cos(k / 7), 0.2 * r, r * Math.sin(k / 7));
    }
    const tolerance = 0.002;
    const kept = simplifyPolyline(xyz, tolerance);
    expect(kept.slice(0, 3)).toEqual(xyz.slice(0, 3));
    expect(kept.slice(-3)).toEqual(xyz.slice(-3));
    expect(kept.length / 3).toBeLessThan(400);
    for (let k = 0; k < xyz.length; k += 3) expect(distanceToPolyline(xyz.slice(k, k + 3), kept)).toBeLessThanOrEqual(tolerance + 1e-12);
  });

  it('returns short lines and lines already straight to the tolerance as they are, or as their ends', () => {
    expect(simplifyPolyline([1, 2, 3], 0.1)).toEqual([1, 2, 3]);
    expect(simplifyPolyline([0, 0, 0, 1, 1, 1], 0.1)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(simplifyPolyline([0, 0, 0, 1, 0.01, 0, 2, 0, 0], 0.1)).toEqual([0, 0, 0, 2, 0, 0]);
    expect(simplifyPolyline([0, 0, 0, 1, 0.5, 0, 2, 0, 0], 0.1)).toEqual([0, 0, 0, 1, 0.5, 0, 2, 0, 0]);
  });

  it('is what trajectorySegments draws with a tolerance, run by run', () => {
    const l = surfaceLayout(bowl, 'linear');
    const points: number[] = [];
    for (let k = 0; k <= 200; k++) points.push(-1 + k / 100, 0);
    const exact = trajectorySegments(bowl, l, { points }, 0);
    const simple = trajectorySegments(bowl, l, { points }, 0, l.width * 0.0004);
    expect(exact.length / 6).toBe(200);
    expect(simple.length / 6).toBeLessThan(200);
    expect([...simple.slice(0, 3)]).toEqual([...exact.slice(0, 3)]);
    expect([...simple.slice(-3)]).toEqual([...exact.slice(-3)]);
  });
});
