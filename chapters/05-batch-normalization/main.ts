/**
 * Chapter 5, Batch normalization (tutorial §2.1, eq. 5, Figure 7): a
 * mini-batch of geological models through a convolution, then batch
 * normalization per feature map in train mode (the batch's statistics) and
 * inference mode (running averages fed by training batches), with the
 * learnt scale and shift as controls, the equations' terms linked to the
 * views and to the code of src/nn/batchnorm.ts, and what goes wrong with a
 * batch of one.
 */
import { startChapter } from '../../src/notebook/index.ts';
import batchnormSource from '../../src/nn/batchnorm.ts?raw';
import { prose } from '../../src/viz/tex/tex.ts';
import blockSource from './block.ts?raw';
import runningSource from './running.ts?raw';
import { MAX_BATCH, checkBatchConfig, geologyCache, miniBatch, nativeSize, trainingSet, type BatchConfig } from './batch.ts';
import { batchNote } from './batch-note.ts';
import { normalize, type BnSettings } from './block.ts';
import { compareView } from './compare-view.ts';
import { describeAfter, describeBefore, describeCompare, describeInput, describePanel, describeRunning } from './describe.ts';
import { BN_DEFINITION, EQ5, ERRATUM_DROPOUT, ERRATUM_LEARNT, RUNNING } from './equations.ts';
import { FEATURE_MAPS } from './filters.ts';
import { formatNumber, formatPercent } from './format.ts';
import { histogramGrid } from './histogram-grid.ts';
import { mapMoments } from './statistics.ts';
import { MAX_STEPS, batchStatistics, runningHistory, trainingStream } from './running.ts';
import { runningCharts } from './running-charts.ts';
import { statTable, type Column } from './stat-table.ts';
import { TERMS } from './terms.ts';
import { afterPanels, beforePanels, comparePanel, inputPanels, mapRows, modeRows, outputPanels, runningSeries, summarize, type MapRow, type ModeRow } from './view-data.ts';
import { voxelPanel } from './voxel-panel.ts';
import '../../assets/chapter.css';
import './batchnorm.css';

const percent = formatPercent;
const num = formatNumber;

const MAP_COLUMNS: readonly Column<MapRow>[] = [
  { label: 'Feature map c', value: (r) => `${r.map}, ${r.name}`, text: true },
  { label: 'μ_c', sub: 'mean before', term: 'mu', value: (r) => num(r.mean) },
  { label: 'σ_c', sub: 'std before', term: 'sigma2', value: (r) => num(r.std) },
  { label: 'mean after', sub: '≈ β', term: 'beta', value: (r) => num(r.afterMean) },
  { label: 'std after', sub: '≈ |γ|', term: 'gamma', value: (r) => num(r.afterStd) },
  { label: 'active zone of g', sub: 'no BN → BN', term: 'g', value: (r) => `${percent(r.activeBefore)} → ${percent(r.activeAfter)}` },
];

const MODE_COLUMNS: readonly Column<ModeRow>[] = [
  { label: 'Feature map c', value: (r) => `${r.map}, ${r.name}`, text: true },
  { label: 'μ_c', sub: 'this batch', term: 'mu', value: (r) => num(r.batchMean) },
  { label: 'μ̂_c', sub: 'running', term: 'runMean', value: (r) => num(r.runMean) },
  { label: 'σ²_c', sub: 'this batch', term: 'sigma2', value: (r) => num(r.batchVar) },
  { label: 'σ̂²_c', sub: 'running', term: 'runVar', value: (r) => num(r.runVar) },
  { label: 'inference out', sub: 'mean, std', value: (r) => `${num(r.inferenceMean)}, ${num(r.inferenceStd)}` },
  { label: 'max |Δ|', sub: 'train − inference', term: 'BN', value: (r) => num(r.difference) },
];

startChapter({ terms: TERMS }, (nb) => {
  const batchGroup = { slot: 'controls-batch' };
  nb.radio('dims', {
    ...batchGroup,
    label: 'Input grid',
    options: [
      { value: '1', label: '1D' },
      { value: '2', label: '2D' },
      { value: '3', label: '3D' },
    ],
    value: '3',
    description: 'Drill holes (1D), vertical sections (2D) or blocks (3D) of the same geological models.',
  });
  const size = nb.range('size', { ...batchGroup, label: 'Feature-map cells per axis, h_x', min: 1, max: 16, step: 1, value: 6, description: 'The input is 2 cells larger: 3-cell filters, no padding. At most 12 in 3D.' });
  const batch = nb.range('batch', { ...batchGroup, label: 'Mini-batch size, n', min: 1, max: MAX_BATCH, step: 1, value: 8 });

  const showGroup = { slot: 'controls-show' };
  const sample = nb.range('sample', { ...showGroup, label: 'Sample shown, i', min: 0, max: MAX_BATCH - 1, step: 1, value: 0, description: 'Which model of the mini-batch the 3D views show.' });
  nb.select('map', {
    ...showGroup,
    label: 'Feature map shown, c',
    options: FEATURE_MAPS.map((m, c) => ({ value: String(c), label: `${c}: ${m.name}` })),
    value: '0',
  });

  const bnGroup = { slot: 'controls-bn' };
  nb.range('gamma', { ...bnGroup, label: 'Scale γ (every map)', min: -2, max: 3, step: 0.1, value: 1, description: 'Learnt during training; here yours to set.' });
  nb.range('beta', { ...bnGroup, label: 'Shift β (every map)', min: -2, max: 2, step: 0.1, value: 0 });
  nb.select('eps', {
    ...bnGroup,
    label: 'ε',
    options: [
      { value: '1e-5', label: '10⁻⁵ (PyTorch)' },
      { value: '1e-3', label: '10⁻³ (Keras)' },
      { value: '1e-1', label: '0.1' },
      { value: '1', label: '1' },
    ],
    value: '1e-5',
    description: 'Added to the variance before the square root.',
  });
  nb.select('g', {
    ...bnGroup,
    label: 'Activation g',
    options: [
      { value: 'sigmoid', label: 'Sigmoid' },
      { value: 'tanh', label: 'TanH' },
      { value: 'relu', label: 'ReLU' },
    ],
    value: 'sigmoid',
  });
  nb.resetButton('controls-reset');

  const runningGroup = { slot: 'controls-running' };
  nb.range('momentum', { ...runningGroup, label: 'Momentum ρ', min: 0, max: 1, step: 0.05, value: 0.1, description: "PyTorch's default is 0.1 (Keras writes 1 − ρ = 0.99)." });
  const steps = nb.range('steps', { ...runningGroup, label: 'Training batches fed, k', min: 0, max: MAX_STEPS, step: 1, value: 20 });
  nb.button('feed', { ...runningGroup, label: 'Feed the next training batch', description: 'Each is n models drawn at random from the training set.' }).subscribe(() => steps.set(Math.min(MAX_STEPS, steps.get() + 1)));

  // The batch of one, from the section that explains it: set the controls, then bring the note and the views into sight.
  const showNote = (): void => {
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    nb.slot('note').scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
  };
  const tryBatch = (key: string, label: string, n: number, h: number): void => {
    nb.button(key, { slot: 'try-one', label }).subscribe(() => {
      batch.set(n);
      size.set(h);
      sample.set(0);
      showNote();
    });
  };
  tryBatch('try-one', 'Batch of one, 1 × 1 × 1 maps', 1, 1);
  tryBatch('try-one-large', 'Batch of one, 6-cell maps', 1, 6);
  tryBatch('try-default', 'Back to a batch of 8', 8, 6);

  // ---- computation --------------------------------------------------------
  nb.cell('config', ['dims', 'size', 'batch'], (dims, h, n): BatchConfig => checkBatchConfig({ dims: Number(dims) as 1 | 2 | 3, size: h, batch: n }));
  nb.cell('geology', [], () => geologyCache());
  nb.cell('set', ['geology', 'config'], (geology, config: BatchConfig) => trainingSet(geology(config.dims, nativeSize(config)), config.size));
  nb.cell('shown', ['set', 'config'], (set, config: BatchConfig) => miniBatch(set, config.batch));
  nb.cell('stream', ['set', 'config'], (set, config: BatchConfig) => trainingStream(set, config.batch));
  nb.cell('history', ['stream', 'momentum', 'steps'], (stream, momentum, k) => runningHistory(stream, FEATURE_MAPS.length, momentum, k));
  nb.cell('bn', ['gamma', 'beta', 'eps'], (gamma, beta, eps): BnSettings => ({ gamma, beta, eps: Number(eps) }));
  nb.cell('normalized', ['shown', 'bn', 'history'], (shown, bn, history) => normalize(shown.pre, bn, history.running[history.running.length - 1]));
  nb.cell('summary', ['shown', 'normalized', 'g'], (shown, normalized, g) => summarize(shown.pre, normalized, g));
  nb.cell('mapIndex', ['map'], (map) => Number(map));
  nb.cell('shownStats', ['shown'], (shown) => batchStatistics(shown.pre));
  // The histograms' panels, apart from the map shown: picking a map only moves an outline. Before BN depends on the batch alone, so γ, β, ε, g and the running averages leave it as it is.
  nb.cell('beforeHist', ['shown'], (shown) => {
    const before = mapMoments(shown.pre);
    return { before, panels: beforePanels(shown.pre, { before }) };
  });
  nb.cell('afterHist', ['normalized', 'summary'], (normalized, summary) => afterPanels(normalized.train.y, summary));
  // Cells split by what they depend on, so moving γ redraws only what γ changes.
  nb.cell('pick', ['sample', 'mapIndex'], (sample, map) => ({ sample, map }));
  nb.cell('inputPanels', ['config', 'shown', 'pick'], (config: BatchConfig, shown, pick) => inputPanels(config.dims, shown, pick));
  nb.cell('outputPanels', ['config', 'normalized', 'pick'], (config: BatchConfig, normalized, pick) => outputPanels(config.dims, normalized, pick));

  // ---- views --------------------------------------------------------------
  // β shows in the note only for a batch of one value per map: while the words stay the same the note (typeset, and a live region) is kept, not rebuilt.
  let shownNote: { key: string; box: HTMLElement } | null = null;
  nb.display('note', ['shown', 'beta'], (shown, beta: number) => {
    const note = batchNote(shown.pre.shape, beta);
    const key = `${note.level}\n${note.paragraphs.join('\n')}`;
    if (shownNote?.key === key) return shownNote.box;
    const box = document.createElement('div');
    box.className = `bn-note bn-note--${note.level}`;
    box.setAttribute('role', 'status');
    for (const text of note.paragraphs) {
      const p = document.createElement('p');
      prose(p, text, { bus: nb.terms });
      box.append(p);
    }
    shownNote = { key, box };
    return box;
  });

  nb.view('view-input', {
    inputs: ['inputPanels'],
    create: (el, bus) => voxelPanel(el, bus, ['Hprev', 'X'], { legendLabel: '1 = the cell holds this facies', aspect: 2.6 }),
    update: (view, panels) => view.update({ tensor: panels.input, domain: [0, 1], name: `facies of sample ${panels.pick.sample},` }, 'viridis'),
    figure: {
      title: 'The input H^(m−1): facies of one sample.',
      caption: 'One map per facies, side by side: shale, sandstone, siltstone, limestone; yellow = 1, purple = 0. Depth runs along z in a block, along y in a section (2D) and along x in a drill hole (1D).',
      kind: '3d',
      describe: describeInput,
    },
  });
  nb.view('view-before', {
    inputs: ['inputPanels'],
    create: (el, bus) => voxelPanel(el, bus, ['W', 'b', 'mu', 'sigma2'], { legendLabel: 'W H + b' }),
    update: (view, panels) => view.update(panels.before),
    figure: { title: 'Before BN: W^m H^(m−1) + b^m.', caption: 'The chosen feature map of the chosen sample; colour from blue (negative) through white (0) to orange (positive), on the range of the map over the whole batch.', kind: '3d', describe: (p) => describePanel(p.before) },
  });
  nb.view('view-train', {
    inputs: ['outputPanels'],
    create: (el, bus) => voxelPanel(el, bus, ['BN', 'xhat', 'gamma', 'beta'], { legendLabel: 'BN(x), train mode' }),
    update: (view, panels) => view.update(panels.train),
    figure: { title: 'After BN, train mode: the batch’s μ and σ².', caption: 'The same cells after batch normalization with the statistics of this mini-batch; same colours as the inference view below.', kind: '3d', describe: (p) => describePanel(p.train) },
  });
  nb.view('view-inference', {
    inputs: ['outputPanels'],
    create: (el, bus) => voxelPanel(el, bus, ['runMean', 'runVar'], { legendLabel: 'BN(x), inference mode' }),
    update: (view, panels) => view.update(panels.inference),
    figure: { title: 'After BN, inference mode: the running μ̂ and σ̂².', caption: 'The same sample and map normalized with the running averages instead; same colours as the train-mode view above.', kind: '3d', describe: (p) => describePanel(p.inference) },
  });

  nb.view('table-maps', {
    inputs: ['summary', 'mapIndex'],
    create: (el, bus) => statTable(el, bus, "Each feature map over the whole mini-batch, before and after BN (train mode); active zone: the share of values where g' is above 5% of its peak", MAP_COLUMNS),
    update: (view, summary, c) => view.update(mapRows(summary), c),
  });
  nb.view('hist-before', {
    inputs: ['beforeHist', 'mapIndex'],
    create: (el, bus) => histogramGrid(el, bus, ['mu', 'sigma2'], 'W H + b'),
    update: (view, hist, c) => view.update(hist.panels, c),
    figure: { title: 'Before BN: each map on its own scale.', caption: 'Counts of the values of each feature map over the whole mini-batch (n samples, every cell). Rules: the mean μ and one standard deviation σ either side. Each panel has its own x range.', kind: '2d', describe: (hist) => describeBefore(hist) },
  });
  nb.view('hist-after', {
    inputs: ['afterHist', 'summary', 'mapIndex'],
    create: (el, bus) => histogramGrid(el, bus, ['BN', 'gamma', 'beta'], 'BN(x)'),
    update: (view, panels, _summary, c) => view.update(panels, c),
    figure: { title: 'After BN (train mode): every map on one scale.', caption: 'The same values after batch normalization with the batch statistics. Rules: the mean, β, and one standard deviation, about |γ|, either side. All panels share one x range.', kind: '2d', describe: (_p, summary) => describeAfter(summary) },
  });

  nb.view('running-charts', {
    inputs: ['history', 'shownStats', 'mapIndex'],
    create: runningCharts,
    update: (view, history, shownStats, c) => view.update(runningSeries(history, shownStats, c)),
    figure: { title: 'The running averages of the shown map, batch after batch.', caption: 'x: training batches fed, k (0 to 60). Solid: the running mean and variance after k batches, starting from 0 and 1. Dashed: each training batch’s own statistics, and the shown batch’s.', kind: '2d', describe: (history, _n, c) => describeRunning(history, c) },
  });
  nb.view('compare', {
    inputs: ['normalized', 'summary', 'mapIndex'],
    create: compareView,
    update: (view, normalized, _summary, c) => view.update(comparePanel(normalized, c)),
    figure: { title: 'The shown map after BN: train mode against inference mode.', caption: 'Density of the values over the whole mini-batch: bars in train mode, the line in inference mode, on the same bins.', kind: '2d', describe: (_n, summary, c) => describeCompare(summary, c) },
  });
  nb.view('table-modes', {
    inputs: ['normalized', 'summary', 'mapIndex'],
    create: (el, bus) => statTable(el, bus, 'Train mode against inference mode, for the same mini-batch', MODE_COLUMNS),
    update: (view, normalized, summary, c) => view.update(modeRows(normalized, summary), c),
  });

  // ---- equations and code -------------------------------------------------
  nb.equation('eq-5', EQ5);
  nb.erratum('errata', ERRATUM_LEARNT);
  nb.erratum('errata', ERRATUM_DROPOUT);
  nb.equation('eq-bn', BN_DEFINITION);
  nb.equation('eq-running', RUNNING);
  nb.code('code-pre', { source: blockSource, file: 'chapters/05-batch-normalization/block.ts', fn: 'preActivation', caption: 'The convolution that makes the pre-activations, with the core’s conv.' });
  nb.code('code-pre', { source: blockSource, file: 'chapters/05-batch-normalization/block.ts', fn: 'normalize', caption: 'BN in both modes, with the core’s batchnorm.' });
  nb.code('code-pre', { source: blockSource, file: 'chapters/05-batch-normalization/block.ts', fn: 'activate', caption: 'Then g, and its slope for the active-zone columns of the table.' });
  nb.code('code-bn', { source: batchnormSource, file: 'src/nn/batchnorm.ts', fn: 'batchStatistics', exported: false, caption: 'μ and σ² of eq. 5 in train mode: the mean of each feature map over the batch, then the biased variance (divided by m, not m − 1).' });
  nb.code('code-bn', { source: batchnormSource, file: 'src/nn/batchnorm.ts', fn: 'forward', caption: 'Every number on this page goes through this function. In train mode batchStatistics (a few lines above it in the file) returns the mean and the biased variance; point at a marked line to find its term.' });
  nb.code('code-running', { source: batchnormSource, file: 'src/nn/batchnorm.ts', fn: 'updateRunningStats', caption: 'One step of the running averages. Here m is the momentum ρ, and count is m of the equation.' });
  nb.code('code-running', { source: runningSource, file: 'chapters/05-batch-normalization/running.ts', fn: 'runningHistory', caption: 'The page folds it over the training batches fed so far.' });
});
