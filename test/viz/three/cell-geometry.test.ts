import { describe, expect, it } from 'vitest';
import { ALL_FACES, FACE, createCellGeometry, facesTowards } from '../../../src/viz/three/cell-geometry.ts';

function triangles(rim: number, faces = ALL_FACES) {
  const g = createCellGeometry(rim, faces);
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

describe('cubes with fewer faces', () => {
  const outward = (t: { normal: number[] }) => {
    const n = t.normal.map((v) => v / Math.hypot(...t.normal));
    return n.map((v) => Math.round(v)).join(',');
  };

  it('include exactly the faces asked for, each whole', () => {
    const normals: Record<keyof typeof FACE, string> = { px: '1,0,0', nx: '-1,0,0', py: '0,1,0', ny: '0,-1,0', pz: '0,0,1', nz: '0,0,-1' };
    for (const [name, bit] of Object.entries(FACE) as [keyof typeof FACE, number][]) {
      const ts = triangles(0.07, bit);
      expect(new Set(ts.map(outward))).toEqual(new Set([normals[name]]));
      expect(ts.reduce((s, t) => s + t.area, 0)).toBeCloseTo(1, 10);
    }
    const three = triangles(0, FACE.px | FACE.py | FACE.nz);
    expect(three).toHaveLength(6);
    expect(three.reduce((s, t) => s + t.area, 0)).toBeCloseTo(3, 10);
  });

  it('facesTowards keeps a face exactly when some cube centre lies at or behind the eye along its axis', () => {
    const min = [-15.5, -15.5, -15.5] as const;
    const max = [15.5, 15.5, 15.5] as const;
    // Outside the block on every axis: three faces, the ones towards the eye.
    expect(facesTowards([60, 40, 50], min, max)).toBe(FACE.px | FACE.py | FACE.pz);
    expect(facesTowards([-60, -40, -50], min, max)).toBe(FACE.nx | FACE.ny | FACE.nz);
    // Inside the block's span on x: cubes to either side show either x face.
    expect(facesTowards([0, 40, 50], min, max)).toBe(FACE.px | FACE.nx | FACE.py | FACE.pz);
    // On a face's plane: both kept (seen edge-on, neither shows anything).
    expect(facesTowards([15.5, 40, 50], min, max) & (FACE.px | FACE.nx)).toBe(FACE.px | FACE.nx);
    // A one-cell-thick map seen from above, at its own height: both kept, never none.
    expect(facesTowards([3, 0, 2], [-2, 0, -2], [2, 0, 2]) & (FACE.py | FACE.ny)).toBe(FACE.py | FACE.ny);
  });

  it('facesTowards never drops a face a cube turns to the eye (random eyes and cubes)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 80 - 40;
    const axes = [[FACE.px, FACE.nx], [FACE.py, FACE.ny], [FACE.pz, FACE.nz]] as const;
    for (let trial = 0; trial < 500; trial++) {
      const eye = [random(), random(), random()] as const;
      const a = [random() / 4, random() / 4, random() / 4];
      const b = [random() / 4, random() / 4, random() / 4];
      const min = [0, 1, 2].map((k) => Math.min(a[k]!, b[k]!)) as [number, number, number];
      const max = [0, 1, 2].map((k) => Math.max(a[k]!, b[k]!)) as [number, number, number];
      const faces = facesTowards(eye, min, max);
      const cube = [0, 1, 2].map((k) => min[k]! + (max[k]! - min[k]!) * Math.abs(Math.sin(trial + k)));
      for (let k = 0; k < 3; k++) {
        // The +face of this cube (half-size 0.42) faces the eye when the eye is beyond it.
        if (eye[k]! > cube[k]! + 0.42) expect(faces & axes[k]![0]).toBeTruthy();
        if (eye[k]! < cube[k]! - 0.42) expect(faces & axes[k]![1]).toBeTruthy();
      }
    }
  });
});
