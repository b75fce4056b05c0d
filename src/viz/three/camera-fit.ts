/**
 * Keeps a perspective camera framed on a box centred at the origin: fits the
 * box when the view opens or the data changes shape, refits when the element
 * changes aspect (a phone rotating) while keeping the reader's orbit
 * direction and relative zoom.
 */
import { Vector3, type PerspectiveCamera } from 'three';
import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { fitDistance, viewDirection, type ViewPreset } from './framing.ts';
import type { Vec3 } from './voxel-layout.ts';

export class CameraFit {
  private size: Vec3 = [1, 1, 1];
  private fitted = 1;
  private aspect = 0;
  private pendingPreset: ViewPreset | null = null;
  private readonly direction = new Vector3();

  constructor(
    private readonly camera: PerspectiveCamera,
    private readonly controls: OrbitControls,
  ) {}

  /** Frame a new box, looking from `preset` (the reader's orbit is discarded). */
  reset(size: Vec3, preset: ViewPreset): void {
    this.size = [...size];
    this.pendingPreset = preset;
    this.aspect = 0;
  }

  /** Frame a resized box from the current direction and zoom. */
  resize(size: Vec3): void {
    this.size = [...size];
    this.aspect = 0;
  }

  /** Apply before drawing with the element's aspect ratio; true when the camera moved. */
  apply(aspect: number): boolean {
    if (aspect === this.aspect && this.pendingPreset === null) return false;
    const camera = this.camera;
    const controls = this.controls;
    let zoom = 1;
    if (this.pendingPreset !== null) {
      const d = viewDirection(this.pendingPreset);
      this.direction.set(d[0], d[1], d[2]);
      controls.target.set(0, 0, 0);
      this.pendingPreset = null;
    } else {
      this.direction.copy(camera.position).sub(controls.target);
      zoom = this.direction.length() / this.fitted;
      this.direction.normalize();
    }
    this.aspect = aspect;
    camera.aspect = aspect;
    const dir: Vec3 = [this.direction.x, this.direction.y, this.direction.z];
    this.fitted = fitDistance(this.size, dir, camera.fov, aspect, 1.14);
    const extent = Math.max(...this.size, 1);
    camera.near = Math.max(0.01, extent * 0.002);
    camera.far = this.fitted * 8 + extent * 4;
    camera.updateProjectionMatrix();
    controls.minDistance = extent * 0.25;
    controls.maxDistance = this.fitted * 4;
    camera.position.copy(controls.target).addScaledVector(this.direction, this.fitted * zoom);
    camera.lookAt(controls.target);
    controls.update();
    return true;
  }
}
