/**
 * Is the page free while the worker trains? A probe installed in the page
 * records the start of every animation frame (requestAnimationFrame) and
 * every main-thread task over 50 ms (the Long Tasks API); reading it gives
 * the frame intervals and the longest task over the window it watched.
 */
import type { Page } from 'playwright-core';

export interface Responsiveness {
  /** How long the probe watched, ms. */
  readonly windowMs: number;
  readonly frames: number;
  readonly medianFrameMs: number;
  readonly p95FrameMs: number;
  readonly longestFrameMs: number;
  /** Main-thread tasks over 50 ms (the Long Tasks API's threshold) and the longest of them, 0 when none. */
  readonly longTasks: number;
  readonly longestTaskMs: number;
  /** When the longest frame interval ended, ms after the probe started. */
  readonly longestFrameAtMs: number;
}

interface ProbeWindow {
  __responsiveness?: { start: number; frames: number[]; tasks: number[]; stop(): void };
}
/*
 * The in-page probe as source text: tsx compiles this file with esbuild's
 * keepNames, whose `__name` helper does not exist inside the page, so the
 * code that runs there is not compiled here.
 */
const PROBE_SOURCE = `(() => {
  window.__responsiveness?.stop();
  const frames = [];
  const tasks = [];
  let running = true;
  const tick = (t) => {
    if (!running) return;
    frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  window.__responsiveness = {
    start: performance.now(),
    frames,
    tasks,
    stop() {
      running = false;
      observer.disconnect();
    },
  };
})()`;

/** Starts watching; any earlier probe on the page is stopped first. */
export async function startResponsivenessProbe(page: Page): Promise<void> {
  await page.evaluate(PROBE_SOURCE);
}

/** Stops the probe and summarises what it saw. */
export async function readResponsiveness(page: Page): Promise<Responsiveness> {
  const raw = await page.evaluate(() => {
    const probe = (window as unknown as ProbeWindow).__responsiveness;
    if (!probe) throw new Error('startResponsivenessProbe was not called on this page');
    probe.stop();
    return { windowMs: performance.now() - probe.start, start: probe.start, frames: [...probe.frames], tasks: [...probe.tasks] };
  });
  const gaps = raw.frames.slice(1).map((t, i) => ({ ms: t - raw.frames[i]!, at: t - raw.start }));
  const longest = gaps.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: -Infinity, at: 0 });
  const intervals = gaps.map((g) => g.ms).sort((a, b) => a - b);
  const at = (q: number): number => (intervals.length ? intervals[Math.min(intervals.length - 1, Math.floor(q * intervals.length))]! : Infinity);
  return {
    windowMs: raw.windowMs,
    frames: raw.frames.length,
    medianFrameMs: at(0.5),
    p95FrameMs: at(0.95),
    longestFrameMs: intervals.length ? intervals[intervals.length - 1]! : Infinity,
    longTasks: raw.tasks.length,
    longestTaskMs: raw.tasks.length ? Math.max(...raw.tasks) : 0,
    longestFrameAtMs: gaps.length ? longest.at : 0,
  };
}

export function describeResponsiveness(r: Responsiveness): string {
  const ms = (v: number): string => `${v.toFixed(1)} ms`;
  return (
    `${r.frames} frames in ${ms(r.windowMs)}: median interval ${ms(r.medianFrameMs)}, 95th percentile ${ms(r.p95FrameMs)}, ` +
    `longest ${ms(r.longestFrameMs)} (ending ${ms(r.longestFrameAtMs)} in); ${r.longTasks} main-thread task(s) over 50 ms, longest ${ms(r.longestTaskMs)}`
  );
}
