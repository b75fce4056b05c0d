/**
 * Trains the geology chapter's default network (src/model/presets/geology.ts)
 * through the training session the worker runs (createTrainingSession with
 * the worker's 'geology' generator; only the clock and the task queue are
 * Node's), and prints the validation accuracy after every epoch against wall
 * time and CPU time (process.cpuUsage: on a shared machine wall time measures
 * the other processes too).
 *
 *   npx tsx test/bench/geology-preset.ts              # the preset
 *   npx tsx test/bench/geology-preset.ts --all        # the preset and the alternatives tried
 *   npx tsx test/bench/geology-preset.ts seed-2 n400   # named candidates
 *   npx tsx test/bench/geology-preset.ts --browser    # the preset in the bundled worker in headless Chromium
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GEOLOGY_PRESET, presetJob, type TrainingPreset } from '../../src/model/presets/geology.ts';
import { createTrainingSession } from '../../src/model/training-session.ts';
import type { EpochRecord, WorkerMessage } from '../../src/model/worker-protocol.ts';
import { geologyData } from '../../src/workers/geology-data.ts';

function withData(p: TrainingPreset, dataset: Partial<TrainingPreset['data']['options']['dataset']>, inputShape?: TrainingPreset['inputShape']): TrainingPreset {
  return {
    ...p,
    ...(inputShape ? { inputShape } : {}),
    data: { ...p.data, options: { ...p.data.options, dataset: { ...p.data.options.dataset, ...dataset } } },
  };
}

/** Alternatives measured against the preset (its doc comment reports them). */
const CANDIDATES: Record<string, TrainingPreset> = {
  preset: GEOLOGY_PRESET,
  // The same preset from other initial weights and sample orders, and on another data set.
  'seed-2': { ...GEOLOGY_PRESET, seed: 2 },
  'seed-3': { ...GEOLOGY_PRESET, seed: 3 },
  'data-7': withData(GEOLOGY_PRESET, { seed: 7 }),
  // Alternatives.
  'lr-3e-3': { ...GEOLOGY_PRESET, optimizer: { ...GEOLOGY_PRESET.optimizer, lr: 3e-3 } },
  'n400': withData(GEOLOGY_PRESET, { count: 400 }),
  'scaled-n3000': withData(GEOLOGY_PRESET, { count: 3000, encoding: 'scaled' }, [12, 12, 12, 1]),
  'filters-12-n2400': {
    ...withData(GEOLOGY_PRESET, { count: 2400 }),
    layers: GEOLOGY_PRESET.layers.map((l) => (l.type === 'conv' ? { ...l, filters: 12 } : l)),
  },
  'pad-n2000': { ...GEOLOGY_PRESET, layers: GEOLOGY_PRESET.layers.map((l) => (l.type === 'conv' && l.name === 'c1' ? { ...l, padding: [1, 1, 1] as const } : l)) },
  'batch-8': { ...GEOLOGY_PRESET, batchSize: 8 },
  'filters-12': { ...GEOLOGY_PRESET, layers: GEOLOGY_PRESET.layers.map((l) => (l.type === 'conv' ? { ...l, filters: 12 } : l)) },
  'hidden-32': {
    ...GEOLOGY_PRESET,
    layers: [...GEOLOGY_PRESET.layers.slice(0, -1), { type: 'dense', name: 'fc1', units: 32 }, { type: 'activation', kind: 'relu' }, { type: 'dense', name: 'fc2', units: 4 }],
  },
  'double': { ...GEOLOGY_PRESET, layers: GEOLOGY_PRESET.layers.map((l) => (l.type === 'conv' && l.name === 'c2' ? { ...l, filters: 16 } : l)) },
  'n2400': withData(GEOLOGY_PRESET, { count: 2400 }),
  's16-n1000': withData(GEOLOGY_PRESET, { count: 1000, size: 16 }, [16, 16, 16, 4]),
};

export interface EpochTiming {
  readonly record: EpochRecord;
  readonly wallMs: number;
  readonly cpuMs: number;
}

export interface BenchResult {
  readonly name: string;
  readonly parameterCount: number;
  readonly trainSize: number;
  readonly validationSize: number;
  /** Building the job: generating the data set and drawing the weights. */
  readonly setupWallMs: number;
  readonly setupCpuMs: number;
  readonly epochs: EpochTiming[];
  readonly error: string | null;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

/** Runs one preset to its end in the real session; the session's slices run back to back. */
export function benchPreset(name: string, preset: TrainingPreset, log: (line: string) => void = () => {}): BenchResult {
  const queue: (() => void)[] = [];
  const epochs: EpochTiming[] = [];
  let error: string | null = null;
  let info: Extract<WorkerMessage, { type: 'started' }> | null = null;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const session = createTrainingSession({
    post(m) {
      if (m.type === 'started') info = m;
      if (m.type === 'error' || m.type === 'diverged') error = m.message;
      if (m.type !== 'progress') return;
      for (const record of m.runs[0]!.epochs) {
        const t = { record, wallMs: performance.now() - t0, cpuMs: cpuMs(c0) };
        epochs.push(t);
        log(
          `${name}: epoch ${String(record.epoch).padStart(2)}  train loss ${record.loss.toFixed(3)} acc ${(record.accuracy! * 100).toFixed(1)}%  ` +
            `validation acc ${(record.validationAccuracy! * 100).toFixed(1)}%  wall ${(t.wallMs / 1000).toFixed(1)} s  cpu ${(t.cpuMs / 1000).toFixed(1)} s`,
        );
      }
    },
    now: () => performance.now(),
    defer: (task) => queue.push(task),
    generators: { geology: geologyData },
  });
  session.handle({ type: 'start', jobId: name, job: presetJob(preset) });
  const setupWallMs = performance.now() - t0;
  const setupCpuMs = cpuMs(c0);
  const started = info as Extract<WorkerMessage, { type: 'started' }> | null;
  if (started) log(`${name}: ${started.network.parameterCount} parameters, ${started.data.trainSize} training and ${started.data.validationSize} validation samples, set up in wall ${(setupWallMs / 1000).toFixed(1)} s cpu ${(setupCpuMs / 1000).toFixed(1)} s`);
  for (let task = queue.shift(); task; task = queue.shift()) task();
  return {
    name,
    parameterCount: started?.network.parameterCount ?? 0,
    trainSize: started?.data.trainSize ?? 0,
    validationSize: started?.data.validationSize ?? 0,
    setupWallMs,
    setupCpuMs,
    epochs,
    error,
  };
}

/** CPU seconds (user + system) of every process descended from this one: the browser's, when it runs. */
function childCpuSeconds(): number {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process ended while we looked
    }
  }
  let sum = 0;
  for (const [pid, t] of ticks) {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === process.pid) {
        sum += t;
        break;
      }
    }
  }
  return sum / 100; // USER_HZ
}

/**
 * The preset in headless Chromium: the worker bundled as the site does
 * (esbuild here, to skip building the site), started with the preset's job,
 * epochs timed with performance.now() in the page; CPU from /proc (Linux).
 */
async function browserBench(name: string, preset: TrainingPreset): Promise<void> {
  const { build } = await import('esbuild');
  const { launchChromium } = await import('../e2e/support/browser.ts');
  const { serveStatic } = await import('../e2e/support/static-server.ts');
  const dir = mkdtempSync(join(tmpdir(), 'geology-bench-'));
  await build({ entryPoints: [fileURLToPath(new URL('../../src/workers/training.worker.ts', import.meta.url))], bundle: true, format: 'esm', outfile: join(dir, 'assets', 'training.worker-bench.js'), logLevel: 'warning' });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>geology preset</title><script type="module" src="main.js"></script>');
  writeFileSync(
    join(dir, 'main.js'),
    `const job = ${JSON.stringify(presetJob(preset))};
const epochs = (window.epochs = []);
const worker = new Worker('assets/training.worker-bench.js', { type: 'module' });
let t0 = 0;
worker.onmessage = (event) => {
  const m = event.data;
  if (m.type === 'ready') { t0 = performance.now(); worker.postMessage({ type: 'start', jobId: 'bench', job }); }
  if (m.type === 'started') window.benchKernel = m.kernel;
  if (m.type === 'progress') for (const e of m.runs[0].epochs) epochs.push({ epoch: e.epoch, validationAccuracy: e.validationAccuracy, ms: performance.now() - t0 });
  if (m.type === 'error') window.benchResult = { error: m.message, epochs };
  if (m.type === 'done') window.benchResult = { error: null, epochs };
};`,
  );
  const server = await serveStatic(dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const cpu0 = childCpuSeconds();
    await page.goto(`${server.url}index.html`);
    // Polled every 200 ms: the browser's CPU time when each epoch's record reached the page.
    type Result = { error: string | null; epochs: { epoch: number; validationAccuracy: number; ms: number }[] };
    const cpuAt: number[] = [];
    let result: Result | null = null;
    const deadline = Date.now() + 900_000;
    while (!result && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      const state = await page.evaluate(() => ({ count: (window as unknown as { epochs: unknown[] }).epochs.length, result: (window as unknown as { benchResult?: Result }).benchResult ?? null }));
      const cpu = childCpuSeconds() - cpu0;
      while (cpuAt.length < state.count) cpuAt.push(cpu);
      result = state.result;
    }
    if (!result) throw new Error('the browser run did not end within 15 minutes');
    const cpu = childCpuSeconds() - cpu0;
    result.epochs.forEach((e, i) =>
      console.log(`${name} in Chromium: epoch ${String(e.epoch).padStart(2)}  validation acc ${(e.validationAccuracy * 100).toFixed(1)}%  wall ${(e.ms / 1000).toFixed(1)} s  browser cpu <= ${(cpuAt[i] ?? cpu).toFixed(1)} s`),
    );
    if (result.error) console.log(`${name} in Chromium: ${result.error}`);
    console.log(`${name} in Chromium: convolutions on the ${await page.evaluate(() => (window as unknown as { benchKernel?: string }).benchKernel ?? 'unknown')} kernel`);
    const first = result.epochs.find((e) => e.validationAccuracy >= 0.9);
    console.log(`${name} in Chromium: ${first ? `>= 90% at epoch ${first.epoch}, wall ${(first.ms / 1000).toFixed(1)} s` : 'never reached 90%'}; last ${((result.epochs.at(-1)?.validationAccuracy ?? 0) * 100).toFixed(1)}% after wall ${((result.epochs.at(-1)?.ms ?? 0) / 1000).toFixed(1)} s; browser CPU ${cpu.toFixed(1)} s (all its processes, page load included)`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(args: string[]): Promise<void> {
  const names = args.includes('--all') ? Object.keys(CANDIDATES) : args.filter((a) => !a.startsWith('--'));
  for (const name of names.length ? names : ['preset']) {
    const preset = CANDIDATES[name];
    if (!preset) throw new Error(`no candidate ${name}; there are ${Object.keys(CANDIDATES).join(', ')}`);
    if (args.includes('--browser')) {
      await browserBench(name, preset);
      continue;
    }
    const r = benchPreset(name, preset, (line) => console.log(line));
    if (r.error) console.log(`${name}: ${r.error}`);
    const last = r.epochs.at(-1)?.record;
    if (last?.confusion) {
      const k = Math.round(Math.sqrt(last.confusion.length));
      for (let c = 0; c < k; c++) console.log(`${name}: confusion, true class ${c}: ${last.confusion.slice(c * k, c * k + k).map((v) => String(v).padStart(4)).join('')}`);
    }
    const first = r.epochs.find((e) => (e.record.validationAccuracy ?? 0) >= 0.9);
    const best = Math.max(...r.epochs.map((e) => e.record.validationAccuracy ?? 0));
    console.log(
      `${name}: ${first ? `>= 90% validation accuracy at epoch ${first.record.epoch}, wall ${(first.wallMs / 1000).toFixed(1)} s, cpu ${(first.cpuMs / 1000).toFixed(1)} s` : 'never reached 90%'}; ` +
        `best ${(best * 100).toFixed(1)}%, last ${((r.epochs.at(-1)?.record.validationAccuracy ?? 0) * 100).toFixed(1)}% after wall ${((r.epochs.at(-1)?.wallMs ?? 0) / 1000).toFixed(1)} s, cpu ${((r.epochs.at(-1)?.cpuMs ?? 0) / 1000).toFixed(1)} s`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
