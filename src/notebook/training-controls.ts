/**
 * The training panel: Train / Pause / Resume, Step, Reset (and Restart
 * worker after a failure) as real buttons; read-outs of the update, epoch,
 * latest batch loss and accuracy, updates per second, training time and (for
 * a network with convolutions) the worker's convolution kernel; a table of runs for
 * a race; and a polite live status line that speaks when the state changes
 * (training, paused at update n, diverged, failed), not at every number.
 *
 *   const panel = trainingControls(client);
 *   container.append(panel.node);
 *   invalidation.then(panel.dispose);
 *
 * It follows the client by itself and redraws at most once per animation
 * frame. Text only through textContent. Styles: assets/training.css.
 */
import '../../assets/training.css';
import type { RunView, TrainingView } from '../model/training-view.ts';
import type { FastKernel } from '../nn/conv.ts';
import { formatCount, formatValue } from '../viz/paint/format.ts';
import type { TrainingClient } from './training-client.ts';

export interface TrainingControlsOptions {
  /** Names the panel for assistive technology; default 'Training'. */
  readonly label?: string;
}

export interface TrainingControls {
  readonly node: HTMLElement;
  /** Shows `view` now (the panel also follows the client on its own). */
  update(view: TrainingView): void;
  /** Stops following the client and cancels a pending redraw. */
  dispose(): void;
}

const DASH = '—';
const KERNEL_NAMES: Readonly<Record<FastKernel, string>> = { 'wasm-simd': 'WebAssembly SIMD', typescript: 'TypeScript' };
const loss = (v: number | null) => (v === null ? DASH : formatValue(v, { digits: 4 }));
const percent = (v: number | null) => (v === null ? DASH : `${formatValue(100 * v, { digits: 3 })} %`);

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(text: string, quiet: boolean, title: string): HTMLButtonElement {
  const b = element('button', quiet ? 'button button--quiet' : 'button', text);
  b.type = 'button';
  b.title = title;
  return b;
}

const stepsOf = (view: TrainingView) => view.runs.reduce((m, r) => Math.max(m, r.step), 0);

/** The primary button: what it says and does in each state. */
function primary(view: TrainingView): { text: string; action: 'pause' | 'resume' | 'again' | null } {
  switch (view.status) {
    case 'running':
      return { text: 'Pause', action: 'pause' };
    case 'paused':
      return { text: stepsOf(view) === 0 ? 'Train' : 'Resume', action: 'resume' };
    case 'finished':
    case 'stopped':
      return { text: 'Train again', action: 'again' };
    default:
      return { text: 'Train', action: null };
  }
}

/** The status line: one sentence per state, so a screen reader hears changes, not every number. */
export function statusText(view: TrainingView): string {
  const steps = stepsOf(view);
  const diverged = view.runs.filter((r) => r.status === 'diverged');
  switch (view.status) {
    case 'idle':
      return 'Not started.';
    case 'starting':
      return 'Preparing the network and the data…';
    case 'running':
      return diverged.length ? `Training. ${view.message ?? ''}` : 'Training…';
    case 'paused':
      return steps === 0 ? 'Ready: press Train, or Step for one update at a time.' : `Paused at update ${formatCount(steps)}.`;
    case 'finished':
      if (diverged.length === view.runs.length && view.message) return view.message;
      return `Finished after ${formatCount(steps)} updates.${diverged.length ? ` ${view.message ?? ''}` : ''}`;
    case 'stopped':
      return `Stopped at update ${formatCount(steps)}.`;
    case 'error':
      return view.message ?? 'The training job could not run.';
    case 'failed':
      return `${view.failure ?? 'The training worker stopped.'} Press Restart worker to start the job again.`;
    case 'terminated':
      return 'The training worker was closed. Press Restart worker to start the job again.';
  }
}

interface Readout {
  readonly dd: HTMLElement;
  readonly row: HTMLElement;
}

export function trainingControls(client: TrainingClient, options: TrainingControlsOptions = {}): TrainingControls {
  const node = element('section', 'training');
  node.setAttribute('aria-label', options.label ?? 'Training');

  const buttons = element('div', 'training__buttons');
  buttons.setAttribute('role', 'group');
  buttons.setAttribute('aria-label', 'Training controls');
  const main = button('Train', false, 'Train, or pause and resume training');
  const step = button('Step', true, 'One update of every run (while paused)');
  const reset = button('Reset', true, 'Back to update 0: the initial weights from the seed');
  const restart = button('Restart worker', true, 'Start a new training worker and the job again from its seed');
  restart.hidden = true;
  buttons.append(main, step, reset, restart);

  const readouts = element('dl', 'training__readout');
  const readout = (label: string): Readout => {
    const row = element('div', 'training__item');
    const dd = element('dd', 'training__value', DASH);
    row.append(element('dt', 'training__label', label), dd);
    readouts.append(row);
    return { dd, row };
  };
  const update = readout('Update');
  const epoch = readout('Epoch');
  const lossOut = readout('Batch loss');
  const accuracy = readout('Batch accuracy');
  const rate = readout('Updates per second');
  const time = readout('Training time');
  // Which convolution kernel the worker trains with: the speed a reader sees depends on it, the numbers do not.
  const kernel = readout('Convolutions');
  kernel.row.hidden = true;

  const tableWrap = element('div', 'table-wrap training__runs');
  const table = element('table', 'data-table');
  table.append(element('caption', '', 'Runs'));
  const head = element('tr', '');
  for (const [text, cls] of [['Run', ''], ['Update', 'number'], ['Batch loss', 'number'], ['Status', '']] as const) {
    const th = element('th', cls, text);
    th.scope = 'col';
    head.append(th);
  }
  table.append(element('thead', ''), element('tbody', ''));
  table.tHead!.append(head);
  tableWrap.append(table);
  tableWrap.hidden = true;

  const status = element('p', 'training__status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');

  node.append(buttons, readouts, tableWrap, status);

  let shown: TrainingView | null = null;
  main.addEventListener('click', () => {
    const action = shown ? primary(shown).action : null;
    if (action === 'pause') client.pause();
    else if (action === 'resume') client.resume();
    else if (action === 'again') {
      client.reset();
      client.resume();
    }
  });
  step.addEventListener('click', () => client.step());
  reset.addEventListener('click', () => client.reset());
  // The Restart button hides once the new worker is up: keep the keyboard in
  // the panel by moving focus to the main button as soon as it can take it.
  let focusMain = false;
  restart.addEventListener('click', () => {
    focusMain = document.activeElement === restart;
    client.restart();
  });

  function runRows(runs: readonly RunView[]): void {
    const body = table.tBodies[0]!;
    while (body.rows.length > runs.length) body.deleteRow(-1);
    while (body.rows.length < runs.length) {
      const tr = body.insertRow();
      const th = element('th', '');
      th.scope = 'row';
      tr.append(th, element('td', 'number'), element('td', 'number'), element('td', ''));
    }
    runs.forEach((r, i) => {
      const cells = body.rows[i]!.cells;
      cells[0]!.textContent = r.label;
      cells[1]!.textContent = formatCount(r.step);
      cells[2]!.textContent = loss(r.loss);
      cells[3]!.textContent = r.status === 'diverged' ? 'diverged' : r.status === 'finished' ? 'finished' : '';
    });
  }

  function render(view: TrainingView): void {
    shown = view;
    node.dataset.state = view.status;
    node.dataset.diverged = String(view.runs.some((r) => r.status === 'diverged'));
    const p = primary(view);
    main.textContent = p.text;
    main.disabled = p.action === null;
    step.disabled = view.status !== 'paused';
    reset.disabled = !['running', 'paused', 'finished', 'stopped'].includes(view.status);
    restart.hidden = view.status !== 'failed' && view.status !== 'terminated';

    const single = view.runs.length === 1 ? view.runs[0]! : null;
    const lead = view.runs[0];
    update.dd.textContent = view.runs.length ? formatCount(stepsOf(view)) : DASH;
    epoch.dd.textContent = lead && view.info ? `${formatCount(lead.epoch)} of ${formatCount(view.info.epochs)}` : DASH;
    lossOut.row.hidden = !single;
    accuracy.row.hidden = !single || single.accuracies === null;
    if (single) {
      lossOut.dd.textContent = loss(single.loss);
      accuracy.dd.textContent = percent(single.accuracy);
    }
    rate.dd.textContent = view.updatesPerSecond === null ? DASH : formatCount(view.updatesPerSecond);
    time.dd.textContent = view.info ? `${formatValue(view.elapsedMs / 1000, { digits: 3 })} s` : DASH;
    kernel.row.hidden = !view.info?.network.layers.some((l) => l.type === 'conv');
    if (view.info) kernel.dd.textContent = KERNEL_NAMES[view.info.kernel];
    tableWrap.hidden = view.runs.length < 2;
    if (view.runs.length > 1) runRows(view.runs);

    const text = statusText(view);
    if (status.textContent !== text) status.textContent = text;
    if (focusMain && !main.disabled) {
      focusMain = false;
      // Unless the reader has gone elsewhere meanwhile.
      const at = document.activeElement;
      if (at === null || at === document.body || at === restart) main.focus();
    }
  }

  let frame = 0;
  const unsubscribe = client.subscribe(() => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      render(client.view);
    });
  });
  render(client.view);

  return {
    node,
    update: render,
    dispose() {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
    },
  };
}
