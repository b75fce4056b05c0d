/**
 * Binning for the histogram (presentation only: the samples come from the
 * chapter). Bins are [edge_k, edge_k+1), the last one closed, as d3.bin does;
 * non-finite samples and samples outside the edges are counted apart so the
 * chart can say so instead of silently dropping them.
 */

export interface Bins {
  edges: number[];
  counts: number[];
  /** Finite samples inside the edges. */
  inside: number;
  outside: number;
  nonFinite: number;
}

/** `n` equal bins over [lo, hi]. */
export function equalEdges(lo: number, hi: number, n: number): number[] {
  const count = Math.max(1, Math.floor(n));
  if (!(hi > lo)) [lo, hi] = [lo - 0.5, lo + 0.5];
  return Array.from({ length: count + 1 }, (_, i) => (i === count ? hi : lo + ((hi - lo) * i) / count));
}

/** Default bin count: Sturges' rule, at least 10 and at most 60. */
export function defaultBinCount(n: number): number {
  return Math.max(10, Math.min(60, Math.ceil(Math.log2(Math.max(1, n)) + 1)));
}

export function binValues(values: ArrayLike<number>, edges: readonly number[]): Bins {
  const k = edges.length - 1;
  const counts = new Array<number>(Math.max(0, k)).fill(0);
  const lo = edges[0]!;
  const hi = edges[k]!;
  let inside = 0;
  let outside = 0;
  let nonFinite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      nonFinite++;
      continue;
    }
    if (v < lo || v > hi) {
      outside++;
      continue;
    }
    // Binary search for the last edge <= v; the top edge belongs to the last bin.
    let a = 0;
    let b = k;
    while (b - a > 1) {
      const m = (a + b) >> 1;
      if (edges[m]! <= v) a = m;
      else b = m;
    }
    counts[a]!++;
    inside++;
  }
  return { edges: [...edges], counts, inside, outside, nonFinite };
}

/** Height of each bar: a count, or a density (count / (total * width)) comparable with a pdf. */
export function barHeights(bins: Bins, normalize: 'count' | 'density'): number[] {
  if (normalize === 'count') return bins.counts.slice();
  const total = bins.inside + bins.outside;
  return bins.counts.map((c, i) => (total > 0 ? c / (total * (bins.edges[i + 1]! - bins.edges[i]!)) : 0));
}
