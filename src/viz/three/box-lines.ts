/**
 * Wireframe boxes drawn with screen-space thick lines (LineSegments2), in
 * one draw call however many boxes: the filter's footprint on each input map,
 * a pooling window, the hover cursor. Drawn over the cells (no depth test)
 * so a box inside a volume stays visible.
 */
import type { RGB } from '../paint/colormap.ts';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { SRGBColorSpace, type InterleavedBufferAttribute } from 'three';
import type { Vec3 } from './voxel-layout.ts';

export interface Box {
  min: Vec3;
  max: Vec3;
}

// The 12 edges of a box as pairs of corner numbers (bit 0 = x, 1 = y, 2 = z).
const EDGES = [0, 1, 2, 3, 4, 5, 6, 7, 0, 2, 1, 3, 4, 6, 5, 7, 0, 4, 1, 5, 2, 6, 3, 7];

export class BoxLines {
  readonly object: LineSegments2;
  private geometry: LineSegmentsGeometry;
  private readonly material: LineMaterial;
  private capacity = 0;

  constructor(linewidth: number, renderOrder: number) {
    this.material = new LineMaterial({ linewidth, depthTest: false, depthWrite: false, transparent: true });
    this.geometry = new LineSegmentsGeometry();
    this.object = new LineSegments2(this.geometry, this.material);
    this.object.frustumCulled = false;
    this.object.renderOrder = renderOrder;
    this.object.visible = false;
    this.grow(1);
  }

  setColor(rgb: RGB, opacity = 1): void {
    this.material.color.setRGB(rgb[0], rgb[1], rgb[2], SRGBColorSpace);
    this.material.opacity = opacity;
  }

  setBoxes(boxes: readonly Box[]): void {
    if (boxes.length > this.capacity) this.grow(boxes.length);
    const start = this.geometry.getAttribute('instanceStart') as InterleavedBufferAttribute;
    const buffer = start.data;
    const a = buffer.array as Float32Array;
    let o = 0;
    for (const b of boxes) {
      for (let e = 0; e < EDGES.length; e++) {
        const corner = EDGES[e]!;
        a[o++] = corner & 1 ? b.max[0] : b.min[0];
        a[o++] = corner & 2 ? b.max[1] : b.min[1];
        a[o++] = corner & 4 ? b.max[2] : b.min[2];
      }
    }
    buffer.needsUpdate = true;
    this.geometry.instanceCount = boxes.length * 12;
    this.object.visible = boxes.length > 0;
  }

  dispose(): void {
    this.geometry.dispose();
    this.material.dispose();
  }

  private grow(boxes: number): void {
    // A bigger buffer means a new geometry: the old one's GPU buffers are freed.
    this.geometry.dispose();
    this.geometry = new LineSegmentsGeometry();
    this.geometry.setPositions(new Float32Array(boxes * 12 * 6));
    this.object.geometry = this.geometry;
    this.capacity = boxes;
  }
}
