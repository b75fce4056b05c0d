/**
 * `npm run bench:pages`: the pages of the built site in headless Chromium
 * (playwright-core, /usr/bin/chromium, WebGL through SwiftShader), against the
 * targets of issue 7:
 *
 *   - page weight: every page's compressed JavaScript against its budget
 *     (page-weight.ts; the same check runs after each e2e build), and whether
 *     three.js, D3 and KaTeX load only where the page uses them (a WebGL view,
 *     elements bound by D3's data joins, a typeset equation);
 *   - slider latency: every range control of every chapter moved many times
 *     with the keyboard at the chapter's default settings; from the input
 *     event to the end of the frame after which no cell computes and no 3D
 *     view waits to be drawn (probe.js says exactly how); median and p95;
 *   - draw calls: of every 3D view of each chapter (the page scrolled so each
 *     is drawn), from three.js' renderer.info of the shared renderer;
 *   - orbit: frames per second while a 32×32×32 voxel tensor (chapter 1's
 *     input at size 32, 3D) turns by its own keyboard input every frame;
 *   - training: for every training panel (chapter 8's race, chapter 9's CNN
 *     race, chapter 11 when it lands), the longest main-thread task and the
 *     frame times while the worker trains.
 *
 *   npm run bench:pages                         build, then measure every chapter
 *   npm run bench:pages -- --no-build           reuse the build (ATLAS_DIST or dist/)
 *   npm run bench:pages -- --pages=01,09        only chapters whose folder contains 01 or 09
 *   npm run bench:pages -- --json               one JSON object per line instead of tables
 *   npm run bench:pages -- --moves=20 --train-seconds=10 --orbit-seconds=5
 *
 * Timings depend on the machine and its load: report them with the load
 * average printed at the top. Sizes do not.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import type { Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumAvailable, launchChromium, newContext } from '../../e2e/support/browser.ts';
import { serveStatic } from '../../e2e/support/static-server.ts';
import { budgetProblems, LIBRARIES, libraryOf, pageWeights, weightTable, type Library, type PageWeight } from './page-weight.ts';
import { summarize, type Summary } from './stats.ts';

const root = join(import.meta.dirname, '..', '..', '..');

interface Options {
  json: boolean;
  build: boolean;
  pages: string[];
  moves: number;
  trainSeconds: number;
  orbitSeconds: number;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { json: false, build: true, pages: [], moves: 16, trainSeconds: 8, orbitSeconds: 5 };
  const number = (arg: string, name: string): number => {
    const value = Number(arg.slice(name.length + 3));
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number, not ${arg}`);
    return value;
  };
  for (const arg of argv) {
    if (arg === '--json') options.json = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg.startsWith('--pages=')) options.pages = arg.slice('--pages='.length).split(',').filter(Boolean);
    else if (arg.startsWith('--moves=')) options.moves = Math.round(number(arg, 'moves'));
    else if (arg.startsWith('--train-seconds=')) options.trainSeconds = number(arg, 'train-seconds');
    else if (arg.startsWith('--orbit-seconds=')) options.orbitSeconds = number(arg, 'orbit-seconds');
    else throw new Error(`unknown argument ${arg}; expected --json, --no-build, --pages=a,b, --moves=N, --train-seconds=S, --orbit-seconds=S`);
  }
  return options;
}

interface Latency {
  key: string;
  ms: number;
  frames: number;
  settled: boolean;
}

interface ChapterResult {
  page: string;
  weight: PageWeight;
  /** Libraries loaded without being used on screen. */
  unused: Library[];
  /** Libraries used on screen (WebGL views, charts, equations). */
  used: Library[];
  ranges: number;
  latency: Summary | null;
  latencyFrames: Summary | null;
  unsettled: number;
  slowest: { key: string; ms: number } | null;
  views3d: number;
  drawCalls: number;
  maxCallsPerView: number;
  problems: string[];
}

interface TrainingResult {
  page: string;
  panel: string;
  seconds: number;
  updates: string;
  longestTask: number;
  tasksOver50: number;
  frame: Summary | null;
}

interface OrbitResult {
  page: string;
  cells: number;
  fps: number;
  frame: Summary | null;
  calls: number;
  triangles: number;
}

const probeScript = readFileSync(join(import.meta.dirname, 'probe.js'), 'utf8');

async function open(browser: Awaited<ReturnType<typeof launchChromium>>, url: string) {
  const context = await newContext(browser);
  const page = await context.newPage();
  const problems: string[] = [];
  const scripts: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.addInitScript({ content: probeScript });
  await page.goto(url, { waitUntil: 'load' });
  await waitForIdle(page);
  return { page, problems, scripts, close: () => context.close() };
}

async function waitForIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => (document.documentElement.dataset.notebook ?? 'idle') === 'idle', undefined, { timeout });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

async function frames(page: Page, n: number): Promise<void> {
  await page.evaluate((count) => (window as unknown as { __pageBench: { frames(n: number): Promise<void> } }).__pageBench.frames(count), n);
}

/** What the page shows: WebGL views, elements drawn by D3 (charts, diagrams), typeset equations. */
async function librariesUsed(page: Page): Promise<Library[]> {
  const shown = await page.evaluate(() => {
    const viz = (window as unknown as { __cnnAtlasViz?: { rendererStats(): { views: number } } }).__cnnAtlasViz;
    return {
      three: (viz?.rendererStats().views ?? 0) > 0,
      // D3's data joins leave their datum on the elements they bind (__data__).
      d3: [...document.querySelectorAll('main *')].some((el) => '__data__' in el),
      katex: document.querySelector('.katex') !== null,
    };
  });
  return LIBRARIES.filter((lib) => shown[lib]);
}

/** Scrolls through the page so each 3D view is drawn once; its draw calls when drawn. */
async function drawCalls(page: Page): Promise<{ views: number; total: number; max: number }> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const viewport = page.viewportSize()!.height;
  const calls = new Map<number, number>();
  let views = 0;
  for (let y = 0; y < height; y += Math.floor(viewport * 0.8)) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await frames(page, 3);
    const perView = await page.evaluate(() => {
      const viz = (window as unknown as { __cnnAtlasViz?: { rendererStats(): { perView: { calls: number; drawn: boolean }[] } } }).__cnnAtlasViz;
      return viz?.rendererStats().perView ?? [];
    });
    views = Math.max(views, perView.length);
    perView.forEach((v, i) => {
      if (v.drawn) calls.set(i, Math.max(calls.get(i) ?? 0, v.calls));
    });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  const list = [...calls.values()];
  return { views, total: list.reduce((a, b) => a + b, 0), max: list.length ? Math.max(...list) : 0 };
}

/** Moves every range control `moves` times with the arrow keys, walking back and forth, each move timed by the probe. */
async function sliderLatency(page: Page, moves: number): Promise<{ ranges: number; samples: Latency[] }> {
  const ranges = await page.locator('.control[data-control] input[type=range]').all();
  for (const range of ranges) {
    if (!(await range.isVisible()) || (await range.isDisabled())) continue;
    await range.scrollIntoViewIfNeeded();
    await range.focus();
    const { value, min, max } = await range.evaluate((el: HTMLInputElement) => ({ value: Number(el.value), min: Number(el.min), max: Number(el.max) }));
    let up = value < max;
    let steps = 0;
    for (let move = 0; move < moves; move++) {
      const current = Number(await range.inputValue());
      if ((up && current >= max) || (!up && current <= min) || steps >= Math.max(2, moves / 4)) {
        up = !up;
        steps = 0;
      }
      const before = await page.evaluate(() => (window as unknown as { __pageBench: { latencies: unknown[] } }).__pageBench.latencies.length);
      await page.keyboard.press(up ? 'ArrowRight' : 'ArrowLeft');
      steps++;
      await page.waitForFunction((n) => (window as unknown as { __pageBench: { latencies: unknown[] } }).__pageBench.latencies.length > n, before, { timeout: 60_000 });
      await waitForIdle(page);
    }
  }
  const samples = await page.evaluate(() => (window as unknown as { __pageBench: { latencies: Latency[] } }).__pageBench.latencies);
  return { ranges: ranges.length, samples };
}

async function chapterBench(browser: Awaited<ReturnType<typeof launchChromium>>, base: string, weight: PageWeight, options: Options): Promise<ChapterResult> {
  const { page, problems, scripts, close } = await open(browser, new URL(weight.page.replace(/index\.html$/, ''), base).href);
  try {
    const used = await librariesUsed(page);
    const loaded = LIBRARIES.filter((lib) => scripts.some((s) => libraryOf(s) === lib));
    const calls = await drawCalls(page);
    const { ranges, samples } = await sliderLatency(page, options.moves);
    const settled = samples.filter((s) => s.settled);
    const slowest = settled.reduce<Latency | null>((a, s) => (a === null || s.ms > a.ms ? s : a), null);
    return {
      page: weight.name,
      weight,
      used,
      unused: loaded.filter((lib) => !used.includes(lib)),
      ranges,
      latency: summarize(settled.map((s) => s.ms)),
      latencyFrames: summarize(settled.map((s) => s.frames)),
      unsettled: samples.length - settled.length,
      slowest: slowest ? { key: slowest.key, ms: slowest.ms } : null,
      views3d: calls.views,
      drawCalls: calls.total,
      maxCallsPerView: calls.max,
      problems,
    };
  } finally {
    await close();
  }
}

async function orbitBench(browser: Awaited<ReturnType<typeof launchChromium>>, base: string, seconds: number): Promise<OrbitResult> {
  const { page, close } = await open(browser, new URL('chapters/01-architecture/?dims=3&size=32', base).href);
  try {
    const stage = page.locator('[data-slot="input"] .viz3d__stage');
    await stage.scrollIntoViewIfNeeded();
    await stage.focus();
    await frames(page, 5);
    const result = await stage.evaluate(
      (el, s) => (window as unknown as { __pageBench: { orbit(el: Element, s: number): Promise<{ frames: number; seconds: number; frameTimes: number[]; calls: number; triangles: number }> } }).__pageBench.orbit(el, s),
      seconds,
    );
    const label = (await page.locator('[data-slot="input"] .viz3d__stage').getAttribute('aria-label')) ?? '';
    const shape = /(\d+)×(\d+)×(\d+)/.exec(label);
    return {
      page: '01-architecture ?dims=3&size=32',
      cells: shape ? Number(shape[1]) * Number(shape[2]) * Number(shape[3]) : 0,
      fps: result.frames / result.seconds,
      frame: summarize(result.frameTimes),
      calls: result.calls,
      triangles: result.triangles,
    };
  } finally {
    await close();
  }
}

async function trainingBench(browser: Awaited<ReturnType<typeof launchChromium>>, base: string, weight: PageWeight, seconds: number): Promise<TrainingResult[]> {
  const { page, close } = await open(browser, new URL(weight.page.replace(/index\.html$/, ''), base).href);
  const results: TrainingResult[] = [];
  try {
    const panels = await page.locator('.training').all();
    for (const panel of panels) {
      const slot = (await panel.evaluate((el) => el.closest('[data-slot]')?.getAttribute('data-slot') ?? '')) || 'training';
      const train = panel.locator('.training__buttons button').first();
      await train.scrollIntoViewIfNeeded();
      await page.waitForFunction((el) => !(el as HTMLButtonElement).disabled && /^(Train|Resume)$/.test(el!.textContent ?? ''), await train.elementHandle(), { timeout: 60_000 });
      await frames(page, 3);
      await page.evaluate(() => (window as unknown as { __pageBench: { startRecording(): void } }).__pageBench.startRecording());
      await train.click();
      await page.waitForTimeout(seconds * 1000);
      const recorded = await page.evaluate(() => (window as unknown as { __pageBench: { stopRecording(): { frameTimes: number[]; longtasks: { ms: number }[] } } }).__pageBench.stopRecording());
      const updates = (await panel.locator('.training__value').first().textContent()) ?? '';
      if (/^Pause$/.test((await train.textContent()) ?? '')) await train.click();
      results.push({
        page: weight.name,
        panel: slot,
        seconds,
        updates: updates.trim(),
        longestTask: recorded.longtasks.reduce((m, t) => Math.max(m, t.ms), 0),
        tasksOver50: recorded.longtasks.filter((t) => t.ms > 50).length,
        frame: summarize(recorded.frameTimes),
      });
    }
  } finally {
    await close();
  }
  return results;
}

const ms = (v: number | undefined): string => (v === undefined ? '-' : v.toFixed(1));

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const dist = process.env.ATLAS_DIST ?? join(root, 'dist');
  const say = (text: string) => {
    if (!options.json) console.log(text);
  };
  if (!chromiumAvailable()) throw new Error(`Chromium is not at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set ATLAS_CHROMIUM`);
  if (options.build) {
    say(`Building the site into ${dist}…`);
    const built = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn', '--outDir', dist], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the site did not build');
  }

  const load = loadavg().map((l) => l.toFixed(2)).join(', ');
  say(`Headless Chromium (${CHROMIUM_PATH}, SwiftShader WebGL), ${cpus().length} cores, load average ${load}\n`);
  const weights = pageWeights(dist);
  say('Page weight (compressed JavaScript each page loads, lazy chunks and workers included):\n');
  say(weightTable(weights));
  const over = budgetProblems(weights);
  for (const p of over) say(`  OVER BUDGET ${p.page}: ${p.message}`);
  if (options.json) {
    for (const w of weights) console.log(JSON.stringify({ kind: 'weight', page: w.name, js_gzip: w.totals.gzip, js_brotli: w.totals.brotli, js_raw: w.totals.raw, libraries: w.libraries }));
  }

  const chapters = weights.filter((w) => w.kind === 'chapter' && (options.pages.length === 0 || options.pages.some((p) => w.name.includes(p))));
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  const results: ChapterResult[] = [];
  const training: TrainingResult[] = [];
  let orbit: OrbitResult | null = null;
  try {
    for (const weight of chapters) {
      say(`\n${weight.name}: moving every slider ${options.moves} times…`);
      const r = await chapterBench(browser, server.url, weight, options);
      results.push(r);
      if (options.json) {
        console.log(
          JSON.stringify({
            kind: 'chapter',
            page: r.page,
            ranges: r.ranges,
            samples: r.latency?.n ?? 0,
            latency_median_ms: r.latency?.median ?? null,
            latency_p95_ms: r.latency?.p95 ?? null,
            latency_max_ms: r.latency?.max ?? null,
            frames_median: r.latencyFrames?.median ?? null,
            unsettled: r.unsettled,
            slowest_control: r.slowest?.key ?? null,
            views_3d: r.views3d,
            draw_calls: r.drawCalls,
            max_calls_per_view: r.maxCallsPerView,
            libraries_used: r.used,
            libraries_unused: r.unused,
            problems: r.problems,
          }),
        );
      }
      if (hasTraining(weight)) {
        say(`${weight.name}: training for ${options.trainSeconds} s…`);
        for (const t of await trainingBench(browser, server.url, weight, options.trainSeconds)) {
          training.push(t);
          if (options.json) {
            console.log(JSON.stringify({ kind: 'training', page: t.page, panel: t.panel, seconds: t.seconds, updates: t.updates, longest_task_ms: t.longestTask, tasks_over_50ms: t.tasksOver50, frame_median_ms: t.frame?.median ?? null, frame_p95_ms: t.frame?.p95 ?? null, frame_max_ms: t.frame?.max ?? null }));
          }
        }
      }
    }
    if (options.pages.length === 0 || options.pages.some((p) => '01-architecture'.includes(p))) {
      say(`\nOrbiting a 32×32×32 voxel tensor for ${options.orbitSeconds} s…`);
      orbit = await orbitBench(browser, server.url, options.orbitSeconds);
      if (options.json) {
        console.log(JSON.stringify({ kind: 'orbit', page: orbit.page, cells: orbit.cells, fps: orbit.fps, frame_median_ms: orbit.frame?.median ?? null, frame_p95_ms: orbit.frame?.p95 ?? null, draw_calls: orbit.calls, triangles: orbit.triangles }));
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  if (!options.json) {
    console.log(`\nSlider latency, input event to the end of the frame that shows it (ms; target: median ≤ 16, p95 ≤ 50), and 3D draw calls:\n`);
    console.log(
      table(
        ['chapter', 'ranges', 'moves', 'median', 'p95', 'max', 'frames (median)', 'slowest control', '3D views', 'draw calls', 'max per view', 'libraries unused'],
        results.map((r) => [
          r.page,
          String(r.ranges),
          String(r.latency?.n ?? 0) + (r.unsettled ? ` (+${r.unsettled} unsettled)` : ''),
          ms(r.latency?.median),
          ms(r.latency?.p95),
          ms(r.latency?.max),
          r.latencyFrames ? String(r.latencyFrames.median) : '-',
          r.slowest?.key ?? '-',
          String(r.views3d),
          String(r.drawCalls),
          String(r.maxCallsPerView),
          r.unused.join(' ') || '-',
        ]),
      ),
    );
    if (training.length > 0) {
      console.log(`\nWhile training in the worker (target: no main-thread task over 50 ms):\n`);
      console.log(
        table(
          ['chapter', 'panel', 'seconds', 'update reached', 'longest task ms', 'tasks > 50 ms', 'frame median ms', 'frame p95 ms', 'frame max ms'],
          training.map((t) => [t.page, t.panel, String(t.seconds), t.updates, ms(t.longestTask), String(t.tasksOver50), ms(t.frame?.median), ms(t.frame?.p95), ms(t.frame?.max)]),
        ),
      );
    }
    if (orbit) {
      console.log(`\nOrbit (${orbit.page}, ${orbit.cells} cells):\n`);
      console.log(
        table(
          ['view', 'fps', 'frame median ms', 'frame p95 ms', 'draw calls per frame', 'triangles'],
          [['32×32×32 voxels', orbit.fps.toFixed(1), ms(orbit.frame?.median), ms(orbit.frame?.p95), String(orbit.calls), String(orbit.triangles)]],
        ),
      );
    }
    const problems = results.flatMap((r) => r.problems.map((p) => `${r.page}: ${p}`));
    if (problems.length > 0) console.log(`\nProblems seen on the pages:\n  ${problems.join('\n  ')}`);
  }
  if (over.length > 0) process.exitCode = 1;
}

/** A page trains only where a worker script is part of its JavaScript. */
function hasTraining(weight: PageWeight): boolean {
  return weight.js.some((f) => f.load === 'worker');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
