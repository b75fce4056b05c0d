/**
 * `npm run bench`: times every workload (ours, TensorFlow.js CPU, and the
 * plain multiply-add loop where the workload has one) and prints a table.
 * `npm run bench -- --json` prints one JSON object per line instead:
 *   {"workload", "ours_ms", "tfjs_ms", "ratio", "peak_ms"?, "peak_fraction"?}
 * with medians of several rounds after warm-up, ratio = tfjs_ms / ours_ms.
 * `--only=name[,name]` runs the named workloads only. `--cpu` times CPU time
 * instead of wall time (for a machine loaded by other work; see timing.ts). Without --json, the
 * workloads that have one (the geology training step) print a per-op
 * breakdown of our step under the table.
 */
import { jsonLine, result, table, type BenchResult } from './report.ts';
import { timeInTurns, type Clock } from './timing.ts';
import { WORKLOADS } from './workloads/index.ts';

function parseArgs(argv: readonly string[]): { json: boolean; only: string[] | null; clock: Clock } {
  let json = false;
  let only: string[] | null = null;
  let clock: Clock = 'wall';
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else if (arg === '--cpu') clock = 'cpu';
    else if (arg.startsWith('--only=')) only = arg.slice('--only='.length).split(',').filter(Boolean);
    else throw new Error(`unknown argument ${arg}; expected --json, --cpu or --only=name[,name]`);
  }
  return { json, only, clock };
}

async function main(): Promise<void> {
  const { json, only, clock } = parseArgs(process.argv.slice(2));
  const unknown = (only ?? []).filter((name) => !WORKLOADS.some((w) => w.name === name));
  if (unknown.length > 0) throw new Error(`unknown workload ${unknown.join(', ')}; known: ${WORKLOADS.map((w) => w.name).join(', ')}`);
  const selected = WORKLOADS.filter((w) => only === null || only.includes(w.name));
  if (!json) console.log(`Node ${process.version}, ${selected.length} workload(s); medians after warm-up, contestants timed in turns, ${clock === 'cpu' ? 'CPU time of the process' : 'wall time'}\n`);
  const results: BenchResult[] = [];
  for (const workload of selected) {
    const contestants = await workload.prepare();
    try {
      const { ours, tfjs, peak } = contestants;
      const started = performance.now();
      const times = timeInTurns(peak === undefined ? { ours, tfjs } : { ours, tfjs, peak }, workload.timing, clock);
      if (!json) console.error(`${workload.name}: timed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const r = result(workload.name, workload.description, { ours: times.ours!, tfjs: times.tfjs!, peak: times.peak });
      results.push(r);
      if (json) console.log(jsonLine(r));
    } finally {
      contestants.dispose?.();
    }
  }
  if (json) return;
  console.log(table(results));
  for (const workload of selected) {
    if (workload.breakdown) console.log(`\n${await workload.breakdown(clock)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
