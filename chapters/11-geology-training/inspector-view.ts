/**
 * Inside the network, at any update: for one validation model, the input X
 * and every hidden layer H^m in 3D, the filter bank W^m of a chosen block
 * (one filter at a time, its depth as feature maps side by side) beside its
 * gradient from the latest update, that block's batch-norm statistics per
 * feature map, and the softmax output against the true class. The worker
 * computes all of it (an `inspect` request); this view asks again when the
 * network has changed, at most twice a second while training, and draws.
 */
import type { SnapshotMessage } from '../../src/model/worker-protocol.ts';
import type { TrainingClient } from '../../src/notebook/training-client.ts';
import { termVoxelView, type TermVoxelView } from '../../src/notebook/term-voxel-view.ts';
import type { TermBus } from '../../src/notebook/index.ts';
import { finiteExtent } from '../../src/viz/paint/domain.ts';
import { formatRange, formatValue } from '../../src/viz/paint/format.ts';
import type { BuiltNetwork } from './builder.ts';
import { filterOf, hiddenLayers, normRows, softmaxRows } from './inspect.ts';
import { CLASS_LABELS } from './train-view.ts';

export interface InspectorSettings {
  /** 1-based validation model. */
  readonly sample: number;
  /** 1-based block whose filters and batch norm are shown. */
  readonly block: number;
  /** 1-based filter of that block. */
  readonly filter: number;
}

export interface InspectorView {
  readonly node: HTMLElement;
  update(client: TrainingClient, net: BuiltNetwork | null, settings: InspectorSettings): void;
  /**
   * Resolves once the current job's first snapshot is drawn (at once when there is no network to
   * inspect; after 60 s at the latest), so the page counts as busy while the worker prepares it.
   */
  drawn(): Promise<void>;
  dispose(): void;
}

const THROTTLE_MS = 500;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const setText = (node: HTMLElement, text: string): void => {
  if (node.textContent !== text) node.textContent = text;
};

const shapeText = (shape: readonly number[]): string => shape.join(' × ');

interface Panel {
  readonly box: HTMLElement;
  readonly caption: HTMLElement;
  readonly view: TermVoxelView;
}

export function inspectorView(container: HTMLElement, bus: TermBus): InspectorView {
  const node = el('div', 'gt-inspector');
  const headline = el('p', 'gt-inspector__headline', 'Press Train or Step to see the network at work.');
  headline.setAttribute('role', 'status');
  const hiddenGrid = el('div', 'gt-grid gt-grid--hidden');
  const filterGrid = el('div', 'gt-grid gt-grid--filters');
  const lower = el('div', 'gt-grid gt-grid--tables');
  const normBox = el('div', 'gt-norm');
  const softBox = el('div', 'gt-softmax');
  lower.append(normBox, softBox);
  node.append(headline, el('h3', 'gt-subhead', 'The hidden layers'), hiddenGrid, el('h3', 'gt-subhead', 'The filters and their gradients'), filterGrid, lower);
  container.append(node);

  const panel = (parent: HTMLElement, formula: string, terms: string[], legend: string, colormap: 'viridis' | 'diverging'): Panel => {
    const box = el('figure', 'gt-panel');
    const caption = el('figcaption', 'gt-panel__caption');
    parent.append(box);
    const view = termVoxelView(box, bus, { formula, terms, options: { legendLabel: legend, colormap, height: '13rem' } });
    box.append(caption);
    return { box, caption, view };
  };

  let hidden: Panel[] = [];
  const weights = panel(filterGrid, String.raw`\term{W}{W^m}`, ['W'], 'weight', 'diverging');
  const gradient = panel(filterGrid, String.raw`\term{grad}{\nabla_{W^m} L}`, ['grad'], 'gradient', 'diverging');

  let client: TrainingClient | null = null;
  let unsubscribe: (() => void) | null = null;
  let net: BuiltNetwork | null = null;
  let settings: InspectorSettings = { sample: 1, block: 1, filter: 1 };
  let pending = false;
  let lastAsk = 0;
  let asked = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  let shown: SnapshotMessage | null = null;
  let drawnJob: string | null = null;
  let waiters: (() => void)[] = [];
  const release = (): void => {
    const list = waiters;
    waiters = [];
    list.forEach((w) => w());
  };

  const stateKey = (): string => {
    const v = client!.view;
    return `${v.jobId}/${v.generation}/${v.runs[0]?.step ?? -1}/${settings.sample}`;
  };

  function ask(): void {
    if (!client || !net || pending) return;
    const v = client.view;
    if (!v.info || !['paused', 'running', 'finished', 'stopped'].includes(v.status)) return;
    const key = stateKey();
    if (key === asked) return;
    const wait = lastAsk + THROTTLE_MS - performance.now();
    if (wait > 0 && v.status === 'running') {
      if (!timer) timer = setTimeout(() => ((timer = null), ask()), wait);
      return;
    }
    const validation = v.info.data.validationSize;
    const index = Math.min(settings.sample, validation) - 1;
    pending = true;
    asked = key;
    lastAsk = performance.now();
    client
      .inspect({ set: 'validation', index })
      .then((snapshot) => {
        shown = snapshot;
        draw();
      })
      .catch((e: unknown) => {
        // A job replaced while the answer was on its way is not news; anything else is.
        const message = e instanceof Error ? e.message : String(e);
        if (!/new job|terminated|restarted/.test(message)) setText(headline, `The snapshot could not be made: ${message}`);
      })
      .finally(() => {
        pending = false;
        ask();
      });
  }

  function rebuildHidden(count: number): void {
    if (hidden.length === count) return;
    for (const p of hidden) {
      p.view.dispose();
      p.box.remove();
    }
    hidden = Array.from({ length: count }, (_, m) =>
      panel(hiddenGrid, m === 0 ? String.raw`\term{X}{X}` : String.raw`\term{H}{H^{${m}}}`, [m === 0 ? 'X' : 'H'], m === 0 ? 'facies indicator' : 'activation', 'viridis'),
    );
  }

  function draw(): void {
    if (!shown || !net || !client) return;
    const s = shown;
    // A snapshot of a job the page has moved on from, or of a network other than the builder's.
    const inspected = s.layers ?? [];
    if (s.jobId !== client.view.jobId || inspected.length !== net.rows.length || inspected.some((l, i) => l.outShape.join() !== net!.rows[i]!.outShape.join())) return;
    const v = client.view;
    const validation = v.info?.data.validationSize ?? 0;
    const clamped = settings.sample > validation ? ` (the validation set holds ${validation}, so the last is shown)` : '';
    const truth = s.sample.label === null ? '' : `, ${CLASS_LABELS[s.sample.label] ?? ''}`;
    setText(headline, `Validation model ${s.sample.index + 1}${truth}${clamped}, after update ${s.step} (epoch ${s.epoch}).`);
    const layers = hiddenLayers(net, s);
    rebuildHidden(layers.length);
    layers.forEach((h, i) => {
      const p = hidden[i]!;
      p.view.show({ tensor: h.tensor, colormap: 'viridis', name: h.name, ...(h.m === 0 ? { domain: [0, 1] as const } : {}) });
      setText(p.caption, `${h.name}: ${shapeText(h.tensor.shape.slice(1))}, values ${formatRange(finiteExtent(h.tensor.data), { digits: 3 })}`);
    });
    const blocks = net.config.blocks;
    const f = filterOf(s, blocks, settings.block, settings.filter);
    weights.view.show({ tensor: f.weights, filter: f.filter, colormap: 'diverging', name: `W${f.block}, filter ${f.filter + 1}` });
    setText(weights.caption, `Block ${f.block}, filter ${f.filter + 1} of ${f.filters}: ${shapeText(f.weights.shape.slice(0, 4))} weights, ${formatRange(finiteExtent(f.weights.data), { digits: 3 })}${settings.block > blocks ? ` (the network has ${blocks} block${blocks === 1 ? '' : 's'})` : ''}`);
    if (f.gradient) {
      gradient.view.show({ tensor: f.gradient, filter: f.filter, colormap: 'diverging', name: `gradient of W${f.block}, filter ${f.filter + 1}` });
      setText(gradient.caption, `Its gradient from the batch of update ${s.step}: ${formatRange(finiteExtent(f.gradient.data), { digits: 3 })}`);
    } else {
      gradient.view.show({ tensor: f.weights, filter: f.filter, colormap: 'diverging', domain: [-1, 1], name: 'no gradient yet' });
      setText(gradient.caption, 'No gradient yet: the first update computes one. Until then this panel repeats the weights.');
    }
    drawNorm(f.block);
    drawSoftmax(s);
    drawnJob = s.jobId;
    release();
  }

  function drawNorm(block: number): void {
    const rows = normRows(shown!, block);
    if (!rows) {
      normBox.replaceChildren(el('p', 'gt-note', `Block ${block} has no batch normalization: switch it on in the builder to see its statistics.`));
      return;
    }
    const table = el('table', 'data-table gt-table');
    table.append(el('caption', '', `Batch normalization of block ${block} (eq. 5), per feature map`));
    const head = document.createElement('tr');
    for (const t of ['map', 'batch mean', 'batch var', 'running mean', 'running var', 'γ', 'β']) {
      const th = el('th', t === 'map' ? '' : t === 'γ' || t === 'β' ? 'number symbol' : 'number', t);
      th.scope = 'col';
      head.append(th);
    }
    const thead = document.createElement('thead');
    thead.append(head);
    const body = document.createElement('tbody');
    const num = (v: number | null) => (v === null ? '—' : formatValue(v, { digits: 3 }));
    for (const r of rows) {
      const tr = document.createElement('tr');
      const th = el('th', '', String(r.map + 1));
      th.scope = 'row';
      tr.append(th, ...[r.batchMean, r.batchVar, r.runningMean, r.runningVar, r.gamma, r.beta].map((v) => el('td', 'number', num(v))));
      body.append(tr);
    }
    table.append(thead, body);
    const wrap = el('div', 'table-wrap');
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', `Batch normalization statistics of block ${block}`);
    wrap.append(table);
    normBox.replaceChildren(wrap);
  }

  function drawSoftmax(s: SnapshotMessage): void {
    const rows = softmaxRows(s, CLASS_LABELS);
    const list = el('ul', 'gt-bars');
    list.setAttribute('aria-label', 'Softmax output, eq. 8');
    for (const r of rows) {
      const li = el('li', `gt-bar${r.isTrue ? ' is-true' : ''}${r.isPredicted ? ' is-predicted' : ''}`);
      const label = el('span', 'gt-bar__label', `${r.name}${r.isTrue ? ' (true)' : ''}`);
      const track = el('span', 'gt-bar__track');
      const fill = el('span', 'gt-bar__fill');
      fill.style.width = `${(100 * r.probability).toFixed(1)}%`;
      track.append(fill);
      const value = el('span', 'gt-bar__value', `${formatValue(100 * r.probability, { digits: 3 })} %`);
      li.append(label, track, value);
      list.append(li);
    }
    const title = el('p', 'gt-softmax__title', 'Softmax output p̂(k) (eq. 8)');
    const loss = s.output ? el('p', 'gt-note', `Loss of this model alone: ${formatValue(s.output.loss, { digits: 3 })}.`) : el('p', 'gt-note', '');
    softBox.replaceChildren(title, list, loss);
  }

  return {
    node,
    update(nextClient, nextNet, nextSettings) {
      if (nextClient !== client) {
        unsubscribe?.();
        client = nextClient;
        unsubscribe = client.subscribe((view) => {
          // A job that failed or was refused will send no snapshot.
          if (['error', 'failed', 'terminated', 'stopped'].includes(view.status)) release();
          ask();
        });
      }
      const sampleChanged = nextSettings.sample !== settings.sample;
      const viewChanged = nextSettings.block !== settings.block || nextSettings.filter !== settings.filter;
      const netChanged = nextNet !== net;
      net = nextNet;
      settings = nextSettings;
      if (sampleChanged) asked = '';
      // A new network means a new job, whose own snapshot will come; only the choice of filter redraws now.
      if (!net) {
        release();
        setText(headline, 'No network to look inside: the builder cannot make this one (see its message above).');
        return;
      }
      if (viewChanged && !netChanged && shown) draw();
      ask();
    },
    drawn() {
      if (!net || !client || (drawnJob !== null && drawnJob === client.view.jobId)) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timeout = setTimeout(resolve, 60_000);
        waiters.push(() => {
          clearTimeout(timeout);
          resolve();
        });
      });
    },
    dispose() {
      release();
      unsubscribe?.();
      if (timer) clearTimeout(timer);
      for (const p of [...hidden, weights, gradient]) p.view.dispose();
      node.remove();
    },
  };
}
