/** Summaries of timing samples for the page benchmark. */
export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

/** The p-th percentile (0..100) by nearest rank of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('no samples');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary | null {
  if (samples.length === 0) return null;
  const sorted = samples.slice().sort((a, b) => a - b);
  const median = sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return { n: sorted.length, median, p95: percentile(sorted, 95), max: sorted[sorted.length - 1]! };
}
