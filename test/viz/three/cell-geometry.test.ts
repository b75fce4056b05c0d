import { describe, expect, it } from 'vitest';
import { createCellGeometry } from '../../../src/viz/three/cell-geometry.ts';

function triangles(rim: number) {
  const g = createCellGeometry(rim);
  const p = g.getAttribute('position').array;
  const idx = g.getIndex()!.array;
  const out: { centroid: number[]; normal: number[]; area: number }[] = [];
  for (let t = 0; t < idx.length; t += 3) {
    const [a, b, c] = [idx[t]!, idx[t + 1]!, idx[t + 2]!].map((i) => [p[i * 3]!, p[i * 3 + 1]!, p[i * 3 + 2]!]) as [number[], number[], number[]];
    const u = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!];
    const v = [c[0]! - a[0]!, c[1]! - a[1]!, c[2]! - a[2]!];
    const n = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
    out.push({ centroid: [0, 1, 2].map((k) => (a[k]! + b[k]! + c[k]!) / 3), normal: n, area: Math.hypot(...n) / 2 });
  }
  return out;
}

describe('createCellGeometry', () => {
  it('winds every triangle outwards, so front-face culling keeps the visible faces', () => {
    for (const t of triangles(0.07)) {
      const dot = t.normal[0]! * t.centroid[0]! + t.normal[1]! * t.centroid[1]! + t.normal[2]! * t.centroid[2]!;
      expect(dot).toBeGreaterThan(0);
    }
  });

  it('covers the six faces of a unit cube exactly (total area 6), with or without a rim', () => {
    for (const rim of [0, 0.07, 0.2]) {
      const area = triangles(rim).reduce((s, t) => s + t.area, 0);
      expect(area).toBeCloseTo(6, 10);
    }
  });

  it('shades the top face brightest so a map seen from above keeps its colours', () => {
    const g = createCellGeometry(0.07);
    const p = g.getAttribute('position').array;
    const c = g.getAttribute('color').array;
    let topMax = 0;
    let otherMax = 0;
    for (let i = 0; i < p.length / 3; i++) {
      if (p[i * 3 + 1] === 0.5 && Math.abs(p[i * 3]!) < 0.5 && Math.abs(p[i * 3 + 2]!) < 0.5) topMax = Math.max(topMax, c[i * 3]!);
      else if (p[i * 3 + 1] !== 0.5) otherMax = Math.max(otherMax, c[i * 3]!);
    }
    expect(topMax).toBe(1);
    expect(otherMax).toBeLessThan(1);
  });
});
