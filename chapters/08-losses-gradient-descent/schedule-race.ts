/**
 * Eq. 11 three ways, live: the training worker runs the job of schedules.ts
 * (full-batch, stochastic and mini-batch from the same weights); the
 * training panel (Train / Pause / Resume, Step, Reset; updates, loss,
 * speed) drives it; the batch loss of every update of every run is drawn
 * against epochs or updates; a line per run says how far it got and how
 * noisy its curve is, or why it stopped. A new job (the settings changed)
 * replaces the old one, paused at update 0; the worker is ended when the
 * view is disposed.
 */
import type { TrainingView } from '../../src/model/training-view.ts';
import type { TrainingJob } from '../../src/model/worker-protocol.ts';
import { createTrainingClient } from '../../src/notebook/training-client.ts';
import { trainingControls } from '../../src/notebook/training-controls.ts';
import { createLineChart, type LineChart } from '../../src/viz/charts/index.ts';
import { formatCount, formatValue } from '../../src/viz/paint/format.ts';
import { curves, jitter, type Axis } from './schedules.ts';

export interface ScheduleRace {
  readonly node: HTMLElement;
  update(job: TrainingJob, axis: Axis): void;
  dispose(): void;
}

/** One sentence per run: updates, epochs, latest loss and noise, or why it stopped. Never a NaN. */
export function runNotes(view: TrainingView): string[] {
  return view.runs.map((r) => {
    if (r.diverged) return `${r.label}: stopped, diverged. ${r.diverged}`;
    if (r.step === 0) return `${r.label}: ${r.batchesPerEpoch ? `${formatCount(r.batchesPerEpoch)} update${r.batchesPerEpoch === 1 ? '' : 's'} per epoch` : 'waiting'}.`;
    const epochs = r.batchesPerEpoch ? formatValue(r.step / r.batchesPerEpoch, { digits: 3 }) : '0';
    const noise = jitter(r.losses);
    const loss = r.loss !== null && Number.isFinite(r.loss) ? formatValue(r.loss, { digits: 3 }) : '—';
    return `${r.label}: ${formatCount(r.step)} updates = ${epochs} epochs (${formatCount(r.batchesPerEpoch)} per epoch), batch loss ${loss}${noise === null ? '' : `, jumping by ${formatValue(noise, { digits: 2 })} per update`}.`;
  });
}

export function scheduleRace(container: HTMLElement): ScheduleRace {
  const node = document.createElement('div');
  node.className = 'lgd-race';
  const client = createTrainingClient();
  const panel = trainingControls(client, { label: 'Training: full-batch, stochastic and mini-batch gradient descent' });
  const chartSlot = document.createElement('div');
  chartSlot.className = 'lgd-race__chart';
  const notes = document.createElement('ul');
  notes.className = 'lgd-race__notes';
  node.append(panel.node, chartSlot, notes);
  container.append(node);
  let chart: LineChart | null = null;
  let axis: Axis = 'epoch';
  let lossName = 'cross-entropy';
  let loaded = '';
  let frame = 0;

  const makeChart = (): void => {
    chart?.dispose();
    chartSlot.replaceChildren();
    chart = createLineChart(chartSlot, { series: [] }, {
      title: `Batch loss of every update, against ${axis === 'epoch' ? 'epochs' : 'updates'}`,
      xLabel: axis === 'epoch' ? 'epoch' : 'update',
      yLabel: `batch loss (${lossName === 'MSE' ? 'MSE' : 'CE'}, log)`,
      yScale: 'log',
      description: `the loss of the batch each update was computed on, for the full-batch, stochastic and mini-batch runs, against the ${axis}`,
    });
  };
  const draw = (): void => {
    frame = 0;
    const view = client.view;
    chart?.update({ series: curves(view, axis).map((c) => ({ name: c.name, color: c.color, x: c.x, y: c.y })) });
    const lines = runNotes(view);
    if (lines.join('\n') !== Array.from(notes.children, (li) => li.textContent).join('\n')) {
      notes.replaceChildren(
        ...lines.map((text, i) => {
          const li = document.createElement('li');
          li.textContent = text;
          li.dataset.run = view.runs[i]!.id;
          return li;
        }),
      );
    }
  };
  const unsubscribe = client.subscribe(() => {
    if (!frame) frame = requestAnimationFrame(draw);
  });
  makeChart();
  draw();
  return {
    node,
    update(job, nextAxis) {
      const nextLoss = job.loss === 'mse' ? 'MSE' : 'cross-entropy';
      if (nextAxis !== axis || nextLoss !== lossName || !chart) {
        axis = nextAxis;
        lossName = nextLoss;
        makeChart();
      }
      const key = JSON.stringify(job);
      if (key !== loaded) {
        loaded = key;
        client.start(job);
      }
      draw();
    },
    dispose() {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
      panel.dispose();
      chart?.dispose();
      client.terminate();
      node.remove();
    },
  };
}

/** The text alternative of the race. */
export function describeRace(job: TrainingJob, axis: Axis): string {
  const m = job.runs.find((r) => r.schedule === 'mini-batch')?.batchSize ?? 0;
  const lr = job.runs[0]?.optimizer.lr ?? 0;
  return `A line chart of the batch loss (${job.loss === 'mse' ? 'MSE' : 'cross-entropy'}, log scale) against the ${axis === 'epoch' ? 'epoch' : 'update'}, for three runs of eq. 11 with learning rate ${formatValue(lr)} from the same initial weights: full-batch (1 update per epoch), stochastic (48 updates per epoch) and mini-batch with m = ${m} (${Math.ceil(48 / Math.max(1, m))} updates per epoch), ${job.epochs} epochs each. The curves grow as the worker trains; the list below the chart gives each run's progress.`;
}
