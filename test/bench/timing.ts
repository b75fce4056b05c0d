/**
 * Wall-clock timing shared by the workloads: warm every contestant up (so
 * V8 has optimised the kernels), then run them in turns, one call each per
 * round, so a background load on the machine slows all of them alike, and
 * keep the median of each.
 */
export interface TimingOptions {
  warmup: number;
  rounds: number;
}

export const DEFAULT_TIMING: TimingOptions = { warmup: 3, rounds: 15 };

/** For the larger layer, whose TensorFlow.js backward pass takes seconds: still a median of several rounds. */
export const LONG_TIMING: TimingOptions = { warmup: 1, rounds: 7 };

export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median milliseconds of each named function, measured round-robin. */
export function timeInTurns(fns: Readonly<Record<string, () => void>>, options: TimingOptions = DEFAULT_TIMING): Record<string, number> {
  const names = Object.keys(fns);
  for (const name of names) for (let i = 0; i < options.warmup; i++) fns[name]!();
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const name of names) {
      const start = performance.now();
      fns[name]!();
      samples[name]!.push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name]!)]));
}
