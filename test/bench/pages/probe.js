/*
 * The page benchmark's probe, installed by `npm run bench:pages`
 * (test/bench/pages/run.ts) as an init script, before the page's own
 * scripts. Plain JavaScript (no build step): it runs as it is written.
 * Reader pages never contain it.
 *
 * Slider latency, from the input event to the end of the frame that shows
 * its result:
 *   - a capture-phase `input` listener on the document sees a range control's
 *     input event before the control does, and keeps event.timeStamp (the
 *     time the browser created the event, on the performance.now() clock);
 *   - after every following animation frame it checks, in a post-frame
 *     callback (a MessageChannel message posted from requestAnimationFrame
 *     runs after that frame's style, layout and paint), whether the page has
 *     settled: no cell is computing (no [aria-busy="true"] slot) and the
 *     shared WebGL renderer has no view waiting to be drawn;
 *   - the first frame after which the page has settled ends the sample:
 *     latency = performance.now() in that post-frame callback - timeStamp,
 *     with the number of frames it took.
 * Long tasks come from a PerformanceObserver ('longtask'); frame times are
 * the intervals between requestAnimationFrame callbacks while recording.
 */
(() => {
  // The renderer's statistics hook (shared-renderer.ts) is exposed only when a test asks for it.
  window.__cnnAtlasDebug = true;

  const MAX_FRAMES = 600;
  const probe = {
    latencies: [],
    longtasks: [],
    frameTimes: [],
    recordingFrames: false,
  };

  const afterFrame = (callback) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        callback();
      };
      channel.port2.postMessage(0);
    });
  };

  const rendererPending = () => {
    const viz = window.__cnnAtlasViz;
    if (!viz) return 0;
    const stats = viz.rendererStats();
    return stats.available && !stats.contextLost ? stats.pending : 0;
  };

  const settled = () => document.querySelector('[aria-busy="true"]') === null && rendererPending() === 0;

  document.addEventListener(
    'input',
    (event) => {
      const target = event.target;
      if (!(target instanceof HTMLInputElement) || target.type !== 'range') return;
      const field = target.closest('[data-control]');
      const key = field ? field.dataset.control : target.name || target.id;
      const start = event.timeStamp;
      let frames = 0;
      const check = () => {
        frames++;
        if (settled() || frames >= MAX_FRAMES) {
          probe.latencies.push({ key, ms: performance.now() - start, frames, settled: frames < MAX_FRAMES });
          return;
        }
        afterFrame(check);
      };
      afterFrame(check);
    },
    { capture: true },
  );

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longtasks.push({ start: entry.startTime, ms: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task timing in this browser: the benchmark reports none measured.
  }

  let last = 0;
  const frame = (time) => {
    if (!probe.recordingFrames) return;
    if (last > 0) probe.frameTimes.push(time - last);
    last = time;
    requestAnimationFrame(frame);
  };

  /** Frame times and long tasks from now on. */
  probe.startRecording = () => {
    probe.frameTimes = [];
    probe.longtasks = [];
    last = 0;
    if (!probe.recordingFrames) {
      probe.recordingFrames = true;
      requestAnimationFrame(frame);
    }
  };
  probe.stopRecording = () => {
    probe.recordingFrames = false;
    return { frameTimes: probe.frameTimes.slice(), longtasks: probe.longtasks.slice() };
  };

  /**
   * Orbits a 3D view for `seconds` by its own keyboard input (an arrow key
   * every animation frame, as a held key would), and counts the frames the
   * shared renderer drew meanwhile.
   */
  probe.orbit = (stage, seconds) =>
    new Promise((resolve) => {
      const viz = window.__cnnAtlasViz;
      const before = viz.rendererStats().frames;
      const times = [];
      let first = 0;
      let previous = 0;
      const step = (time) => {
        if (first === 0) first = time;
        if (previous > 0) times.push(time - previous);
        previous = time;
        if (time - first >= seconds * 1000) {
          const stats = viz.rendererStats();
          resolve({ frames: stats.frames - before, seconds: (time - first) / 1000, frameTimes: times, calls: stats.calls, triangles: stats.triangles });
          return;
        }
        stage.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, cancelable: true }));
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });

  /** Resolves after `n` frames have been drawn and settled. */
  probe.frames = (n) =>
    new Promise((resolve) => {
      let left = n;
      const next = () => (--left <= 0 ? resolve() : afterFrame(next));
      afterFrame(next);
    });

  window.__pageBench = probe;
})();
