/** The voxel mesh: cubes written out into one geometry, one draw call. */
import { describe, expect, it } from 'vitest';
import { Raycaster, Vector3 } from 'three';
import { ALL_FACES, FACE } from '../../../src/viz/three/cell-geometry.ts';
import { VoxelMesh, writeInstanceMatrix } from '../../../src/viz/three/voxel-mesh.ts';

function twoCubes(): VoxelMesh {
  const v = new VoxelMesh(1);
  v.reserve(2);
  writeInstanceMatrix(v.matrices, 0, 0, 0, 0, 1);
  writeInstanceMatrix(v.matrices, 1, 5, 0, 0, 0.5);
  v.colors.set([1, 0, 0, 0, 0.5, 1]);
  v.commit(2);
  v.flush();
  return v;
}

describe('VoxelMesh', () => {
  it('writes every cube into one geometry: placed, scaled, coloured by its shade, drawn in one range', () => {
    const v = twoCubes();
    const g = v.mesh.geometry;
    const p = g.getAttribute('position').array;
    const c = g.getAttribute('color').array;
    const perCube = v.trianglesPerCube;
    expect(perCube).toBe(20); // six faces, the top one with a rim of four strips
    expect(g.drawRange.count).toBe(2 * perCube * 3);
    const verts = 40; // ten quads of four vertices
    // Cube 0 spans [-0.5, 0.5]; cube 1 is centred at x = 5, half as large.
    const xs0 = [...Array(verts).keys()].map((k) => p[k * 3]!);
    const xs1 = [...Array(verts).keys()].map((k) => p[(verts + k) * 3]!);
    expect(Math.min(...xs0)).toBe(-0.5);
    expect(Math.max(...xs0)).toBe(0.5);
    expect(Math.min(...xs1)).toBe(4.75);
    expect(Math.max(...xs1)).toBe(5.25);
    // Red cube: green and blue stay 0, red is a shade in (0, 1]; the brightest face keeps the colour exactly.
    const reds = [...Array(verts).keys()].map((k) => c[k * 3]!);
    expect(Math.max(...reds)).toBe(1);
    for (let k = 0; k < verts; k++) expect([c[k * 3 + 1], c[k * 3 + 2]]).toEqual([0, 0]);
    expect(c[verts * 3 + 2]).toBeGreaterThan(0);
    // Every index of the drawn range points into the two cubes' vertices.
    const index = g.getIndex()!.array;
    for (let i = 0; i < g.drawRange.count; i++) expect(index[i]).toBeLessThan(2 * verts);
  });

  it('draws fewer faces on request and says which cube a ray hit', () => {
    const v = twoCubes();
    expect(v.showFaces(FACE.px | FACE.py | FACE.pz, false)).toBe(true);
    expect(v.showFaces(FACE.px | FACE.py | FACE.pz, false)).toBe(false);
    // Nothing is written until the view is about to be drawn.
    expect(v.mesh.geometry.drawRange.count).toBe(2 * 20 * 3);
    v.flush();
    expect(v.trianglesPerCube).toBe(6);
    expect(v.mesh.geometry.drawRange.count).toBe(2 * 6 * 3);
    const ray = new Raycaster(new Vector3(5, 10, 0), new Vector3(0, -1, 0));
    const hits = ray.intersectObject(v.mesh, false);
    expect(hits.length).toBeGreaterThan(0);
    expect(v.cubeOf(hits[0]!)).toBe(1);
    const ray0 = new Raycaster(new Vector3(0.1, 10, 0.1), new Vector3(0, -1, 0));
    expect(v.cubeOf(ray0.intersectObject(v.mesh, false)[0]!)).toBe(0);
    v.showFaces(ALL_FACES, true);
    v.flush();
    expect(v.trianglesPerCube).toBe(20);
  });

  it('keeps what was written when it grows, and frees the geometry it replaces', () => {
    const v = twoCubes();
    const first = v.mesh.geometry;
    let disposed = false;
    first.addEventListener('dispose', () => (disposed = true));
    v.reserve(400);
    expect(v.matrices[16 + 12]).toBe(5);
    expect([...v.colors.slice(0, 6)]).toEqual([1, 0, 0, 0, 0.5, 1]);
    for (let s = 2; s < 400; s++) writeInstanceMatrix(v.matrices, s, s, 0, 0, 1);
    v.commit(400);
    v.flush();
    expect(disposed).toBe(true);
    expect(v.mesh.geometry.drawRange.count).toBe(400 * v.trianglesPerCube * 3);
    v.commit(3);
    v.flush();
    expect(v.mesh.geometry.drawRange.count).toBe(3 * v.trianglesPerCube * 3);
  });

  it('keeps a bounding sphere around every cube, so three.js need not compute one over the vertices', () => {
    const v = twoCubes();
    const sphere = v.mesh.geometry.boundingSphere!;
    const p = v.mesh.geometry.getAttribute('position');
    for (let k = 0; k < 80; k++) {
      const d = Math.hypot(p.getX(k) - sphere.center.x, p.getY(k) - sphere.center.y, p.getZ(k) - sphere.center.z);
      expect(d).toBeLessThanOrEqual(sphere.radius + 1e-9);
    }
    expect(sphere.radius).toBeLessThan(4);
  });
});
