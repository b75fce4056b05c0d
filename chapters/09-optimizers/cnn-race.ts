/**
 * The race on a real CNN: the training worker runs one job with a run per
 * optimizer from identical initial weights (cnn-job.ts); the training panel
 * (Train / Pause / Resume, Step, Reset; updates, speed) drives it, and the
 * loss curves of every run are overlaid as they come. A new job (the
 * settings changed and stood still for 300 ms, or a button pressed)
 * replaces the old one, paused at update 0. The worker is
 * ended when the view is disposed.
 */
import type { TrainingView } from '../../src/model/training-view.ts';
import type { TrainingJob } from '../../src/model/worker-protocol.ts';
import { createTrainingClient } from '../../src/notebook/training-client.ts';
import { trainingControls } from '../../src/notebook/training-controls.ts';
import { createLineChart, type LineSeries } from '../../src/viz/charts/index.ts';
import { formatValue } from '../../src/viz/paint/format.ts';
import { RUNNER_COLORS, type RunnerId } from './race.ts';

/** How long the settings must stand still before a new job goes to the worker. */
const START_DELAY_MS = 300;

export interface CnnRace {
  readonly node: HTMLElement;
  update(job: TrainingJob): void;
  dispose(): void;
}

/** The mean training loss of every epoch a run finished, against the update it ended on. */
export function epochSeries(view: TrainingView): LineSeries[] {
  return view.runs.map((r) => ({
    name: r.label,
    color: RUNNER_COLORS[r.id as RunnerId] ?? undefined,
    x: r.epochs.map((e) => e.step),
    y: r.epochs.map((e) => e.loss),
  }));
}

/** One sentence on the held-out samples after the latest epoch of every run. */
export function validationNote(view: TrainingView): string {
  const parts = view.runs
    .map((r) => {
      const e = r.epochs[r.epochs.length - 1];
      if (r.status === 'diverged') return `${r.label} diverged`;
      return e && e.validationAccuracy !== null ? `${r.label} ${Math.round(100 * e.validationAccuracy)} %` : null;
    })
    .filter((p): p is string => p !== null);
  if (parts.length === 0) return 'The curves appear as the runs finish their first epoch. Press Train.';
  const epoch = Math.max(...view.runs.map((r) => r.epoch));
  const chance = view.info?.data.classNames ? ` (chance: ${formatValue(100 / view.info.data.classNames.length)} %)` : '';
  return `Held-out sections classified correctly after epoch ${epoch}: ${parts.join(', ')}${chance}.`;
}

export function cnnRace(container: HTMLElement): CnnRace {
  const node = document.createElement('div');
  node.className = 'opt-cnn';
  const client = createTrainingClient();
  const panel = trainingControls(client, { label: 'Training: the optimizer race on a CNN' });
  const chartSlot = document.createElement('div');
  const note = document.createElement('p');
  note.className = 'opt-chart__note';
  node.append(panel.node, chartSlot, note);
  container.append(node);
  const chart = createLineChart(chartSlot, { series: [] }, {
    title: 'Training loss of every run',
    xLabel: 'update',
    yLabel: 'loss (cross-entropy)',
    yScale: 'log',
    description: 'mean training loss over each epoch, per optimizer, against the update the epoch ended on',
  });
  let loaded = '';
  let frame = 0;
  const draw = (): void => {
    frame = 0;
    const view = client.view;
    chart.update({ series: epochSeries(view) });
    const text = validationNote(view);
    if (note.textContent !== text) note.textContent = text;
  };
  const unsubscribe = client.subscribe(() => {
    if (!frame) frame = requestAnimationFrame(draw);
  });
  draw();
  // While a slider moves, only the job it settles on is sent: each start makes the worker
  // generate the data set again and the panel redraw, competing with the race above for the
  // CPU. The panel's buttons send a waiting job first, so Train always trains the settings shown.
  let waiting: TrainingJob | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const send = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    const job = waiting;
    waiting = null;
    if (job) client.start(job);
  };
  const SENDING_EVENTS = ['pointerdown', 'keydown', 'click'] as const;
  for (const type of SENDING_EVENTS) panel.node.addEventListener(type, send, { capture: true });
  return {
    node,
    update(job) {
      const key = JSON.stringify(job);
      if (key === loaded) return;
      const first = loaded === '';
      loaded = key;
      waiting = job;
      if (first) send();
      else {
        if (timer) clearTimeout(timer);
        timer = setTimeout(send, START_DELAY_MS);
      }
    },
    dispose() {
      if (timer) clearTimeout(timer);
      for (const type of SENDING_EVENTS) panel.node.removeEventListener(type, send, { capture: true });
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
      panel.dispose();
      chart.dispose();
      client.terminate();
      node.remove();
    },
  };
}
