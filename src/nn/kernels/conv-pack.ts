/**
 * The memory layout the fast convolution kernel works in, built once in the
 * forward pass and kept for the backward pass.
 *
 * Input side:
 * - `padded`: x with its zero padding written out, [n, x + 2p_x, y + 2p_y, z + 2p_z, d],
 *   so every window lies inside the array and no read needs a bounds test
 *   (x itself when there is no padding).
 * - `windowStart[p]`: offset in `padded` of the corner of output cell p's window
 *   (strides included), for the P output cells in row-major order, padded to a
 *   multiple of BLOCK by repeating the last window.
 * - A window seen from its corner: `runStart[s]` and `runLength` describe it as
 *   runs of contiguous values (the taps along z and the depth d are adjacent in
 *   memory; when the window spans a whole padded axis, whole planes are), and
 *   `tapOffset[t]` gives each flattened tap t = (i, j, k, d) on its own, padded
 *   to a multiple of BLOCK with offset 0.
 *
 * Filter side: W [wx, wy, wz, d, c] is already a matrix [taps, c] in row-major
 * order; it is copied into [taps rounded up to BLOCK, c rounded up to BLOCK]
 * with zeros, and b [c] into [c rounded up], so the kernels never test a tail.
 */
import type { ConvGeometry } from '../conv-geometry.ts';

/** The kernel computes BLOCK x BLOCK tiles of outputs held in local variables. */
export const BLOCK = 4;

export function roundUpToBlock(n: number): number {
  return Math.ceil(n / BLOCK) * BLOCK;
}

export interface PackedInput {
  readonly padded: Float64Array;
  /** Padded spatial size [x + 2p_x, y + 2p_y, z + 2p_z]. */
  readonly paddedSize: readonly [number, number, number];
  /** P: output cells n * ox * oy * oz. */
  readonly cells: number;
  readonly windowStart: Int32Array;
  readonly runStart: Int32Array;
  readonly runLength: number;
  /** K: taps of one filter, wx * wy * wz * d. */
  readonly taps: number;
  readonly tapOffset: Int32Array;
}

export interface PackedFilters {
  /** Filters rounded up to BLOCK: the row length of `weights`. */
  readonly channels: number;
  /** [K rounded up, channels] */
  readonly weights: Float64Array;
  /** [channels] */
  readonly bias: Float64Array;
}

function hasPadding(g: ConvGeometry): boolean {
  return g.padding.some((p) => p > 0);
}

/** The input side of the layout; without padding, `padded` is x itself (not a copy). */
export function packInput(g: ConvGeometry, x: Float64Array): PackedInput {
  const [inX, inY, inZ] = g.input;
  const [pX, pY, pZ] = g.padding;
  const [wx, wy, wz] = g.window;
  const [outX, outY, outZ] = g.output;
  const [stX, stY, stZ] = g.stride;
  const d = g.depth;
  const sizeX = inX + 2 * pX;
  const sizeY = inY + 2 * pY;
  const sizeZ = inZ + 2 * pZ;
  const rowX = sizeY * sizeZ * d; // stride of the padded x axis
  const rowY = sizeZ * d; // stride of the padded y axis

  const padded = hasPadding(g) ? new Float64Array(g.batch * sizeX * rowX) : x;
  if (padded !== x) {
    const run = inZ * d;
    let src = 0;
    for (let n = 0; n < g.batch; n++) {
      for (let i = 0; i < inX; i++) {
        for (let j = 0; j < inY; j++) {
          let dst = (n * sizeX + i + pX) * rowX + (j + pY) * rowY + pZ * d;
          for (let e = 0; e < run; e++) padded[dst++] = x[src++]!;
        }
      }
    }
  }

  const cells = g.batch * outX * outY * outZ;
  const windowStart = new Int32Array(roundUpToBlock(cells));
  let p = 0;
  for (let n = 0; n < g.batch; n++) {
    for (let a = 0; a < outX; a++) {
      for (let b = 0; b < outY; b++) {
        const line = (n * sizeX + a * stX) * rowX + b * stY * rowY;
        for (let c = 0; c < outZ; c++) windowStart[p++] = line + c * stZ * d;
      }
    }
  }
  windowStart.fill(windowStart[cells - 1]!, cells);

  // Taps along z and d are adjacent; a window spanning the whole padded z
  // (or the whole padded y-z plane) continues the run into the next line.
  let runLength = wz * d;
  let runsX = wx;
  let runsY = wy;
  if (wz === sizeZ) {
    runLength *= wy;
    runsY = 1;
    if (wy === sizeY) {
      runLength *= wx;
      runsX = 1;
    }
  }
  const runStart = new Int32Array(runsX * runsY);
  for (let i = 0; i < runsX; i++) {
    for (let j = 0; j < runsY; j++) runStart[i * runsY + j] = i * rowX + j * rowY;
  }

  const taps = wx * wy * wz * d;
  const tapOffset = new Int32Array(roundUpToBlock(taps));
  let t = 0;
  for (let i = 0; i < wx; i++) {
    for (let j = 0; j < wy; j++) {
      for (let k = 0; k < wz; k++) {
        for (let e = 0; e < d; e++) tapOffset[t++] = i * rowX + j * rowY + k * d + e;
      }
    }
  }

  return { padded, paddedSize: [sizeX, sizeY, sizeZ], cells, windowStart, runStart, runLength, taps, tapOffset };
}

export function packFilters(g: ConvGeometry, w: Float64Array, b: Float64Array): PackedFilters {
  const c = g.filters;
  const channels = roundUpToBlock(c);
  const taps = g.window[0] * g.window[1] * g.window[2] * g.depth;
  const weights = new Float64Array(roundUpToBlock(taps) * channels);
  for (let t = 0; t < taps; t++) {
    for (let f = 0; f < c; f++) weights[t * channels + f] = w[t * c + f]!;
  }
  const bias = new Float64Array(channels);
  bias.set(b);
  return { channels, weights, bias };
}

/** Copies rows of `width` values out of rows of `stride` values (drops the padded tail of each row and the padded rows). */
export function cropRows(src: Float64Array, rows: number, stride: number, width: number): Float64Array {
  if (stride === width && src.length === rows * width) return src;
  const out = new Float64Array(rows * width);
  for (let r = 0; r < rows; r++) {
    for (let e = 0; e < width; e++) out[r * width + e] = src[r * stride + e]!;
  }
  return out;
}

/** Rows of `width` values widened to `stride` with zeros, `rows` rounded up to `paddedRows` zero rows. */
export function padRows(src: Float64Array, rows: number, width: number, stride: number, paddedRows: number): Float64Array {
  if (stride === width && paddedRows === rows) return src;
  const out = new Float64Array(paddedRows * stride);
  for (let r = 0; r < rows; r++) {
    for (let e = 0; e < width; e++) out[r * stride + e] = src[r * width + e]!;
  }
  return out;
}

/** The inverse of the input padding: the interior of a padded [n, X, Y, Z, d] array (drops the gradient of the padding). */
export function unpad(g: ConvGeometry, input: PackedInput, padded: Float64Array): Float64Array {
  if (!hasPadding(g)) return padded;
  const [inX, inY, inZ] = g.input;
  const [pX, pY, pZ] = g.padding;
  const [sizeX, sizeY, sizeZ] = input.paddedSize;
  const d = g.depth;
  const rowX = sizeY * sizeZ * d;
  const rowY = sizeZ * d;
  const out = new Float64Array(g.batch * inX * inY * inZ * d);
  const run = inZ * d;
  let dst = 0;
  for (let n = 0; n < g.batch; n++) {
    for (let i = 0; i < inX; i++) {
      for (let j = 0; j < inY; j++) {
        let src = (n * sizeX + i + pX) * rowX + (j + pY) * rowY + pZ * d;
        for (let e = 0; e < run; e++) out[dst++] = padded[src++]!;
      }
    }
  }
  return out;
}
