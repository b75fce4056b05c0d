/**
 * The cells of a tensor as ONE mesh of small cubes: one draw call whatever
 * the number of cells (32 768 for a 32³ tensor).
 *
 * The view writes each cube's place, size and colour as if it were an
 * instance (`matrices`, `colors`, then `commit`); the cubes are then written
 * out into one geometry, every vertex with its position and its colour (the
 * cell's colour times its face's shade, see cell-geometry.ts, so no lights
 * are needed). Not an InstancedMesh: software WebGL (SwiftShader, on machines
 * without a GPU, and in the tests) pays a fixed cost per instance, and one
 * plain geometry drew the 32³ block markedly faster.
 *
 * The cube can be drawn with fewer faces (showFaces): only those some cell
 * can turn to the camera, and without the top face's rim when cells are many
 * and small. Either change rewrites the geometry, which orbiting needs only
 * when the camera crosses the plane of the block's first or last cell centres.
 * The geometry is written when the view is about to be drawn (`flush`), so a
 * view scrolled out of sight costs nothing when its data changes.
 */
import { BufferAttribute, BufferGeometry, DynamicDrawUsage, Mesh, MeshBasicMaterial, Sphere, Vector3, type Intersection } from 'three';
import { ALL_FACES, createCellGeometry } from './cell-geometry.ts';

const RIM = 64;

/** One cube as arrays: vertex positions, shades and the triangle index. */
interface CubeTemplate {
  readonly positions: Float32Array;
  readonly shades: Float32Array;
  readonly index: Uint16Array;
  readonly vertices: number;
  readonly triangles: number;
}

function cubeTemplate(cube: number): CubeTemplate {
  const g = createCellGeometry(cube & RIM ? undefined : 0, cube & ALL_FACES);
  const positions = g.getAttribute('position').array as Float32Array;
  const shades = g.getAttribute('color').array as Float32Array;
  const index = Uint16Array.from(g.getIndex()!.array);
  g.dispose();
  return { positions, shades, index, vertices: positions.length / 3, triangles: index.length / 3 };
}

export class VoxelMesh {
  readonly material = new MeshBasicMaterial({ vertexColors: true });
  readonly mesh: Mesh;
  private matrixData: Float32Array;
  private colorData: Float32Array;
  private readonly templates = new Map<number, CubeTemplate>();
  private cube = ALL_FACES | RIM;
  private count = 0;
  /** The geometry no longer shows `matrices`, `colors` and the cube: write it before drawing. */
  private stale = false;
  /** Triangles per cube and cubes of the geometry as last written (what a raycast hits). */
  private writtenTriangles = 0;
  private writtenCount = 0;
  /** Vertices and index entries the geometry's buffers hold. */
  private vertexCapacity = 0;
  private indexCapacity = 0;

  constructor(capacity: number) {
    const size = Math.max(1, capacity);
    this.matrixData = new Float32Array(size * 16);
    this.colorData = new Float32Array(size * 3);
    this.mesh = new Mesh(new BufferGeometry(), this.material);
    // The geometry changes with the data; bounds are computed when a raycast needs them.
    this.mesh.frustumCulled = false;
    this.mesh.geometry.setDrawRange(0, 0);
  }

  /** Cube matrices (16 floats per cube, column-major: a uniform scale and a translation). */
  get matrices(): Float32Array {
    return this.matrixData;
  }

  /** Cube colours, linear RGB (3 floats per cube). */
  get colors(): Float32Array {
    return this.colorData;
  }

  /** Triangles of one cube as drawn now. */
  get trianglesPerCube(): number {
    return this.template().triangles;
  }

  /** Make room for `count` cubes (the arrays may be replaced: read `matrices` and `colors` again). */
  reserve(count: number): void {
    if (count * 16 <= this.matrixData.length) return;
    const size = Math.max(count, Math.ceil((this.matrixData.length / 16) * 1.5));
    const matrices = new Float32Array(size * 16);
    matrices.set(this.matrixData);
    const colors = new Float32Array(size * 3);
    colors.set(this.colorData);
    this.matrixData = matrices;
    this.colorData = colors;
  }

  /** Draw the first `count` cubes as `matrices` and `colors` now hold them (written out by the next `flush`). */
  commit(count: number): void {
    this.count = count;
    this.stale = true;
  }

  /** Write the geometry if anything changed since it was last written; before each draw. */
  flush(): void {
    if (this.stale) this.write();
  }

  /** Draw each cube with only `faces` (FACE bits), with or without the top face's rim; returns whether the cube changed. */
  showFaces(faces: number, rim: boolean): boolean {
    const cube = (faces & ALL_FACES) | (rim ? RIM : 0);
    if (cube === this.cube) return false;
    this.cube = cube;
    this.stale = true;
    return true;
  }

  /** The cube a raycast hit, by its number in `matrices`. */
  cubeOf(hit: Intersection): number | undefined {
    if (hit.faceIndex === undefined || hit.faceIndex === null) return undefined;
    const cube = Math.floor(hit.faceIndex / Math.max(1, this.writtenTriangles));
    return cube < this.writtenCount ? cube : undefined;
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    this.material.dispose();
    this.templates.clear();
  }

  private template(): CubeTemplate {
    let t = this.templates.get(this.cube);
    if (!t) {
      t = cubeTemplate(this.cube);
      this.templates.set(this.cube, t);
    }
    return t;
  }

  /** Write every cube's vertices (position, colour × shade) and triangles into the geometry. */
  private write(): void {
    const t = this.template();
    const vertices = this.count * t.vertices;
    const indices = this.count * t.triangles * 3;
    this.ensureCapacity(vertices, indices);
    const g = this.mesh.geometry;
    const position = g.getAttribute('position') as BufferAttribute;
    const color = g.getAttribute('color') as BufferAttribute;
    const index = g.getIndex()!;
    const p = position.array as Float32Array;
    const c = color.array as Float32Array;
    const ix = index.array as Uint32Array;
    const m = this.matrixData;
    const rgb = this.colorData;
    const tp = t.positions;
    const ts = t.shades;
    const ti = t.index;
    let v = 0;
    let i = 0;
    // The cubes' bounds, kept as the geometry's bounding sphere: three.js would
    // otherwise compute it over every vertex for its depth sort before each draw.
    let minX = Infinity, minY = Infinity, minZ = Infinity;
    let maxX = -Infinity, maxY = -Infinity, maxZ = -Infinity;
    let half = 0;
    for (let s = 0; s < this.count; s++) {
      const o = s * 16;
      const scale = m[o]!;
      const x = m[o + 12]!;
      const y = m[o + 13]!;
      const z = m[o + 14]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (z < minZ) minZ = z;
      if (z > maxZ) maxZ = z;
      if (scale > half) half = scale;
      const r = rgb[s * 3]!;
      const gr = rgb[s * 3 + 1]!;
      const b = rgb[s * 3 + 2]!;
      const base = s * t.vertices;
      for (let k = 0; k < tp.length; k += 3, v += 3) {
        p[v] = x + scale * tp[k]!;
        p[v + 1] = y + scale * tp[k + 1]!;
        p[v + 2] = z + scale * tp[k + 2]!;
        const shade = ts[k]!;
        c[v] = r * shade;
        c[v + 1] = gr * shade;
        c[v + 2] = b * shade;
      }
      for (let k = 0; k < ti.length; k++) ix[i++] = base + ti[k]!;
    }
    for (const attribute of [position, color]) {
      attribute.clearUpdateRanges();
      attribute.addUpdateRange(0, vertices * 3);
      attribute.needsUpdate = true;
    }
    index.clearUpdateRanges();
    index.addUpdateRange(0, indices);
    index.needsUpdate = true;
    g.setDrawRange(0, indices);
    g.boundingBox = null;
    if (this.count === 0) {
      g.boundingSphere = new Sphere(new Vector3(), 0);
    } else {
      // Corners of a cube lie within half its edge times sqrt(3) of its centre.
      const centre = new Vector3((minX + maxX) / 2, (minY + maxY) / 2, (minZ + maxZ) / 2);
      const radius = Math.hypot(maxX - minX, maxY - minY, maxZ - minZ) / 2 + (half / 2) * Math.sqrt(3);
      g.boundingSphere = new Sphere(centre, radius);
    }
    this.stale = false;
    this.writtenTriangles = t.triangles;
    this.writtenCount = this.count;
  }

  /** A new geometry (the old one freed) when the cubes no longer fit. */
  private ensureCapacity(vertices: number, indices: number): void {
    if (vertices <= this.vertexCapacity && indices <= this.indexCapacity) return;
    this.vertexCapacity = Math.max(vertices, Math.ceil(this.vertexCapacity * 1.5), 64);
    this.indexCapacity = Math.max(indices, Math.ceil(this.indexCapacity * 1.5), 96);
    const g = new BufferGeometry();
    const attribute = (size: number) => new BufferAttribute(new Float32Array(this.vertexCapacity * size), size).setUsage(DynamicDrawUsage);
    g.setAttribute('position', attribute(3));
    g.setAttribute('color', attribute(3));
    g.setIndex(new BufferAttribute(new Uint32Array(this.indexCapacity), 1).setUsage(DynamicDrawUsage));
    this.mesh.geometry.dispose();
    this.mesh.geometry = g;
  }
}

/** Write a translation + uniform scale matrix for cube `slot`. */
export function writeInstanceMatrix(m: Float32Array, slot: number, x: number, y: number, z: number, scale: number): void {
  const o = slot * 16;
  m[o] = scale;
  m[o + 1] = 0;
  m[o + 2] = 0;
  m[o + 3] = 0;
  m[o + 4] = 0;
  m[o + 5] = scale;
  m[o + 6] = 0;
  m[o + 7] = 0;
  m[o + 8] = 0;
  m[o + 9] = 0;
  m[o + 10] = scale;
  m[o + 11] = 0;
  m[o + 12] = x;
  m[o + 13] = y;
  m[o + 14] = z;
  m[o + 15] = 1;
}
