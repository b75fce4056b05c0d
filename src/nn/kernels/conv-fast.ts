/**
 * The fast convolution kernel: the same numbers as conv-reference.ts (eq. 1),
 * computed as matrix products over the packed layout of conv-pack.ts.
 *
 * Seen from the packed layout, the convolution is a product of matrices:
 *   Y [P, c] = X [P, K] W [K, c] + b,  where row p of X is output cell p's
 *   window (K = wx wy wz d taps), read in place from the padded input.
 * Backward, with G = dy [P, c]:
 *   dW = X^T G [K, c],  db = column sums of G,  dX = G W^T [P, K] scattered
 *   back (added) onto the windows, then the padding is cut away.
 *
 * Each product is computed in 4 x 4 tiles whose 16 sums live in local
 * variables (registers), so every value loaded from memory is used four
 * times; the packing rounds every tiled axis up to a multiple of 4 with zeros,
 * so no tile tests a tail or a padding cell.
 *
 * wasm/conv-simd.ts is this file's WebAssembly SIMD twin: the same tiles,
 * the same order of additions, so the same bits (test/nn/conv.test.ts checks
 * it). A change to the loops here needs the same change there.
 */
import type { ConvGeometry } from '../conv-geometry.ts';
import { BLOCK, cropRows, padRows, unpad, type PackedFilters, type PackedInput } from './conv-pack.ts';
import type { ConvGradientData } from './conv-reference.ts';

/** Output cells per chunk of the filter gradient: the chunk's windows stay in cache across the tiles. */
const CELL_CHUNK = 256;

export function convForwardFast(g: ConvGeometry, input: PackedInput, filters: PackedFilters): Float64Array {
  const cells = input.cells;
  const rows = input.windowStart.length;
  const y = new Float64Array(rows * filters.channels);
  forwardTiles(input.padded, input.windowStart, input.runStart, input.runLength, filters.weights, filters.bias, y, rows, filters.channels);
  return cropRows(y, cells, filters.channels, g.filters);
}

export function convBackwardFast(g: ConvGeometry, input: PackedInput, filters: PackedFilters, dy: Float64Array): ConvGradientData {
  const { cells, taps } = input;
  const channels = filters.channels;
  const grad = padRows(dy, cells, g.filters, channels, input.windowStart.length);

  const filterCount = g.filters;
  const db = new Float64Array(filterCount);
  for (let p = 0; p < cells; p++) {
    for (let c = 0; c < filterCount; c++) db[c] += dy[p * filterCount + c]!;
  }

  const dwTiles = new Float64Array(input.tapOffset.length * channels);
  filterGradientTiles(input.padded, input.windowStart, input.tapOffset, grad, dwTiles, cells, channels);
  const dw = cropRows(dwTiles, taps, channels, g.filters);

  const dxPadded = new Float64Array(input.padded.length);
  inputGradientTiles(dxPadded, input.windowStart, input.tapOffset, grad, filters.weights, channels);
  const dx = unpad(g, input, dxPadded);

  return { dx, dw, db };
}

/** Y = X W + b, four output cells by four filters at a time. */
function forwardTiles(
  x: Float64Array,
  windowStart: Int32Array,
  runStart: Int32Array,
  runLength: number,
  w: Float64Array,
  b: Float64Array,
  y: Float64Array,
  rows: number,
  channels: number,
): void {
  const runs = runStart.length;
  for (let p = 0; p < rows; p += BLOCK) {
    const s0 = windowStart[p]!;
    const d1 = windowStart[p + 1]! - s0;
    const d2 = windowStart[p + 2]! - s0;
    const d3 = windowStart[p + 3]! - s0;
    for (let c = 0; c < channels; c += BLOCK) {
      const b0 = b[c]!, b1 = b[c + 1]!, b2 = b[c + 2]!, b3 = b[c + 3]!;
      let y00 = b0, y01 = b1, y02 = b2, y03 = b3;
      let y10 = b0, y11 = b1, y12 = b2, y13 = b3;
      let y20 = b0, y21 = b1, y22 = b2, y23 = b3;
      let y30 = b0, y31 = b1, y32 = b2, y33 = b3;
      let wi = c;
      for (let r = 0; r < runs; r++) {
        let xi = s0 + runStart[r]!;
        const end = xi + runLength;
        for (; xi < end; xi++) {
          const w0 = w[wi]!, w1 = w[wi + 1]!, w2 = w[wi + 2]!, w3 = w[wi + 3]!;
          wi += channels;
          let v = x[xi]!;
          y00 += v * w0; y01 += v * w1; y02 += v * w2; y03 += v * w3;
          v = x[xi + d1]!;
          y10 += v * w0; y11 += v * w1; y12 += v * w2; y13 += v * w3;
          v = x[xi + d2]!;
          y20 += v * w0; y21 += v * w1; y22 += v * w2; y23 += v * w3;
          v = x[xi + d3]!;
          y30 += v * w0; y31 += v * w1; y32 += v * w2; y33 += v * w3;
        }
      }
      let o = p * channels + c;
      y[o] = y00; y[o + 1] = y01; y[o + 2] = y02; y[o + 3] = y03;
      o += channels;
      y[o] = y10; y[o + 1] = y11; y[o + 2] = y12; y[o + 3] = y13;
      o += channels;
      y[o] = y20; y[o + 1] = y21; y[o + 2] = y22; y[o + 3] = y23;
      o += channels;
      y[o] = y30; y[o + 1] = y31; y[o + 2] = y32; y[o + 3] = y33;
    }
  }
}

/** dW = X^T G, four taps by four filters at a time, over chunks of output cells. */
function filterGradientTiles(
  x: Float64Array,
  windowStart: Int32Array,
  tapOffset: Int32Array,
  grad: Float64Array,
  dw: Float64Array,
  cells: number,
  channels: number,
): void {
  const tapRows = tapOffset.length;
  for (let first = 0; first < cells; first += CELL_CHUNK) {
    const last = Math.min(cells, first + CELL_CHUNK);
    for (let t = 0; t < tapRows; t += BLOCK) {
      const t0 = tapOffset[t]!, t1 = tapOffset[t + 1]!, t2 = tapOffset[t + 2]!, t3 = tapOffset[t + 3]!;
      for (let c = 0; c < channels; c += BLOCK) {
        let w00 = 0, w01 = 0, w02 = 0, w03 = 0;
        let w10 = 0, w11 = 0, w12 = 0, w13 = 0;
        let w20 = 0, w21 = 0, w22 = 0, w23 = 0;
        let w30 = 0, w31 = 0, w32 = 0, w33 = 0;
        let gi = first * channels + c;
        for (let p = first; p < last; p++) {
          const s = windowStart[p]!;
          const g0 = grad[gi]!, g1 = grad[gi + 1]!, g2 = grad[gi + 2]!, g3 = grad[gi + 3]!;
          gi += channels;
          let v = x[s + t0]!;
          w00 += v * g0; w01 += v * g1; w02 += v * g2; w03 += v * g3;
          v = x[s + t1]!;
          w10 += v * g0; w11 += v * g1; w12 += v * g2; w13 += v * g3;
          v = x[s + t2]!;
          w20 += v * g0; w21 += v * g1; w22 += v * g2; w23 += v * g3;
          v = x[s + t3]!;
          w30 += v * g0; w31 += v * g1; w32 += v * g2; w33 += v * g3;
        }
        let o = t * channels + c;
        dw[o] += w00; dw[o + 1] += w01; dw[o + 2] += w02; dw[o + 3] += w03;
        o += channels;
        dw[o] += w10; dw[o + 1] += w11; dw[o + 2] += w12; dw[o + 3] += w13;
        o += channels;
        dw[o] += w20; dw[o + 1] += w21; dw[o + 2] += w22; dw[o + 3] += w23;
        o += channels;
        dw[o] += w30; dw[o + 1] += w31; dw[o + 2] += w32; dw[o + 3] += w33;
      }
    }
  }
}

/** dX = G W^T, four output cells by four taps at a time, added onto the windows in the padded input. */
function inputGradientTiles(
  dx: Float64Array,
  windowStart: Int32Array,
  tapOffset: Int32Array,
  grad: Float64Array,
  w: Float64Array,
  channels: number,
): void {
  const rows = windowStart.length;
  const tapRows = tapOffset.length;
  for (let p = 0; p < rows; p += BLOCK) {
    const s0 = windowStart[p]!, s1 = windowStart[p + 1]!, s2 = windowStart[p + 2]!, s3 = windowStart[p + 3]!;
    const g0 = p * channels;
    for (let t = 0; t < tapRows; t += BLOCK) {
      let x00 = 0, x01 = 0, x02 = 0, x03 = 0;
      let x10 = 0, x11 = 0, x12 = 0, x13 = 0;
      let x20 = 0, x21 = 0, x22 = 0, x23 = 0;
      let x30 = 0, x31 = 0, x32 = 0, x33 = 0;
      const w0 = t * channels;
      for (let c = 0; c < channels; c++) {
        const v0 = w[w0 + c]!, v1 = w[w0 + channels + c]!, v2 = w[w0 + 2 * channels + c]!, v3 = w[w0 + 3 * channels + c]!;
        let u = grad[g0 + c]!;
        x00 += u * v0; x01 += u * v1; x02 += u * v2; x03 += u * v3;
        u = grad[g0 + channels + c]!;
        x10 += u * v0; x11 += u * v1; x12 += u * v2; x13 += u * v3;
        u = grad[g0 + 2 * channels + c]!;
        x20 += u * v0; x21 += u * v1; x22 += u * v2; x23 += u * v3;
        u = grad[g0 + 3 * channels + c]!;
        x30 += u * v0; x31 += u * v1; x32 += u * v2; x33 += u * v3;
      }
      const t0 = tapOffset[t]!, t1 = tapOffset[t + 1]!, t2 = tapOffset[t + 2]!, t3 = tapOffset[t + 3]!;
      dx[s0 + t0] += x00; dx[s0 + t1] += x01; dx[s0 + t2] += x02; dx[s0 + t3] += x03;
      dx[s1 + t0] += x10; dx[s1 + t1] += x11; dx[s1 + t2] += x12; dx[s1 + t3] += x13;
      dx[s2 + t0] += x20; dx[s2 + t1] += x21; dx[s2 + t2] += x22; dx[s2 + t3] += x23;
      dx[s3 + t0] += x30; dx[s3 + t1] += x31; dx[s3 + t2] += x32; dx[s3 + t3] += x33;
    }
  }
}
