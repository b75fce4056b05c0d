/**
 * sin, cos and atan from + - * / only.
 *
 * Why not Math.sin: ECMAScript leaves the transcendental functions
 * "implementation-approximated", so two browsers may differ in the last bit,
 * and one bit is enough to move a bed boundary across a cell centre. The basic
 * operations (and Math.sqrt, Math.round, Math.floor) are exactly rounded
 * IEEE 754, so these polynomials give bit-identical results on every engine.
 * Accuracy is a few ulp, far below a cell.
 */

const PI = 3.141592653589793;
const HALF_PI = PI / 2;
/** pi/2 split in two (Cody-Waite) so that x - k pi/2 stays accurate for the small k used here. */
const HALF_PI_HI = 1.5707963267341256;
const HALF_PI_LO = 6.077100506506192e-11;
const SQRT3 = 1.7320508075688772;
const TAN_PI_12 = 0.2679491924311227;

/** Taylor series of sin on |r| <= pi/4, to r^17 (the first term left out is below 1e-19). */
function sinKernel(r: number): number {
  const r2 = r * r;
  let term = r;
  let sum = r;
  for (let n = 1; n <= 8; n++) {
    term *= -r2 / ((2 * n) * (2 * n + 1));
    sum += term;
  }
  return sum;
}

/** Taylor series of cos on |r| <= pi/4, to r^18 (the first term left out is below 1e-20). */
function cosKernel(r: number): number {
  const r2 = r * r;
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 9; n++) {
    term *= -r2 / ((2 * n - 1) * (2 * n));
    sum += term;
  }
  return sum;
}

/** Reduce x >= 0 to r in [-pi/4, pi/4] and the quadrant k mod 4. */
function reduce(x: number): [number, number] {
  const k = Math.round(x / HALF_PI);
  const r = x - k * HALF_PI_HI - k * HALF_PI_LO;
  return [r, k % 4];
}

export function exactSin(x: number): number {
  // reduce |x| only, so that sin(-x) = -sin(x) bit for bit (rounding of k is not symmetric at .5)
  if (x < 0) return -exactSin(-x);
  const [r, q] = reduce(x);
  if (q === 0) return sinKernel(r);
  if (q === 1) return cosKernel(r);
  if (q === 2) return -sinKernel(r);
  return -cosKernel(r);
}

export function exactCos(x: number): number {
  if (x < 0) return exactCos(-x);
  const [r, q] = reduce(x);
  if (q === 0) return cosKernel(r);
  if (q === 1) return -sinKernel(r);
  if (q === 2) return -cosKernel(r);
  return sinKernel(r);
}

/** atan on |t| <= tan(pi/12) by its alternating series, to t^29 (the first term left out is below 1e-19). */
function atanKernel(t: number): number {
  const t2 = t * t;
  let power = t;
  let sum = t;
  for (let n = 1; n <= 14; n++) {
    power *= -t2;
    sum += power / (2 * n + 1);
  }
  return sum;
}

/** atan(x) for any finite x, in (-pi/2, pi/2). */
export function exactAtan(x: number): number {
  if (x < 0) return -exactAtan(-x);
  if (x > 1) return HALF_PI - exactAtan(1 / x);
  if (x > TAN_PI_12) {
    // atan(x) = pi/6 + atan((x - 1/sqrt3) / (1 + x/sqrt3)), bringing the argument below tan(pi/12)
    return PI / 6 + atanKernel((x * SQRT3 - 1) / (SQRT3 + x));
  }
  return atanKernel(x);
}

export const DEG = PI / 180;

export function degrees(radians: number): number {
  return radians / DEG;
}

export function radians(deg: number): number {
  return deg * DEG;
}

export const TWO_PI = 2 * PI;
