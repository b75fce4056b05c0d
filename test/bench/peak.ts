/**
 * The "peak" reference: a plain JavaScript multiply-add loop, the way one
 * writes a dot product without any blocking, doing a given number of
 * multiply-adds over arrays of given sizes. Each output value is the dot
 * product of a run of `a` and a run of `b`; the runs slide along the arrays
 * so every pass touches memory much as the real job does. A single running
 * sum makes each addition wait for the previous one: this is the speed of
 * straightforward code, which a kernel keeping many sums at once can beat.
 */
export interface MultiplyAddPass {
  a: Float64Array;
  b: Float64Array;
  out: Float64Array;
  /** Multiply-adds to perform, split evenly over the values of `out`. */
  macs: number;
}

/** Multiply-adds per output value for a pass; each run must fit in `a` and `b`. */
export function runLength(pass: MultiplyAddPass): number {
  const k = Math.max(1, Math.round(pass.macs / pass.out.length));
  if (k > pass.a.length || k > pass.b.length) {
    throw new Error(`a run of ${k} multiply-adds does not fit arrays of ${pass.a.length} and ${pass.b.length} values`);
  }
  return k;
}

export function plainMultiplyAdd(pass: MultiplyAddPass): void {
  const { a, b, out } = pass;
  const k = runLength(pass);
  const aLast = a.length - k;
  const bLast = b.length - k;
  let ai = 0;
  let bi = 0;
  for (let r = 0; r < out.length; r++) {
    let sum = 0;
    for (let j = 0; j < k; j++) sum += a[ai + j]! * b[bi + j]!;
    out[r] = sum;
    ai = ai === aLast ? 0 : ai + 1;
    bi = bi + k > bLast ? 0 : bi + k;
  }
}
