/**
 * Camera framing: from which direction a grid is first seen, and how far
 * away the camera must stand for the whole grid to fit the view.
 *
 * 1D rows and 2D maps are seen from straight above (north up), where every
 * cell's top face shows its colour undistorted, like a printed figure;
 * volumes from above the south-west, so x, y and z all show; surfaces
 * from higher up ('high'), looking down into their valleys.
 */
import type { Vec3 } from './voxel-layout.ts';

export type ViewPreset = 'top' | 'front' | 'oblique' | 'high';

export function presetFor(dims: 1 | 2 | 3): ViewPreset {
  return dims === 3 ? 'oblique' : 'top';
}

/** Unit vector from the target towards the camera. */
export function viewDirection(preset: ViewPreset): Vec3 {
  switch (preset) {
    case 'top':
      // A hair south of vertical, so "north" (world -Z) is up on screen.
      return normalize([0, 1, 1e-4]);
    case 'front':
      return [0, 0, 1];
    case 'oblique':
      return normalize([-0.55, 0.75, 1]);
    case 'high':
      // Steeper: a surface's valleys and the paths in them stay in sight.
      return normalize([-0.45, 1.35, 1]);
  }
}

export function normalize(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
}

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

/**
 * The camera basis three.js' lookAt builds with world up +Y: right, up and
 * back (= direction). Looking straight down, north (-Z) is used as up.
 */
export function cameraBasis(direction: Vec3): { right: Vec3; up: Vec3; back: Vec3 } {
  const back = normalize(direction);
  let right = cross([0, 1, 0], back);
  if (Math.hypot(...right) < 1e-9) right = cross([0, 0, -1], back);
  right = normalize(right);
  const up = cross(back, right);
  return { right, up, back };
}

/**
 * Distance from the box centre at which a perspective camera looking along
 * -direction sees every corner of a box of `size` centred on the target,
 * with `margin` (1.1 = 10% breathing room). vfov in degrees, aspect = w / h.
 */
export function fitDistance(size: Vec3, direction: Vec3, vfovDeg: number, aspect: number, margin = 1.1): number {
  const { right, up, back } = cameraBasis(direction);
  const tanV = Math.tan((vfovDeg * Math.PI) / 360);
  const tanH = tanV * Math.max(aspect, 1e-3);
  let distance = 0;
  for (let i = 0; i < 8; i++) {
    const c: Vec3 = [
      ((i & 1 ? 1 : -1) * size[0]) / 2,
      ((i & 2 ? 1 : -1) * size[1]) / 2,
      ((i & 4 ? 1 : -1) * size[2]) / 2,
    ];
    const x = c[0] * right[0] + c[1] * right[1] + c[2] * right[2];
    const y = c[0] * up[0] + c[1] * up[1] + c[2] * up[2];
    const z = c[0] * back[0] + c[1] * back[1] + c[2] * back[2];
    // The corner is in view when |x| <= tanH * (d - z) and |y| <= tanV * (d - z).
    distance = Math.max(distance, z + (Math.abs(x) * margin) / tanH, z + (Math.abs(y) * margin) / tanV);
  }
  return distance;
}

/**
 * Width / height that suits a layout seen from `preset`: wide rows get a
 * wide, short drawing area instead of a 4:3 box of empty space; volumes 4:3.
 */
export function stageAspect(size: Vec3, preset: ViewPreset): number {
  const clamp = (r: number) => Math.min(3, Math.max(1, r));
  if (preset === 'top') return clamp(size[0] / Math.max(size[2], 1));
  if (preset === 'front') return clamp(size[0] / Math.max(size[1], 1));
  return 4 / 3;
}
