/**
 * The unit cube every cell is drawn with. Faces carry fixed brightness
 * factors (vertex colours multiplying the instance colour), so a volume reads
 * as 3D without lights and the top face, which a 2D map shows from above,
 * keeps the colour map's exact colour. The top face has a slightly darker
 * rim: neighbouring cells of equal colour, and cells near the diverging map's
 * white, stay distinguishable on a white page, like a heatmap's cell borders.
 */
import { BufferAttribute, BufferGeometry } from 'three';

type V3 = readonly [number, number, number];

const SHADE_TOP = 1;
const SHADE_RIM = 0.74;
const SHADE_SIDE_X = 0.66;
const SHADE_SIDE_Z = 0.8;
const SHADE_BOTTOM = 0.5;

/**
 * @param rim width of the top face's rim, as a fraction of the cell (0 = none)
 */
export function createCellGeometry(rim = 0.07): BufferGeometry {
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
  if (rim > 0) {
    rect(to, tu, tv, rim, 1 - rim, rim, 1 - rim, SHADE_TOP);
    rect(to, tu, tv, 0, 1, 0, rim, SHADE_RIM);
    rect(to, tu, tv, 0, 1, 1 - rim, 1, SHADE_RIM);
    rect(to, tu, tv, 0, rim, rim, 1 - rim, SHADE_RIM);
    rect(to, tu, tv, 1 - rim, 1, rim, 1 - rim, SHADE_RIM);
  } else {
    face(to, tu, tv, SHADE_TOP);
  }
  face([-0.5, -0.5, -0.5], [1, 0, 0], [0, 0, 1], SHADE_BOTTOM); // -Y
  face([0.5, -0.5, 0.5], [0, 0, -1], [0, 1, 0], SHADE_SIDE_X); // +X
  face([-0.5, -0.5, -0.5], [0, 0, 1], [0, 1, 0], SHADE_SIDE_X); // -X
  face([-0.5, -0.5, 0.5], [1, 0, 0], [0, 1, 0], SHADE_SIDE_Z); // +Z
  face([0.5, -0.5, -0.5], [-1, 0, 0], [0, 1, 0], SHADE_SIDE_Z); // -Z

  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
  g.setAttribute('color', new BufferAttribute(new Float32Array(shades), 3));
  g.setIndex(indices);
  g.computeBoundingSphere();
  return g;
}
