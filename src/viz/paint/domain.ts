/**
 * Colour domains: the range of values a colour scale spans. Non-finite values
 * are ignored (they are painted NON_FINITE_RGB); a constant or empty tensor
 * still gets a usable, non-degenerate domain.
 */
import type { ColormapKind } from './colormap.ts';
import { roundTick, tickStep } from './ticks.ts';

/** Smallest and largest finite value, or null when there is none. */
export function finiteExtent(values: ArrayLike<number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi && Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : finiteExtentSlow(values);
}

// Only reached when infinities are present: the fast loop above let them in.
function finiteExtentSlow(values: ArrayLike<number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Extend [lo, hi] outwards to multiples of a round step (d3's `nice`, twice for stability). */
export function niceExtent(lo: number, hi: number, count = 5): [number, number] {
  for (let pass = 0; pass < 2; pass++) {
    const step = tickStep(lo, hi, count);
    if (step === 0) break;
    lo = roundTick(Math.floor(lo / step + 1e-9) * step);
    hi = roundTick(Math.ceil(hi / step - 1e-9) * step);
  }
  return [lo, hi];
}

/**
 * A readable colour domain for `values`: a nice extent for a sequential map;
 * for a diverging map, symmetric about 0 ([-m, m] with m the nice largest
 * magnitude) so the neutral colour means exactly zero.
 */
export function niceDomain(values: ArrayLike<number>, kind: ColormapKind, count = 5): [number, number] {
  const ext = finiteExtent(values);
  return niceDomainOf(ext, kind, count);
}

/** `niceDomain` from an extent already known (null = no finite values). */
export function niceDomainOf(ext: readonly [number, number] | null, kind: ColormapKind, count = 5): [number, number] {
  if (ext === null) return kind === 'diverging' ? [-1, 1] : [0, 1];
  let [lo, hi] = ext;
  if (kind === 'diverging') {
    let m = Math.max(Math.abs(lo), Math.abs(hi));
    if (m === 0) m = 1;
    const [, top] = niceExtent(0, m, count);
    return [-top, top];
  }
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) / 2;
    if (lo === 0) return [0, 1];
    lo -= pad;
    hi += pad;
  }
  return niceExtent(lo, hi, count);
}
