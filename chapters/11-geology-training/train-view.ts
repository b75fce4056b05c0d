/**
 * Live training: the training panel (Train / Pause / Step / Reset) on the
 * page's training client, the loss and accuracy of every epoch on the
 * training and validation sets, the validation confusion matrix of the
 * latest epoch, and a line saying when validation accuracy first reached
 * 90 % (measured here, in this browser). A new job (the settings changed)
 * replaces the old one, paused at update 0. Charts redraw at most once per
 * animation frame, and only when an epoch has ended.
 */
import type { TrainingView } from '../../src/model/training-view.ts';
import type { TrainingClient } from '../../src/notebook/training-client.ts';
import { trainingControls, type TrainingControls } from '../../src/notebook/training-controls.ts';
import { createLineChart, type LineChart } from '../../src/viz/charts/index.ts';
import { createConfusionMatrix, type ConfusionMatrix } from '../../src/viz/charts/confusion-matrix.ts';
import { formatValue } from '../../src/viz/paint/format.ts';
import { CLASS_NAMES, STRUCTURE_KINDS } from '../../src/data/index.ts';
import { epochCurves, firstEpochReaching, latestConfusion, type JobResult } from './training.ts';

export const TRAIN_COLOR = '#0072b2';
export const VALIDATION_COLOR = '#d55e00';
const K = STRUCTURE_KINDS.length;
/** Quiet time after the last settings change before the new job is sent. */
const START_DELAY_MS = 300;
export const CLASS_LABELS: readonly string[] = STRUCTURE_KINDS.map((k) => CLASS_NAMES[k]);
/** The matrix's axes take the short names (horizontal, folded, faulted, channels), which fit a phone. */
const SHORT_LABELS: readonly string[] = [...STRUCTURE_KINDS];

export interface TrainView {
  readonly node: HTMLElement;
  update(client: TrainingClient, result: JobResult): void;
  dispose(): void;
}

/** When validation accuracy first reached 90 %, in this run, in words. */
export function goalText(view: TrainingView, reachedAtMs: number | null): string {
  const run = view.runs[0];
  const epochs = run?.epochs ?? [];
  const fall = epochs.length >= 2 ? ` Training loss ${formatValue(epochs[0]!.loss, { digits: 3 })} in epoch 1, ${formatValue(epochs.at(-1)!.loss, { digits: 3 })} in epoch ${epochs.at(-1)!.epoch}.` : '';
  return goalSentence(run, reachedAtMs) + fall;
}

function goalSentence(run: TrainingView['runs'][number] | undefined, reachedAtMs: number | null): string {
  const first = firstEpochReaching(run);
  if (first && reachedAtMs !== null) {
    return `Validation accuracy reached ${formatValue(100 * first.validationAccuracy!, { digits: 3 })} % after epoch ${first.epoch} (${first.step} updates), ${formatValue(reachedAtMs / 1000, { digits: 3 })} s of training in this browser.`;
  }
  if (first) return `Validation accuracy reached ${formatValue(100 * first.validationAccuracy!, { digits: 3 })} % after epoch ${first.epoch} (${first.step} updates).`;
  const last = run?.epochs.at(-1);
  if (last?.validationAccuracy != null) return `Validation accuracy after epoch ${last.epoch}: ${formatValue(100 * last.validationAccuracy, { digits: 3 })} %; not yet 90 %.`;
  return 'Validation accuracy is measured at the end of each epoch, on models the network never trains on.';
}

export function trainView(container: HTMLElement): TrainView {
  const node = document.createElement('div');
  node.className = 'gt-train';
  const refusal = document.createElement('p');
  refusal.className = 'gt-refusal';
  refusal.setAttribute('role', 'alert');
  refusal.hidden = true;
  const panelSlot = document.createElement('div');
  const charts = document.createElement('div');
  charts.className = 'gt-charts';
  const lossSlot = document.createElement('div');
  const accSlot = document.createElement('div');
  const confusionSlot = document.createElement('div');
  confusionSlot.className = 'gt-confusion';
  charts.append(lossSlot, accSlot);
  const goal = document.createElement('p');
  goal.className = 'gt-goal';
  goal.setAttribute('role', 'status');
  node.append(refusal, panelSlot, charts, confusionSlot, goal);
  container.append(node);

  const lossChart: LineChart = createLineChart(lossSlot, { series: [] }, {
    title: 'Loss per epoch (cross-entropy, eq. 10)',
    xLabel: 'epoch',
    yLabel: 'cross-entropy',
    description: 'the mean training loss of each epoch and the validation loss after it',
  });
  const accChart: LineChart = createLineChart(accSlot, { series: [] }, {
    title: 'Accuracy per epoch',
    xLabel: 'epoch',
    yLabel: 'accuracy (%)',
    yDomain: [0, 100],
    description: 'the share of training models classified correctly during each epoch and of validation models after it',
  });
  const confusion: ConfusionMatrix = createConfusionMatrix(confusionSlot, { counts: new Array(K * K).fill(0), classes: SHORT_LABELS }, {
    title: 'Validation confusion matrix, latest epoch',
    setName: 'the validation set',
  });

  let client: TrainingClient | null = null;
  let panel: TrainingControls | null = null;
  let unsubscribe: (() => void) | null = null;
  let loaded = '';
  let frame = 0;
  let drawnEpochs = -1;
  let drawnJob: string | null = null;
  let reachedAtMs: number | null = null;
  let startTimer: ReturnType<typeof setTimeout> | null = null;

  const draw = (): void => {
    frame = 0;
    if (!client) return;
    const view = client.view;
    const run = view.runs[0];
    if (view.jobId !== drawnJob) {
      drawnJob = view.jobId;
      drawnEpochs = -1;
      reachedAtMs = null;
    }
    if (reachedAtMs === null && firstEpochReaching(run)) reachedAtMs = view.elapsedMs;
    const epochs = run?.epochs.length ?? 0;
    if (epochs !== drawnEpochs) {
      drawnEpochs = epochs;
      const c = epochCurves(run);
      lossChart.update({
        series: [
          { name: 'training', x: c.epoch, y: c.trainLoss, color: TRAIN_COLOR },
          { name: 'validation', x: c.epoch, y: c.validationLoss, color: VALIDATION_COLOR, dashed: true },
        ],
      });
      accChart.update({
        series: [
          { name: 'training', x: c.epoch, y: c.trainAccuracy, color: TRAIN_COLOR },
          { name: 'validation', x: c.epoch, y: c.validationAccuracy, color: VALIDATION_COLOR, dashed: true },
        ],
      });
      confusion.update({ counts: latestConfusion(run) ?? new Array(K * K).fill(0), classes: SHORT_LABELS });
    }
    const text = goalText(view, reachedAtMs);
    if (goal.textContent !== text) goal.textContent = text;
    node.dataset.epochs = String(epochs);
  };

  return {
    node,
    update(next, result) {
      if (next !== client) {
        unsubscribe?.();
        panel?.dispose();
        panelSlot.replaceChildren();
        client = next;
        panel = trainingControls(client, { label: 'Training the network of the builder' });
        panelSlot.append(panel.node);
        unsubscribe = client.subscribe(() => {
          if (!frame) frame = requestAnimationFrame(draw);
        });
        loaded = '';
      }
      const refused = 'error' in result;
      refusal.hidden = !refused;
      refusal.classList.toggle('cell-error', refused);
      refusal.textContent = refused ? `${result.error.message} Nothing is trained until the settings allow it.` : '';
      panelSlot.hidden = refused;
      if (refused) {
        if (startTimer) clearTimeout(startTimer);
        startTimer = null;
        client.stop();
        loaded = 'refused';
        return;
      }
      const { job, key } = result;
      if (key !== loaded) {
        // While a slider is being moved, start only the last network it settles on: each start
        // makes the worker generate the data set again, which competes with the page for the CPU.
        const first = loaded === '' || loaded === 'refused';
        loaded = key;
        if (startTimer) clearTimeout(startTimer);
        const go = () => {
          startTimer = null;
          client?.start(job);
        };
        if (first) go();
        else startTimer = setTimeout(go, START_DELAY_MS);
      }
      draw();
    },
    dispose() {
      unsubscribe?.();
      if (startTimer) clearTimeout(startTimer);
      if (frame) cancelAnimationFrame(frame);
      panel?.dispose();
      lossChart.dispose();
      accChart.dispose();
      confusion.dispose();
      node.remove();
    },
  };
}
