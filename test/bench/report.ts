/** One result per workload, printed as a table for people or one JSON object per line for scripts. */
export interface BenchResult {
  workload: string;
  description: string;
  ours_ms: number;
  tfjs_ms: number;
  /** tfjs_ms / ours_ms: how many times faster than TensorFlow.js's CPU backend. */
  ratio: number;
  peak_ms?: number;
  /** (macs / ours_ms) / (macs / peak_ms) = peak_ms / ours_ms. */
  peak_fraction?: number;
}

export function result(workload: string, description: string, times: { ours: number; tfjs: number; peak?: number }): BenchResult {
  const r: BenchResult = { workload, description, ours_ms: times.ours, tfjs_ms: times.tfjs, ratio: times.tfjs / times.ours };
  if (times.peak !== undefined) {
    r.peak_ms = times.peak;
    r.peak_fraction = times.peak / times.ours;
  }
  return r;
}

const round = (v: number): number => Math.round(v * 1000) / 1000;

export function jsonLine(r: BenchResult): string {
  const line: Record<string, string | number> = { workload: r.workload, ours_ms: round(r.ours_ms), tfjs_ms: round(r.tfjs_ms), ratio: round(r.ratio) };
  if (r.peak_ms !== undefined && r.peak_fraction !== undefined) {
    line.peak_ms = round(r.peak_ms);
    line.peak_fraction = round(r.peak_fraction);
  }
  return JSON.stringify(line);
}

export function table(results: readonly BenchResult[]): string {
  const header = ['workload', 'ours ms', 'tfjs ms', 'x tfjs', 'peak ms', 'of peak'];
  const rows = results.map((r) => [
    r.workload,
    r.ours_ms.toFixed(2),
    r.tfjs_ms.toFixed(2),
    `${r.ratio.toFixed(2)}x`,
    r.peak_ms === undefined ? '-' : r.peak_ms.toFixed(2),
    r.peak_fraction === undefined ? '-' : `${Math.round(r.peak_fraction * 100)}%`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const format = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const notes = results.map((r) => `  ${r.workload}: ${r.description}`);
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...rows.map(format), '', ...notes].join('\n');
}
