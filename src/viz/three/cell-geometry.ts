/**
 * The unit cube every cell is drawn with. Faces carry fixed brightness
 * factors (vertex colours multiplying the instance colour), so a volume reads
 * as 3D without lights and the top face, which a 2D map shows from above,
 * keeps the colour map's exact colour. The top face has a slightly darker
 * rim: neighbouring cells of equal colour, and cells near the diverging map's
 * white, stay distinguishable on a white page, like a heatmap's cell borders.
 *
 * A cube may leave out faces: `faces` is a set of FACE bits. At most three
 * faces of a cube can face a camera, so a volume drawn with only the faces
 * that some cell can show to the camera (facesTowards) costs the software
 * renderer a third to a half of the triangles, with the same picture.
 */
import { BufferAttribute, BufferGeometry } from 'three';

type V3 = readonly [number, number, number];

/** One bit per face of the cube, by the axis it faces. */
export const FACE = { px: 1, nx: 2, py: 4, ny: 8, pz: 16, nz: 32 } as const;
export const ALL_FACES = 63;

/**
 * The faces some cube can show to a camera at `eye` (in the cubes' own
 * frame), for cubes centred from `min` to `max`: a cube's +x face can be seen
 * only from x beyond its centre, so it is needed when some centre lies at or
 * below eye.x, that is when eye.x >= min.x; the other five likewise. Exact for
 * a perspective camera (a face seen edge-on shows nothing); a camera inside
 * the block's span on an axis keeps both faces of that axis, so every axis
 * keeps at least one.
 */
export function facesTowards(eye: V3, min: V3, max: V3): number {
  let faces = 0;
  if (eye[0] >= min[0]) faces |= FACE.px;
  if (eye[0] <= max[0]) faces |= FACE.nx;
  if (eye[1] >= min[1]) faces |= FACE.py;
  if (eye[1] <= max[1]) faces |= FACE.ny;
  if (eye[2] >= min[2]) faces |= FACE.pz;
  if (eye[2] <= max[2]) faces |= FACE.nz;
  return faces;
}

const SHADE_TOP = 1;
const SHADE_RIM = 0.74;
const SHADE_SIDE_X = 0.66;
const SHADE_SIDE_Z = 0.8;
const SHADE_BOTTOM = 0.5;

/**
 * @param rim width of the top face's rim, as a fraction of the cell (0 = none)
 * @param faces which faces to include (FACE bits; default all six)
 */
export function createCellGeometry(rim = 0.07, faces: number = ALL_FACES): BufferGeometry {
  const positions: number[] = [];
  const shades: number[] = [];
  const indices: number[] = [];

  // A rectangle [a0, a1] × [b0, b1] of the face origin + a u + b v, where u × v
  // points out of the cube, so (0, 1, 2), (0, 2, 3) wind counter-clockwise.
  const rect = (o: V3, u: V3, v: V3, a0: number, a1: number, b0: number, b1: number, shade: number) => {
    const base = positions.length / 3;
    for (const [a, b] of [[a0, b0], [a1, b0], [a1, b1], [a0, b1]] as const) {
      positions.push(o[0] + a * u[0] + b * v[0], o[1] + a * u[1] + b * v[1], o[2] + a * u[2] + b * v[2]);
      shades.push(shade, shade, shade);
    }
    indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
  };
  const face = (o: V3, u: V3, v: V3, shade: number) => rect(o, u, v, 0, 1, 0, 1, shade);

  // Top (+Y): inner square and a rim of four strips.
  const to: V3 = [-0.5, 0.5, 0.5];
  const tu: V3 = [1, 0, 0];
  const tv: V3 = [0, 0, -1];
  if (faces & FACE.py) {
    if (rim > 0) {
      rect(to, tu, tv, rim, 1 - rim, rim, 1 - rim, SHADE_TOP);
      rect(to, tu, tv, 0, 1, 0, rim, SHADE_RIM);
      rect(to, tu, tv, 0, 1, 1 - rim, 1, SHADE_RIM);
      rect(to, tu, tv, 0, rim, rim, 1 - rim, SHADE_RIM);
      rect(to, tu, tv, 1 - rim, 1, rim, 1 - rim, SHADE_RIM);
    } else {
      face(to, tu, tv, SHADE_TOP);
    }
  }
  if (faces & FACE.ny) face([-0.5, -0.5, -0.5], [1, 0, 0], [0, 0, 1], SHADE_BOTTOM);
  if (faces & FACE.px) face([0.5, -0.5, 0.5], [0, 0, -1], [0, 1, 0], SHADE_SIDE_X);
  if (faces & FACE.nx) face([-0.5, -0.5, -0.5], [0, 0, 1], [0, 1, 0], SHADE_SIDE_X);
  if (faces & FACE.pz) face([-0.5, -0.5, 0.5], [1, 0, 0], [0, 1, 0], SHADE_SIDE_Z);
  if (faces & FACE.nz) face([0.5, -0.5, -0.5], [-1, 0, 0], [0, 1, 0], SHADE_SIDE_Z);

  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
  g.setAttribute('color', new BufferAttribute(new Float32Array(shades), 3));
  g.setIndex(indices);
  g.computeBoundingSphere();
  return g;
}
