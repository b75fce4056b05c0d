/**
 * Round tick values (1, 2 or 5 times a power of ten), as d3-array's `ticks`
 * does, rewritten here because the core may not import d3. Values are rounded
 * to 12 significant digits so 0.1 * 3 prints as 0.3, not 0.30000000000000004.
 */

/** A round step giving about `count` intervals over [lo, hi] (0 if degenerate). */
export function tickStep(lo: number, hi: number, count: number): number {
  const span = Math.abs(hi - lo);
  if (!(span > 0) || !Number.isFinite(span) || count <= 0) return 0;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  return factor * power;
}

export function roundTick(v: number): number {
  const r = Number(v.toPrecision(12));
  return r === 0 ? 0 : r;
}

/** Round values inside [lo, hi], about `count` of them, ascending. */
export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (lo > hi) [lo, hi] = [hi, lo];
  if (lo === hi) return [roundTick(lo)];
  const step = tickStep(lo, hi, count);
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(roundTick(i * step));
  return out;
}

/**
 * Ticks for a colour legend: the round values inside the domain, plus 0 for a
 * diverging map whose domain straddles it (the neutral colour must be labelled).
 */
export function legendTicks(domain: readonly [number, number], count = 5, centreZero = false): number[] {
  const t = ticks(domain[0], domain[1], count);
  if (centreZero && domain[0] < 0 && domain[1] > 0 && !t.includes(0)) {
    t.push(0);
    t.sort((a, b) => a - b);
  }
  return t;
}
