/**
 * Files: save the trained network (a download in the versioned format of
 * src/model/saved-network.ts), load one back (an upload; the builder's
 * controls take its settings and training restarts from its weights), and
 * classify a reader's own grid of facies codes (CSV or JSON) with the
 * network as trained so far. A bad file or grid gets a message in words and
 * changes nothing.
 */
import { MAX_GRID_CELLS } from '../../src/data/index.ts';
import { parseSavedNetwork, SAVED_NETWORK_LIMIT_TEXT, type SavedNetwork } from '../../src/model/saved-network.ts';
import type { PredictionMessage } from '../../src/model/worker-protocol.ts';
import type { TrainingClient } from '../../src/notebook/training-client.ts';
import { formatValue } from '../../src/viz/paint/format.ts';
import type { BuilderConfig, BuiltNetwork } from './builder.ts';
import type { BrowsedSample } from './browse.ts';
import { configFromSaved, gridAsCsv, guessFormat, userGridInput } from './files.ts';
import { CLASS_LABELS } from './train-view.ts';

export interface FilesView {
  readonly node: HTMLElement;
  update(client: TrainingClient, net: BuiltNetwork | null, sample: BrowsedSample): void;
  dispose(): void;
}

export type OnLoad = (saved: SavedNetwork, config: BuilderConfig) => void;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(text: string, quiet = false): HTMLButtonElement {
  const b = el('button', quiet ? 'button button--quiet' : 'button', text);
  b.type = 'button';
  return b;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function filesView(container: HTMLElement, onLoad: OnLoad): FilesView {
  const node = el('div', 'gt-files');

  // ---- save and load
  const netBox = el('section', 'gt-files__box');
  netBox.setAttribute('aria-labelledby', 'gt-files-network');
  const netTitle = el('h3', 'gt-subhead', 'Save or load a trained network');
  netTitle.id = 'gt-files-network';
  const save = button('Save network (download)');
  const loadLabel = el('label', 'gt-file');
  const loadText = el('span', 'gt-file__text', 'Load network (file)');
  const load = el('input', 'gt-file__input');
  load.type = 'file';
  load.accept = '.json,application/json';
  loadLabel.append(loadText, load);
  const netStatus = el('p', 'gt-files__status');
  netStatus.setAttribute('role', 'status');
  netStatus.textContent = `Saved files are JSON in CNN Atlas's network format, version 1, up to ${SAVED_NETWORK_LIMIT_TEXT}.`;
  const netRow = el('div', 'gt-files__row');
  netRow.append(save, loadLabel);
  netBox.append(netTitle, netRow, netStatus);

  // ---- a reader's grid
  const gridBox = el('section', 'gt-files__box');
  gridBox.setAttribute('aria-labelledby', 'gt-files-grid');
  const gridTitle = el('h3', 'gt-subhead', 'Classify your own grid');
  gridTitle.id = 'gt-files-grid';
  const areaLabel = el('label', 'gt-files__label', 'Facies codes (CSV or JSON with a shape)');
  const area = el('textarea', 'gt-files__text');
  area.id = 'gt-grid-text';
  area.rows = 6;
  area.spellcheck = false;
  areaLabel.htmlFor = area.id;
  const gridFileLabel = el('label', 'gt-file');
  const gridFile = el('input', 'gt-file__input');
  gridFile.type = 'file';
  gridFile.accept = '.csv,.json,.txt,text/csv,application/json,text/plain';
  gridFileLabel.append(el('span', 'gt-file__text', 'Open a grid file'), gridFile);
  const fill = button('Use the model shown above', true);
  const classify = button('Classify');
  const gridRow = el('div', 'gt-files__row');
  gridRow.append(classify, fill, gridFileLabel);
  const gridStatus = el('p', 'gt-files__status');
  gridStatus.setAttribute('role', 'status');
  const result = el('ul', 'gt-bars');
  result.setAttribute('aria-label', 'The network\'s answer for your grid');
  gridBox.append(gridTitle, areaLabel, area, gridRow, gridStatus, result);
  node.append(netBox, gridBox);
  container.append(node);

  let client: TrainingClient | null = null;
  let net: BuiltNetwork | null = null;
  let sample: BrowsedSample | null = null;
  const hint = (): string => {
    const shape = net ? net.inputShape.slice(0, 3).join(' × ') : '';
    return `The network reads grids of ${shape} cells holding facies codes 0 to 3; a grid may hold at most ${MAX_GRID_CELLS.toLocaleString('en')} cells (64³).`;
  };

  save.addEventListener('click', () => {
    if (!client) return;
    save.disabled = true;
    netStatus.textContent = 'Writing the network…';
    client
      .exportNetwork()
      .then((exported) => {
        const url = URL.createObjectURL(new Blob([exported.text], { type: 'application/json' }));
        const a = el('a', '');
        a.href = url;
        a.download = exported.fileName;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        const kb = Math.max(1, Math.round(exported.text.length / 1024));
        netStatus.textContent = `Saved ${exported.fileName} (${kb} kB): the network after update ${exported.step}.`;
      })
      .catch((e: unknown) => (netStatus.textContent = `The network could not be saved: ${message(e)}`))
      .finally(() => (save.disabled = false));
  });

  load.addEventListener('change', () => {
    const file = load.files?.[0];
    load.value = '';
    if (!file) return;
    netStatus.textContent = `Reading ${file.name}…`;
    file
      .text()
      .then((text) => {
        const saved = parseSavedNetwork(text);
        const config = configFromSaved(saved);
        onLoad(saved, config);
        const p = saved.provenance;
        const acc = p.validationAccuracy === null ? '' : `, validation accuracy ${formatValue(100 * p.validationAccuracy, { digits: 3 })} %`;
        netStatus.textContent = `Loaded ${file.name}: ${saved.layers.length} layers, trained for ${p.steps} updates (${p.epochs} epochs${acc}). The builder shows its settings; Train continues from its weights.`;
      })
      .catch((e: unknown) => (netStatus.textContent = `${file.name} was not loaded, nothing changed. ${message(e)}`));
  });

  fill.addEventListener('click', () => {
    if (!sample) return;
    area.value = gridAsCsv(sample.facies, `model ${sample.index + 1} of the data set, ${sample.className}`);
    gridStatus.textContent = `Model ${sample.index + 1} (${sample.className}) is in the box as CSV. Edit it if you like, then Classify.`;
  });

  gridFile.addEventListener('change', () => {
    const file = gridFile.files?.[0];
    gridFile.value = '';
    if (!file) return;
    file
      .text()
      .then((text) => {
        area.value = text.length > 200_000 ? `${text.slice(0, 200_000)}` : text;
        if (text.length > 200_000) gridStatus.textContent = `${file.name} is long; the box shows its start, but Classify reads the whole file.`;
        else gridStatus.textContent = `${file.name} is in the box. Press Classify.`;
        pendingText = text;
      })
      .catch((e: unknown) => (gridStatus.textContent = `${file.name} could not be read: ${message(e)}`));
  });
  let pendingText: string | null = null;
  area.addEventListener('input', () => (pendingText = null));

  const showResult = (answer: PredictionMessage): void => {
    const probs = answer.output.probabilities;
    result.replaceChildren(
      ...Array.from(probs ?? [], (p, k) => {
        const li = el('li', `gt-bar${answer.output.predicted === k ? ' is-predicted' : ''}`);
        const track = el('span', 'gt-bar__track');
        const fillBar = el('span', 'gt-bar__fill');
        fillBar.style.width = `${(100 * p).toFixed(1)}%`;
        track.append(fillBar);
        li.append(el('span', 'gt-bar__label', CLASS_LABELS[k] ?? `class ${k}`), track, el('span', 'gt-bar__value', `${formatValue(100 * p, { digits: 3 })} %`));
        return li;
      }),
    );
  };

  classify.addEventListener('click', () => {
    if (!client) return;
    if (!net) {
      gridStatus.textContent = 'There is no network to classify with: the builder cannot make the one set above.';
      return;
    }
    const text = pendingText ?? area.value;
    if (text.trim() === '') {
      gridStatus.textContent = `The box is empty. ${hint()}`;
      return;
    }
    let input;
    try {
      input = userGridInput(text, guessFormat(text), net.inputShape);
    } catch (e) {
      result.replaceChildren();
      gridStatus.textContent = `This grid cannot be classified: ${message(e).replace(/^grid: /, '')}. ${hint()}`;
      return;
    }
    classify.disabled = true;
    client
      .predict(undefined, input.input)
      .then((answer) => {
        showResult(answer);
        const name = answer.output.predicted === null ? 'no class' : CLASS_LABELS[answer.output.predicted] ?? `class ${answer.output.predicted}`;
        const p = answer.output.probabilities?.[answer.output.predicted ?? 0] ?? 0;
        gridStatus.textContent = `After update ${answer.step}, the network reads your ${input.shape.join(' × ')} grid as ${name} (${formatValue(100 * p, { digits: 3 })} %).`;
      })
      .catch((e: unknown) => (gridStatus.textContent = `The network could not classify it: ${message(e)}`))
      .finally(() => (classify.disabled = false));
  });

  return {
    node,
    update(nextClient, nextNet, nextSample) {
      client = nextClient;
      net = nextNet;
      sample = nextSample;
      if (net) area.placeholder = `# shape: ${net.inputShape.slice(0, 3).join(', ')}\n0,0,1,1,…`;
      if (!gridStatus.textContent) gridStatus.textContent = hint();
    },
    dispose() {
      node.remove();
    },
  };
}
