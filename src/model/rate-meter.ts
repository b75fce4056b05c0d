/**
 * Updates per second over a sliding window of training time: jumpy when
 * measured per 50 ms message, steady enough to read over about a second.
 * Training time (not wall time), so a pause does not dilute the rate.
 */
export interface RateMeter {
  /** A reading: `count` updates done by time `t` (ms). */
  add(t: number, count: number): void;
  /** Over the window up to the latest reading; null until two readings at least 1 ms apart. */
  perSecond(): number | null;
  clear(): void;
}

export function createRateMeter(windowMs: number): RateMeter {
  let readings: { t: number; count: number }[] = [];
  return {
    add(t, count) {
      readings.push({ t, count });
      // Keep one reading at or before the window's start, so the window stays full.
      while (readings.length > 2 && readings[1]!.t <= t - windowMs) readings.shift();
    },
    perSecond() {
      if (readings.length < 2) return null;
      const first = readings[0]!;
      const last = readings[readings.length - 1]!;
      const dt = last.t - first.t;
      return dt >= 1 ? ((last.count - first.count) * 1000) / dt : null;
    },
    clear() {
      readings = [];
    },
  };
}
