/**
 * The "peak" reference: a plain JavaScript multiply-add loop doing a given
 * number of multiply-adds over the arrays of the real job (the same sizes),
 * written the best way plain JavaScript allows, so that "ours reaches at
 * least 50% of its throughput" is a bar a careless kernel fails.
 *
 * What the loop is, and why. Every output value is the dot product of a run
 * of `a` and a run of `b` (runs sliding along the arrays, so memory is
 * touched much as the real job touches it). The outputs are computed sixteen
 * at a time, as a 4 x 4 tile: four runs of `a` against four runs of `b`, the
 * sixteen running sums in local variables. Per step that is 8 loads for 16
 * independent multiply-adds, so neither memory nor the latency of one
 * addition waiting for the previous one limits it: it runs at the speed V8's
 * scalar float64 arithmetic allows (measured on this machine: 3.5 G
 * multiply-adds/s, against 2.0 for a dot product with four sums and 1.3 for
 * the one-sum dot product this file used to time, which our blocked kernel
 * beat by 2-3x and so measured nothing). What the loop leaves out is exactly
 * the work a convolution adds on top of the arithmetic: finding each window
 * in the padded input, the tails, the packing and unpacking. At 50% of this
 * peak a kernel spends no more on that than on the multiply-adds themselves.
 * WebAssembly SIMD does two float64 multiply-adds per instruction, so the
 * SIMD kernel can exceed 100%.
 */
export interface MultiplyAddPass {
  a: Float64Array;
  b: Float64Array;
  out: Float64Array;
  /** Multiply-adds to perform, split evenly over the values of `out`. */
  macs: number;
}

/** The tile is TILE runs of `a` by TILE runs of `b`. */
const TILE = 4;

/** Multiply-adds per output value for a pass. */
export function runLength(pass: MultiplyAddPass): number {
  if (pass.a.length < TILE || pass.b.length < TILE) {
    throw new Error(`the tile needs arrays of at least ${TILE} values, got ${pass.a.length} and ${pass.b.length}`);
  }
  return Math.max(1, Math.round(pass.macs / pass.out.length));
}

/**
 * Length of one run: k, or, when TILE runs of k from one offset do not fit in
 * an array (a 1-channel input's filter gradient sums over every cell), the
 * longest that fits; an output's k multiply-adds then go over the same run
 * again, in as many segments as it takes.
 */
export function segmentLength(pass: MultiplyAddPass): number {
  return Math.min(runLength(pass), pass.a.length - (TILE - 1), pass.b.length - (TILE - 1));
}

/**
 * out[16 t + 4 i + j] = sum over q < k of a[ai + i + q % s] * b[bi + j + q % s]
 * (s the segment length, k itself when it fits), with ai and bi stepping by 4
 * per tile of sixteen outputs (back to 0 when a run would pass the end); the
 * last out.length % 16 outputs the same way, one sum each.
 */
export function plainMultiplyAdd(pass: MultiplyAddPass): void {
  const { a, b, out } = pass;
  const k = runLength(pass);
  const seg = segmentLength(pass);
  const aLast = a.length - seg - (TILE - 1);
  const bLast = b.length - seg - (TILE - 1);
  const tiled = out.length - (out.length % (TILE * TILE));
  let ai = 0;
  let bi = 0;
  for (let o = 0; o < tiled; o += TILE * TILE) {
    let s00 = 0, s01 = 0, s02 = 0, s03 = 0;
    let s10 = 0, s11 = 0, s12 = 0, s13 = 0;
    let s20 = 0, s21 = 0, s22 = 0, s23 = 0;
    let s30 = 0, s31 = 0, s32 = 0, s33 = 0;
    for (let done = 0; done < k; done += seg) {
      const end = Math.min(seg, k - done);
      for (let q = 0; q < end; q++) {
        const b0 = b[bi + q]!, b1 = b[bi + q + 1]!, b2 = b[bi + q + 2]!, b3 = b[bi + q + 3]!;
        let v = a[ai + q]!;
        s00 += v * b0; s01 += v * b1; s02 += v * b2; s03 += v * b3;
        v = a[ai + q + 1]!;
        s10 += v * b0; s11 += v * b1; s12 += v * b2; s13 += v * b3;
        v = a[ai + q + 2]!;
        s20 += v * b0; s21 += v * b1; s22 += v * b2; s23 += v * b3;
        v = a[ai + q + 3]!;
        s30 += v * b0; s31 += v * b1; s32 += v * b2; s33 += v * b3;
      }
    }
    out[o] = s00; out[o + 1] = s01; out[o + 2] = s02; out[o + 3] = s03;
    out[o + 4] = s10; out[o + 5] = s11; out[o + 6] = s12; out[o + 7] = s13;
    out[o + 8] = s20; out[o + 9] = s21; out[o + 10] = s22; out[o + 11] = s23;
    out[o + 12] = s30; out[o + 13] = s31; out[o + 14] = s32; out[o + 15] = s33;
    ai = ai + TILE > aLast ? 0 : ai + TILE;
    bi = bi + TILE > bLast ? 0 : bi + TILE;
  }
  for (let o = tiled; o < out.length; o++) {
    const i = (o - tiled) >> 2;
    const j = (o - tiled) & 3;
    let sum = 0;
    for (let q = 0; q < k; q++) sum += a[ai + i + (q % seg)]! * b[bi + j + (q % seg)]!;
    out[o] = sum;
  }
}
