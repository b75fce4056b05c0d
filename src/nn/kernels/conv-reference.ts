/**
 * The convolution written to be read: the Convolution chapter shows this file.
 *
 * Eq. 1 (eq. 3 before the activation g), H^m = W^m H^{m-1} + b^m, cell by cell:
 *
 *   H^m[n, ox, oy, oz, c] = b^m[c]
 *     + sum over taps (i, j, k) and depth d of W^m[i, j, k, d, c] * H^{m-1}[n, ox*st_x - p_x + i, oy*st_y - p_y + j, oz*st_z - p_z + k, d]
 *
 * Slide the filter to the output cell's window, multiply element-wise with the
 * input under it, sum, add the bias. Cross-correlation: the filter is not
 * flipped. Input cells outside the input are the zero padding; they add
 * nothing, so the loops skip them.
 *
 * Shapes: x [n, x, y, z, d], w [wx, wy, wz, d, c], b [c] -> y [n, ox, oy, oz, c].
 * The arguments are validated by conv.ts; the fast kernel computes the same numbers.
 */
import type { ConvGeometry } from '../conv-geometry.ts';

/** Row-major flat offsets into x, w and y for a geometry. */
function indexers(g: ConvGeometry) {
  const [inX, inY, inZ] = g.input;
  const [, wy, wz] = g.window;
  const [outX, outY, outZ] = g.output;
  const { depth, filters } = g;
  return {
    xAt: (n: number, x: number, y: number, z: number, d: number) => (((n * inX + x) * inY + y) * inZ + z) * depth + d,
    wAt: (i: number, j: number, k: number, d: number, c: number) => (((i * wy + j) * wz + k) * depth + d) * filters + c,
    yAt: (n: number, x: number, y: number, z: number, c: number) => (((n * outX + x) * outY + y) * outZ + z) * filters + c,
    inside: (x: number, y: number, z: number) => x >= 0 && x < inX && y >= 0 && y < inY && z >= 0 && z < inZ,
  };
}

/** Forward pass: one output value per output cell and filter. */
export function convForwardReference(g: ConvGeometry, x: Float64Array, w: Float64Array, b: Float64Array): Float64Array {
  const { xAt, wAt, yAt, inside } = indexers(g);
  const [outX, outY, outZ] = g.output;
  const [wx, wy, wz] = g.window;
  const [stX, stY, stZ] = g.stride;
  const [pX, pY, pZ] = g.padding;
  const y = new Float64Array(g.batch * outX * outY * outZ * g.filters);
  for (let n = 0; n < g.batch; n++) {
    for (let ox = 0; ox < outX; ox++) {
      for (let oy = 0; oy < outY; oy++) {
        for (let oz = 0; oz < outZ; oz++) {
          for (let c = 0; c < g.filters; c++) {
            let sum = b[c]!; // term: b
            // slide: the window of this output cell starts at (ox*st - p) on each axis
            for (let i = 0; i < wx; i++) {
              for (let j = 0; j < wy; j++) {
                for (let k = 0; k < wz; k++) {
                  const ix = ox * stX - pX + i;
                  const iy = oy * stY - pY + j;
                  const iz = oz * stZ - pZ + k;
                  if (!inside(ix, iy, iz)) continue; // zero padding adds nothing
                  for (let d = 0; d < g.depth; d++) {
                    const weight = w[wAt(i, j, k, d, c)]!; // term: W
                    const input = x[xAt(n, ix, iy, iz, d)]!; // term: H
                    sum += weight * input; // multiply element-wise, sum
                  }
                }
              }
            }
            y[yAt(n, ox, oy, oz, c)] = sum; // term: Hm
          }
        }
      }
    }
  }
  return y;
}

export interface ConvGradientData {
  dx: Float64Array;
  dw: Float64Array;
  db: Float64Array;
}

/**
 * Backward pass, the same loops read in reverse: given dy = dL/dH^m, each
 * product W * H in the sum passes dy on to both factors.
 *   db[c]             = sum over cells of dy
 *   dW[i, j, k, d, c] = sum over cells of dy * (input under tap i, j, k)
 *   dx[cell]          = sum over the windows covering the cell of dy * W
 */
export function convBackwardReference(g: ConvGeometry, x: Float64Array, w: Float64Array, dy: Float64Array): ConvGradientData {
  const { xAt, wAt, yAt, inside } = indexers(g);
  const [outX, outY, outZ] = g.output;
  const [wx, wy, wz] = g.window;
  const [stX, stY, stZ] = g.stride;
  const [pX, pY, pZ] = g.padding;
  const dx = new Float64Array(x.length);
  const dw = new Float64Array(w.length);
  const db = new Float64Array(g.filters);
  for (let n = 0; n < g.batch; n++) {
    for (let ox = 0; ox < outX; ox++) {
      for (let oy = 0; oy < outY; oy++) {
        for (let oz = 0; oz < outZ; oz++) {
          for (let c = 0; c < g.filters; c++) {
            const grad = dy[yAt(n, ox, oy, oz, c)]!;
            db[c] += grad;
            for (let i = 0; i < wx; i++) {
              for (let j = 0; j < wy; j++) {
                for (let k = 0; k < wz; k++) {
                  const ix = ox * stX - pX + i;
                  const iy = oy * stY - pY + j;
                  const iz = oz * stZ - pZ + k;
                  if (!inside(ix, iy, iz)) continue; // padding is a constant: no gradient flows to it
                  for (let d = 0; d < g.depth; d++) {
                    dw[wAt(i, j, k, d, c)] += grad * x[xAt(n, ix, iy, iz, d)]!;
                    dx[xAt(n, ix, iy, iz, d)] += grad * w[wAt(i, j, k, d, c)]!;
                  }
                }
              }
            }
          }
        }
      }
    }
  }
  return { dx, dw, db };
}
