/**
 * Timing shared by the workloads: warm every contestant up (so V8 has
 * optimised the kernels), then run them in turns, one call each per round,
 * and keep the median of each.
 *
 * Clocks. 'wall' (the default, for a quiet machine) is performance.now().
 * On a loaded machine turns do not slow every contestant alike: a call
 * shorter than the scheduler's time slice often runs whole, while a longer
 * one is descheduled again and again, so wall time stretches long calls far
 * more than short ones and the ratios lie. 'cpu' counts the CPU time the
 * process actually got (process.cpuUsage, user + system, every thread of the
 * process: V8's compiler and garbage collector threads included), which
 * other processes do not inflate.
 */
export type Clock = 'wall' | 'cpu';

export interface TimingOptions {
  warmup: number;
  rounds: number;
}

/** Milliseconds on `clock` since some fixed origin. */
export function clockNow(clock: Clock): number {
  if (clock === 'wall') return performance.now();
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
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
export function timeInTurns(
  fns: Readonly<Record<string, () => void>>,
  options: TimingOptions = DEFAULT_TIMING,
  clock: Clock = 'wall',
): Record<string, number> {
  const names = Object.keys(fns);
  for (const name of names) for (let i = 0; i < options.warmup; i++) fns[name]!();
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const name of names) {
      const start = clockNow(clock);
      fns[name]!();
      samples[name]!.push(clockNow(clock) - start);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name]!)]));
}
