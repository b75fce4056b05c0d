/**
 * npm run soak: leave a page open for a long time and check nothing grows
 * (issue 8). Builds the site (unless --no-build), serves it with its CSP,
 * and in headless Chromium (playwright-core, /usr/bin/chromium):
 *
 *   training  chapter 9's CNN race kept training for 10 minutes (Train
 *             again whenever it finishes), sampled every 30 s;
 *   sliders   1,000 slider moves on chapter 3 (shapes change, so the 3D
 *             views rebuild their buffers), sampled every 15 s.
 *
 * Each sample follows a full garbage collection: JS heap, DOM nodes, event
 * listeners, three.js geometries, textures, programs and draw calls (see
 * soak.ts). Prints a table per part (and, with --json, then one JSON object
 * per line: each sample, then each part's verdict); exits 1 if a figure ends more than 10% above its level after the
 * first minute.
 *
 *   npm run soak
 *   npm run soak -- --minutes=2 --moves=300 --json --no-build
 *   ATLAS_DIST=/tmp/dist-x npm run soak       build into another folder
 *   --only=training | --only=sliders          one part
 *   --train-page=09 --slider-page=03          pages, by the start of their folder name
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import process from 'node:process';
import { launchChromium, newContext } from '../e2e/support/browser.ts';
import { waitForIdle } from '../e2e/support/notebook.ts';
import { serveStatic } from '../e2e/support/static-server.ts';
import { CHAPTERS, chapterDir } from '../../src/notebook/chapters.ts';
import { DEBUG_FLAG, formatResult, jsonLines, openCdp, settleFrame, soakSliders, soakTraining, type Sample, type SoakResult } from './soak.ts';

const root = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const json = args.includes('--json');
const minutes = Number(option('minutes', '10'));
const moves = Number(option('moves', '1000'));
const only = option('only', '');
const trainPage = option('train-page', '09');
const sliderPage = option('slider-page', '03');
const distDir = process.env.ATLAS_DIST ?? join(root, 'dist');

if (!(minutes > 0) || !(moves > 0)) {
  console.error('--minutes and --moves must be positive numbers');
  process.exit(2);
}

const folder = (prefix: string): string => {
  const entry = CHAPTERS.find((c) => chapterDir(c).startsWith(prefix));
  if (!entry) throw new Error(`no chapter folder starts with ${prefix}`);
  return chapterDir(entry);
};

if (!args.includes('--no-build')) {
  const built = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn', '--outDir', distDir], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('The site did not build.');
    process.exit(1);
  }
}

const log = (name: string) => (s: Sample) => {
  const v = s.values;
  console.log(`  ${name} ${(s.t / 1000).toFixed(0)} s, ${s.work} done: heap ${v.heapMB.toFixed(1)} MB, ${v.nodes} nodes, ${v.listeners} listeners, ${v.geometries} geometries, ${v.textures} textures, ${v.calls} calls`);
};

const server = await serveStatic(distDir);
const browser = await launchChromium();
const results: SoakResult[] = [];
try {
  const open = async (dir: string) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.addInitScript(DEBUG_FLAG);
    await page.goto(new URL(`chapters/${dir}/`, server.url).href, { waitUntil: 'load' });
    await waitForIdle(page, 120_000);
    return { page, context, problems };
  };

  if (only === '' || only === 'training') {
    const dir = folder(trainPage);
    console.log(`Training on ${dir} for ${minutes} min…`);
    const { page, context, problems } = await open(dir);
    const cdp = await openCdp(page);
    const slot = (await page.locator('[data-slot] .training').first().evaluate((el) => el.closest('[data-slot]')!.getAttribute('data-slot'))) ?? 'cnn';
    results.push(
      await soakTraining(page, cdp, { slot, durationMs: minutes * 60_000, sampleEveryMs: Math.min(30_000, (minutes * 60_000) / 10), baseline: (s) => s.t >= Math.min(60_000, (minutes * 60_000) / 4), onSample: log('training') }),
    );
    if (problems.length) throw new Error(`training page errors:\n  ${problems.join('\n  ')}`);
    await context.close();
  }

  if (only === '' || only === 'sliders') {
    const dir = folder(sliderPage);
    console.log(`${moves} slider moves on ${dir}…`);
    const { page, context, problems } = await open(dir);
    const cdp = await openCdp(page);
    results.push(await soakSliders(page, cdp, { moves, reach: 3, sampleEveryMs: 15_000, baseline: (s) => s.t >= 60_000 || s.work >= moves / 4, settle: settleFrame, onSample: log('sliders') }));
    if (problems.length) throw new Error(`slider page errors:\n  ${problems.join('\n  ')}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

for (const r of results) console.log(`\n${formatResult(r)}`);
if (json) for (const r of results) for (const line of jsonLines(r)) console.log(line);
const failed = results.filter((r) => !r.ok);
console.log(failed.length ? `\nFAILED: ${failed.map((r) => r.name).join(', ')} grew by more than 10%.` : '\nEvery figure ended within 10% of its level after the first minute.');
process.exit(failed.length ? 1 : 0);
