// @ts-nocheck -- AssemblyScript, not TypeScript: compiled and type-checked by
// `npm run build:wasm` (asc, see build.ts beside this file), which `npm test`
// and `npm run build` run first. tsc does not know v128, f64x2 or load<T>.
/**
 * The fast convolution kernel of conv-fast.ts in WebAssembly SIMD: the same
 * three matrix products over the same packed layout (conv-pack.ts), in the
 * same order of additions, so every result is bit-for-bit the TypeScript
 * kernel's. Only the arithmetic is wider: a v128 holds two float64 lanes
 * (f64x2), so a 4 x 4 tile of sums lives in eight vector registers and every
 * multiply and add does two of them at once.
 *
 * Arguments are byte offsets into this module's memory, where conv-simd.ts
 * (the TypeScript side) has copied the packed arrays; every row length is a
 * multiple of 4 values (32 bytes), so every v128 load is of two whole lanes.
 */

/** Y = X W + b: four output cells (rows) by four filters (two f64x2 each) at a time. */
export function forwardTiles(
  x: usize, windowStart: usize, runStart: usize, runs: i32, runLength: i32,
  w: usize, b: usize, y: usize, rows: i32, channels: i32,
): void {
  const row = <usize>channels << 3;
  const runBytes = <usize>runLength << 3;
  for (let p = 0; p < rows; p += 4) {
    const at = windowStart + (<usize>p << 2);
    const s0 = load<i32>(at);
    const d1 = <usize>(load<i32>(at, 4) - s0) << 3;
    const d2 = <usize>(load<i32>(at, 8) - s0) << 3;
    const d3 = <usize>(load<i32>(at, 12) - s0) << 3;
    for (let c = 0; c < channels; c += 4) {
      const bLo = v128.load(b + (<usize>c << 3));
      const bHi = v128.load(b + (<usize>c << 3), 16);
      let y0lo = bLo, y0hi = bHi, y1lo = bLo, y1hi = bHi;
      let y2lo = bLo, y2hi = bHi, y3lo = bLo, y3hi = bHi;
      let wi = w + (<usize>c << 3);
      for (let r = 0; r < runs; r++) {
        let xi = x + (<usize>(s0 + load<i32>(runStart + (<usize>r << 2))) << 3);
        const end = xi + runBytes;
        for (; xi < end; xi += 8) {
          const wLo = v128.load(wi);
          const wHi = v128.load(wi, 16);
          wi += row;
          let v = v128.load64_splat(xi);
          y0lo = f64x2.add(y0lo, f64x2.mul(v, wLo)); y0hi = f64x2.add(y0hi, f64x2.mul(v, wHi));
          v = v128.load64_splat(xi + d1);
          y1lo = f64x2.add(y1lo, f64x2.mul(v, wLo)); y1hi = f64x2.add(y1hi, f64x2.mul(v, wHi));
          v = v128.load64_splat(xi + d2);
          y2lo = f64x2.add(y2lo, f64x2.mul(v, wLo)); y2hi = f64x2.add(y2hi, f64x2.mul(v, wHi));
          v = v128.load64_splat(xi + d3);
          y3lo = f64x2.add(y3lo, f64x2.mul(v, wLo)); y3hi = f64x2.add(y3hi, f64x2.mul(v, wHi));
        }
      }
      let o = y + ((<usize>p * <usize>channels + <usize>c) << 3);
      v128.store(o, y0lo); v128.store(o, y0hi, 16); o += row;
      v128.store(o, y1lo); v128.store(o, y1hi, 16); o += row;
      v128.store(o, y2lo); v128.store(o, y2hi, 16); o += row;
      v128.store(o, y3lo); v128.store(o, y3hi, 16);
    }
  }
}

/**
 * dW = X^T G: four taps by four filters at a time, over chunks of `chunk`
 * output cells whose windows stay in cache across the tiles (as in
 * conv-fast.ts); dw must hold zeros on entry.
 */
export function filterGradientTiles(
  x: usize, windowStart: usize, tapOffset: usize, tapRows: i32,
  grad: usize, dw: usize, cells: i32, channels: i32, chunk: i32,
): void {
  for (let first = 0; first < cells; first += chunk) {
    filterGradientChunk(x, windowStart, tapOffset, tapRows, grad, dw, first, min(cells, first + chunk), channels);
  }
}

function filterGradientChunk(
  x: usize, windowStart: usize, tapOffset: usize, tapRows: i32,
  grad: usize, dw: usize, first: i32, last: i32, channels: i32,
): void {
  const row = <usize>channels << 3;
  for (let t = 0; t < tapRows; t += 4) {
    const at = tapOffset + (<usize>t << 2);
    const t0 = <usize>load<i32>(at) << 3;
    const t1 = <usize>load<i32>(at, 4) << 3;
    const t2 = <usize>load<i32>(at, 8) << 3;
    const t3 = <usize>load<i32>(at, 12) << 3;
    for (let c = 0; c < channels; c += 4) {
      const zero = f64x2.splat(0);
      let w0lo = zero, w0hi = zero, w1lo = zero, w1hi = zero;
      let w2lo = zero, w2hi = zero, w3lo = zero, w3hi = zero;
      let gi = grad + ((<usize>first * <usize>channels + <usize>c) << 3);
      for (let p = first; p < last; p++) {
        const s = x + (<usize>load<i32>(windowStart + (<usize>p << 2)) << 3);
        const gLo = v128.load(gi);
        const gHi = v128.load(gi, 16);
        gi += row;
        let v = v128.load64_splat(s + t0);
        w0lo = f64x2.add(w0lo, f64x2.mul(v, gLo)); w0hi = f64x2.add(w0hi, f64x2.mul(v, gHi));
        v = v128.load64_splat(s + t1);
        w1lo = f64x2.add(w1lo, f64x2.mul(v, gLo)); w1hi = f64x2.add(w1hi, f64x2.mul(v, gHi));
        v = v128.load64_splat(s + t2);
        w2lo = f64x2.add(w2lo, f64x2.mul(v, gLo)); w2hi = f64x2.add(w2hi, f64x2.mul(v, gHi));
        v = v128.load64_splat(s + t3);
        w3lo = f64x2.add(w3lo, f64x2.mul(v, gLo)); w3hi = f64x2.add(w3hi, f64x2.mul(v, gHi));
      }
      let o = dw + ((<usize>t * <usize>channels + <usize>c) << 3);
      v128.store(o, f64x2.add(v128.load(o), w0lo)); v128.store(o, f64x2.add(v128.load(o, 16), w0hi), 16); o += row;
      v128.store(o, f64x2.add(v128.load(o), w1lo)); v128.store(o, f64x2.add(v128.load(o, 16), w1hi), 16); o += row;
      v128.store(o, f64x2.add(v128.load(o), w2lo)); v128.store(o, f64x2.add(v128.load(o, 16), w2hi), 16); o += row;
      v128.store(o, f64x2.add(v128.load(o), w3lo)); v128.store(o, f64x2.add(v128.load(o, 16), w3hi), 16);
    }
  }
}

/**
 * dX = G W^T added onto the windows: four output cells by four taps at a
 * time, summing over the filters in order. `wt` is W transposed, [channels,
 * tapRows], so the four taps of one filter are adjacent (two f64x2).
 */
export function inputGradientTiles(
  dx: usize, windowStart: usize, tapOffset: usize, tapRows: i32,
  grad: usize, wt: usize, rows: i32, channels: i32,
): void {
  const row = <usize>channels << 3;
  const wRow = <usize>tapRows << 3;
  for (let p = 0; p < rows; p += 4) {
    const at = windowStart + (<usize>p << 2);
    const s0 = dx + (<usize>load<i32>(at) << 3);
    const s1 = dx + (<usize>load<i32>(at, 4) << 3);
    const s2 = dx + (<usize>load<i32>(at, 8) << 3);
    const s3 = dx + (<usize>load<i32>(at, 12) << 3);
    const g0 = grad + ((<usize>p * <usize>channels) << 3);
    for (let t = 0; t < tapRows; t += 4) {
      const zero = f64x2.splat(0);
      let x0lo = zero, x0hi = zero, x1lo = zero, x1hi = zero;
      let x2lo = zero, x2hi = zero, x3lo = zero, x3hi = zero;
      let wi = wt + (<usize>t << 3);
      let gi = g0;
      for (let c = 0; c < channels; c++) {
        const vLo = v128.load(wi);
        const vHi = v128.load(wi, 16);
        wi += wRow;
        let u = v128.load64_splat(gi);
        x0lo = f64x2.add(x0lo, f64x2.mul(u, vLo)); x0hi = f64x2.add(x0hi, f64x2.mul(u, vHi));
        u = v128.load64_splat(gi + row);
        x1lo = f64x2.add(x1lo, f64x2.mul(u, vLo)); x1hi = f64x2.add(x1hi, f64x2.mul(u, vHi));
        u = v128.load64_splat(gi + 2 * row);
        x2lo = f64x2.add(x2lo, f64x2.mul(u, vLo)); x2hi = f64x2.add(x2hi, f64x2.mul(u, vHi));
        u = v128.load64_splat(gi + 3 * row);
        x3lo = f64x2.add(x3lo, f64x2.mul(u, vLo)); x3hi = f64x2.add(x3hi, f64x2.mul(u, vHi));
        gi += 8;
      }
      const tt = tapOffset + (<usize>t << 2);
      const t0 = <usize>load<i32>(tt) << 3;
      const t1 = <usize>load<i32>(tt, 4) << 3;
      const t2 = <usize>load<i32>(tt, 8) << 3;
      const t3 = <usize>load<i32>(tt, 12) << 3;
      addTaps(s0, t0, t1, t2, t3, x0lo, x0hi);
      addTaps(s1, t0, t1, t2, t3, x1lo, x1hi);
      addTaps(s2, t0, t1, t2, t3, x2lo, x2hi);
      addTaps(s3, t0, t1, t2, t3, x3lo, x3hi);
    }
  }
}

/** Adds the four tap sums of one cell (lanes of lo and hi) at their offsets from the window's corner. */
function addTaps(s: usize, t0: usize, t1: usize, t2: usize, t3: usize, lo: v128, hi: v128): void {
  store<f64>(s + t0, load<f64>(s + t0) + f64x2.extract_lane(lo, 0));
  store<f64>(s + t1, load<f64>(s + t1) + f64x2.extract_lane(lo, 1));
  store<f64>(s + t2, load<f64>(s + t2) + f64x2.extract_lane(hi, 0));
  store<f64>(s + t3, load<f64>(s + t3) + f64x2.extract_lane(hi, 1));
}
