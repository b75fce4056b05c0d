/**
 * The cells of a tensor as ONE InstancedMesh of small cubes: one draw call
 * whatever the number of cells (32 768 for a 32³ tensor). Colours are
 * per-instance; the cube's own vertex colours shade its faces (see
 * cell-geometry.ts), so no lights are needed.
 */
import { DynamicDrawUsage, InstancedBufferAttribute, InstancedMesh, MeshBasicMaterial } from 'three';
import { createCellGeometry } from './cell-geometry.ts';

export class VoxelMesh {
  readonly geometry = createCellGeometry();
  readonly material = new MeshBasicMaterial({ vertexColors: true });
  mesh: InstancedMesh;
  private capacity = 0;

  constructor(capacity: number) {
    this.mesh = this.build(Math.max(1, capacity));
  }

  /** Instance matrices (16 floats per instance, column-major). */
  get matrices(): Float32Array {
    return this.mesh.instanceMatrix.array as Float32Array;
  }

  /** Instance colours, linear RGB (3 floats per instance). */
  get colors(): Float32Array {
    return this.mesh.instanceColor!.array as Float32Array;
  }

  /**
   * Make room for `count` instances. Returns the previous mesh when it had
   * to be replaced (the caller swaps it in the scene); its buffers are freed.
   */
  reserve(count: number): InstancedMesh | null {
    if (count <= this.capacity) return null;
    const old = this.mesh;
    this.mesh = this.build(Math.max(count, Math.ceil(this.capacity * 1.5)));
    old.dispose();
    return old;
  }

  /** Upload what changed and draw the first `count` instances. */
  commit(count: number, matrices: boolean, colors: boolean): void {
    const mesh = this.mesh;
    mesh.count = count;
    if (matrices) {
      mesh.instanceMatrix.clearUpdateRanges();
      mesh.instanceMatrix.addUpdateRange(0, count * 16);
      mesh.instanceMatrix.needsUpdate = true;
      mesh.computeBoundingSphere();
    }
    if (colors) {
      const c = mesh.instanceColor!;
      c.clearUpdateRanges();
      c.addUpdateRange(0, count * 3);
      c.needsUpdate = true;
    }
  }

  dispose(): void {
    this.mesh.dispose();
    this.geometry.dispose();
    this.material.dispose();
  }

  private build(capacity: number): InstancedMesh {
    const mesh = new InstancedMesh(this.geometry, this.material, capacity);
    mesh.instanceMatrix.setUsage(DynamicDrawUsage);
    mesh.instanceColor = new InstancedBufferAttribute(new Float32Array(capacity * 3), 3);
    mesh.instanceColor.setUsage(DynamicDrawUsage);
    // Matrices are identity-free until written: start with nothing drawn.
    mesh.count = 0;
    mesh.frustumCulled = false;
    this.capacity = capacity;
    return mesh;
  }
}

/** Write a translation + uniform scale matrix for instance `slot`. */
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
