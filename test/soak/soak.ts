/**
 * Soak checks (issue 8), shared by `npm run soak` (test/soak/run.ts: 10
 * minutes of training, 1,000 slider moves) and the short e2e version
 * (test/e2e/specs/soak.spec.ts: 1 minute, 200 moves).
 *
 *   training: a chapter's training panel is kept training (Train, and Train
 *             again whenever the job finishes) for `durationMs`;
 *   sliders:  every range control of a 3D chapter is moved a few steps right
 *             and back again, in turn, `moves` times in all.
 *
 * Samples are taken after a full garbage collection (CDP
 * HeapProfiler.collectGarbage): the page's JS heap (Runtime.getHeapUsage),
 * DOM nodes and event listeners (Performance.getMetrics), and the shared
 * renderer's three.js figures (renderer.info.memory geometries and textures,
 * compiled programs, draw calls of a full redraw) from
 * window.__cnnAtlasViz, which the page exposes only under the test's debug
 * init flag. The slider samples are taken when every slider is back at its
 * starting value, so the page shows the same thing each time.
 *
 * The rule: each figure's last sample is at most 10% above its level at the
 * baseline (in the full soak the first sample after the first minute).
 * Falling is fine; growing is a leak.
 */
import type { CDPSession, Page } from 'playwright-core';
import '../e2e/support/webgl.ts'; // window.__cnnAtlasViz's type

export { DEBUG_FLAG } from '../e2e/support/webgl.ts';

export const METRICS = ['heapMB', 'nodes', 'listeners', 'geometries', 'textures', 'programs', 'calls'] as const;
export type Metric = (typeof METRICS)[number];

export interface Sample {
  /** Milliseconds since the soak began. */
  readonly t: number;
  /** Updates trained or slider moves made so far. */
  readonly work: number;
  readonly values: Readonly<Record<Metric, number>>;
}

export interface Verdict {
  readonly metric: Metric;
  readonly baseline: number;
  readonly last: number;
  readonly max: number;
  /** last / baseline − 1 (0 when both are 0). */
  readonly growth: number;
  readonly ok: boolean;
}

export interface SoakResult {
  readonly name: string;
  readonly samples: readonly Sample[];
  readonly baselineIndex: number;
  readonly verdicts: readonly Verdict[];
  readonly ok: boolean;
}

export const TOLERANCE = 0.1;

/** A full redraw of every visible 3D view, so the draw-call count does not depend on which view asked last. */
async function fullRedraw(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        dispatchEvent(new Event('resize'));
        requestAnimationFrame(() => requestAnimationFrame(() => done()));
      }),
  );
}

export async function measure(page: Page, cdp: CDPSession): Promise<Record<Metric, number>> {
  // The page's first 3D view in the window: the renderer draws (and uploads) only what is seen.
  const stage = page.locator('.viz3d__stage').first();
  if ((await stage.count()) > 0) await stage.scrollIntoViewIfNeeded();
  await fullRedraw(page);
  // A page without 3D views has no renderer: its figures are 0.
  const stats = await page.evaluate(() => window.__cnnAtlasViz?.rendererStats() ?? null);
  // Twice: objects freed by the first collection's finalizers go in the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    heapMB: heap.usedSize / 2 ** 20,
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    geometries: stats?.geometries ?? 0,
    textures: stats?.textures ?? 0,
    programs: stats?.programs ?? 0,
    calls: stats?.calls ?? 0,
  };
}

export async function openCdp(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

/** `isBaseline`: the first sample it accepts is the baseline (the one before the last if none is). */
export function judge(name: string, samples: readonly Sample[], isBaseline: (s: Sample) => boolean): SoakResult {
  if (samples.length < 2) throw new Error(`${name}: fewer than two samples`);
  let baselineIndex = samples.findIndex(isBaseline);
  if (baselineIndex < 0 || baselineIndex === samples.length - 1) baselineIndex = Math.max(0, samples.length - 2);
  const base = samples[baselineIndex]!;
  const last = samples[samples.length - 1]!;
  const verdicts = METRICS.map((metric): Verdict => {
    const b = base.values[metric];
    const l = last.values[metric];
    const max = Math.max(...samples.slice(baselineIndex).map((s) => s.values[metric]));
    const growth = b === 0 ? (l === 0 ? 0 : Infinity) : l / b - 1;
    return { metric, baseline: b, last: l, max, growth, ok: l <= b * (1 + TOLERANCE) };
  });
  return { name, samples, baselineIndex, verdicts, ok: verdicts.every((v) => v.ok) };
}

const round = (v: number, digits = 1) => (Number.isInteger(v) ? String(v) : v.toFixed(digits));

/** The samples as a text table, the baseline row marked, then the verdicts. */
export function formatResult(r: SoakResult): string {
  const head = ['t (s)', 'work', ...METRICS];
  const rows = r.samples.map((s, i) => [`${round(s.t / 1000, 0)}${i === r.baselineIndex ? '*' : ''}`, String(s.work), ...METRICS.map((m) => round(s.values[m], 2))]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padStart(widths[c]!)).join('  ');
  const verdicts = r.verdicts.map((v) => `  ${v.ok ? 'ok  ' : 'FAIL'} ${v.metric}: ${round(v.baseline, 2)} at the baseline, ${round(v.last, 2)} at the end (${v.growth === Infinity ? '+∞' : `${v.growth >= 0 ? '+' : ''}${(100 * v.growth).toFixed(1)}%`}), peak ${round(v.max, 2)}`);
  return [`${r.name}  (* = baseline; the end must be within +${100 * TOLERANCE}% of it)`, line(head), ...rows.map(line), ...verdicts].join('\n');
}

/** One JSON object per line: each sample, then the verdict. */
export function jsonLines(r: SoakResult): string[] {
  return [
    ...r.samples.map((s, i) => JSON.stringify({ soak: r.name, t: s.t, work: s.work, baseline: i === r.baselineIndex, ...s.values })),
    JSON.stringify({ soak: r.name, ok: r.ok, verdicts: r.verdicts }),
  ];
}

export interface TrainingSoak {
  /** data-slot of the training panel (chapter 9: 'cnn'). */
  readonly slot: string;
  readonly durationMs: number;
  readonly sampleEveryMs: number;
  /** Which sample is the baseline (the full soak: the first after one minute). */
  readonly baseline: (s: Sample) => boolean;
  readonly onSample?: (s: Sample) => void;
}

/** Keeps the panel in `slot` training for `durationMs` (Train again each time the job finishes) and samples. */
export async function soakTraining(page: Page, cdp: CDPSession, o: TrainingSoak): Promise<SoakResult> {
  const panel = page.locator(`[data-slot="${o.slot}"] .training`);
  const main = panel.locator('.training__buttons button').first();
  await panel.waitFor();
  const start = Date.now();
  const samples: Sample[] = [];
  let trained = 0;
  let lastUpdate = 0;
  let nextSample = 0;
  while (true) {
    const t = Date.now() - start;
    const state = await panel.getAttribute('data-state');
    if (state === 'failed' || state === 'error') throw new Error(`training failed: ${await panel.locator('.training__status').textContent()}`);
    const text = (await main.textContent()) ?? '';
    if (/^(Train|Train again|Resume)$/.test(text) && !(await main.isDisabled())) await main.click();
    const update = Number(((await panel.locator('.training__value').first().textContent()) ?? '').replace(/[^\d]/g, '')) || 0;
    trained += update >= lastUpdate ? update - lastUpdate : update;
    lastUpdate = update;
    if (t >= nextSample || t >= o.durationMs) {
      const sample: Sample = { t, work: trained, values: await measure(page, cdp) };
      samples.push(sample);
      o.onSample?.(sample);
      nextSample = t + o.sampleEveryMs;
    }
    if (t >= o.durationMs) break;
    await page.waitForTimeout(500);
  }
  return judge('training', samples, o.baseline);
}

/**
 * Resolves on the first animation frame at which no cell is computing (one
 * round trip: cheaper per move than the e2e support's waitForIdle, which
 * also waits for fonts).
 */
export async function settleFrame(page: Page): Promise<void> {
  // A string: a named function inside would meet the transpiler's __name helper, absent from the page.
  await page.evaluate(`new Promise((done) => {
    const check = () => ((document.documentElement.dataset.notebook ?? 'idle') === 'idle' ? done() : requestAnimationFrame(check));
    requestAnimationFrame(check);
  })`);
}

export interface SliderSoak {
  readonly moves: number;
  /** Steps right and back per slider and turn. */
  readonly reach: number;
  readonly sampleEveryMs: number;
  readonly baseline: (s: Sample) => boolean;
  /** Waits until the page has computed everything after a move. */
  readonly settle: (page: Page) => Promise<void>;
  readonly onSample?: (s: Sample) => void;
}

/**
 * Moves every enabled, visible range control `reach` steps up and back again
 * (fewer near its top), one control after another, until `moves` moves have
 * been made; samples at the end of a turn, when every slider is back at its
 * starting value.
 */
export async function soakSliders(page: Page, cdp: CDPSession, o: SliderSoak): Promise<SoakResult> {
  const inputs = [];
  for (const input of await page.locator('.control input[type=range]').all()) {
    if ((await input.isVisible()) && (await input.isEnabled())) inputs.push(input);
  }
  if (inputs.length === 0) throw new Error('the page has no slider to move');
  const start = Date.now();
  const samples: Sample[] = [{ t: 0, work: 0, values: await measure(page, cdp) }];
  o.onSample?.(samples[0]!);
  let moves = 0;
  let nextSample = o.sampleEveryMs;
  while (moves < o.moves) {
    for (const input of inputs) {
      const [value, max, step] = await input.evaluate((el) => {
        const i = el as HTMLInputElement;
        return [Number(i.value), Number(i.max), Number(i.step) || 1];
      });
      const k = Math.max(1, Math.min(o.reach, Math.round((max - value) / step)));
      const up = value + step <= max;
      await input.focus();
      for (const key of [up ? 'ArrowRight' : 'ArrowLeft', up ? 'ArrowLeft' : 'ArrowRight']) {
        for (let i = 0; i < k; i++) {
          await page.keyboard.press(key);
          await o.settle(page);
          moves++;
        }
      }
      if (moves >= o.moves) break;
    }
    const t = Date.now() - start;
    if (t >= nextSample || moves >= o.moves) {
      const sample: Sample = { t, work: moves, values: await measure(page, cdp) };
      samples.push(sample);
      o.onSample?.(sample);
      nextSample = t + o.sampleEveryMs;
    }
  }
  return judge('sliders', samples, o.baseline);
}
