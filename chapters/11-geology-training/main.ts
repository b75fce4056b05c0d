/**
 * Chapter 11, Training a CNN on geological grids (tutorial §3, the summary,
 * with Figures 1 and 2 applied): browse the synthetic geological models,
 * build a network in the page with every layer's size (eq. 2) and parameter
 * count live, train it in the worker with the chosen optimizer and batch
 * size (eqs. 10, 11), watch the curves and the confusion matrix, look inside
 * at any update (every H^m, the filters and their gradients, batch-norm
 * statistics, the softmax of eq. 8), save and load the trained network, and
 * classify a grid of your own.
 */
import trainSource from '../../src/model/train.ts?raw';
import { networkDescriptionOf, type SavedNetwork } from '../../src/model/saved-network.ts';
import type { OptimizerKind } from '../../src/optim/index.ts';
import { AtlasError } from '../../src/tensor/index.ts';
import { createStore, linkTerm, observeValue, startChapter, type Control } from '../../src/notebook/index.ts';
import { createTrainingClient, type TrainingClient } from '../../src/notebook/training-client.ts';
import { formatValue } from '../../src/viz/paint/format.ts';
import builderSource from './builder.ts?raw';
import trainingSource from './training.ts?raw';
import { BROWSE_COUNT, browseData, browsedSample, type BrowsedSample } from './browse.ts';
import { DEFAULT_CONFIG, tryBuildNetwork, type BuildResult, type BuilderConfig, type BuiltNetwork, type Dims } from './builder.ts';
import { builderTable, describeBuilder } from './builder-table.ts';
import { dataView, describeData } from './data-view.ts';
import { EQ10, EQ11, EQ6, EQ7, EQ8, ERRATUM_BN, ERRATUM_EQ2 } from './equations.ts';
import { filesView } from './files-view.ts';
import { inspectorView, type InspectorView } from './inspector-view.ts';
import { DEFAULT_TRAIN, describeSettings, describeTraining, timeNote, trainingJob, type JobResult, type TrainSettings } from './training.ts';
import { trainView } from './train-view.ts';
import { TERMS } from './terms.ts';
import './geology-training.css';

/** 10^exponent with the digits the read-out shows. */
const fromLog = (exponent: number): number => Number((10 ** exponent).toPrecision(3));

const sameNetwork = (net: BuiltNetwork, saved: SavedNetwork): boolean =>
  JSON.stringify(net.plan.layers.map((l) => l.spec)) === JSON.stringify(saved.layers) && JSON.stringify(net.inputShape) === JSON.stringify(saved.inputShape);

startChapter({ terms: TERMS }, (nb) => {
  const c = DEFAULT_CONFIG;
  // ---- the data ------------------------------------------------------------
  const data = { slot: 'controls-data' };
  const controls: Partial<Record<keyof BuilderConfig, Control<any>>> = {};
  controls.dims = nb.radio('dims', {
    ...data,
    label: 'Grid',
    options: [
      { value: '1', label: '1D well' },
      { value: '2', label: '2D section' },
      { value: '3', label: '3D block' },
    ],
    value: String(c.dims),
    description: 'A well column, a vertical cross-section or a block model of the same geology.',
  });
  controls.size = nb.range('size', { ...data, label: 'Cells per axis', min: 8, max: 64, step: 2, value: c.size, unit: 'cells' });
  nb.range('model', { ...data, label: 'Model shown', min: 1, max: BROWSE_COUNT, step: 1, value: 1, description: 'The first models of the data set the network trains on.' });
  nb.range('slice', { ...data, label: 'Horizontal slice (3D)', min: 0, max: 64, step: 1, value: 0, description: '0 shows the whole block; k shows only depth cell k.' });

  // ---- the builder -----------------------------------------------------------
  const features = { slot: 'controls-features' };
  controls.blocks = nb.range('blocks', { ...features, label: 'Convolution blocks (M)', min: 1, max: 4, step: 1, value: c.blocks });
  controls.filters = nb.range('filters', { ...features, label: 'Filters in block 1 (w_c)', min: 2, max: 32, step: 2, value: c.filters });
  controls.growth = nb.radio('growth', {
    ...features,
    label: 'Filters in later blocks',
    options: [
      { value: 'same', label: 'Same' },
      { value: 'double', label: 'Double each block' },
    ],
    value: c.growth,
  });
  controls.filterSize = nb.range('w', { ...features, label: 'Filter size (w)', min: 1, max: 7, step: 1, value: c.filterSize, unit: 'cells' });
  controls.stride = nb.range('st', { ...features, label: 'Stride (st)', min: 1, max: 3, step: 1, value: c.stride, unit: 'cells' });
  controls.padding = nb.range('p', { ...features, label: 'Padding (p)', min: 0, max: 3, step: 1, value: c.padding, unit: 'cells' });
  controls.batchNorm = nb.toggle('bn', { ...features, label: 'Batch normalization (BN, eq. 5)', value: c.batchNorm });
  controls.activation = nb.select('g', {
    ...features,
    label: 'Activation (g)',
    options: [
      { value: 'relu', label: 'ReLU' },
      { value: 'tanh', label: 'TanH' },
      { value: 'sigmoid', label: 'Sigmoid' },
    ],
    value: c.activation,
  });
  controls.pool = nb.select('pool', {
    ...features,
    label: 'Pooling (2 cells, eq. 6)',
    options: [
      { value: 'max', label: 'Max' },
      { value: 'avg', label: 'Average' },
      { value: 'min', label: 'Min' },
      { value: 'l2', label: 'L2-norm' },
    ],
    value: c.pool,
  });
  controls.pooled = nb.range('pooled', { ...features, label: 'Blocks that end in pooling', min: 0, max: 4, step: 1, value: c.pooled, description: 'Counted from the first block; 0 is no pooling.' });
  const inference = { slot: 'controls-inference' };
  controls.hidden = nb.range('fc', { ...inference, label: 'Hidden fully connected layers (F)', min: 0, max: 2, step: 1, value: c.hidden });
  controls.units = nb.range('units', { ...inference, label: 'Units per hidden layer (n_FC)', min: 8, max: 128, step: 8, value: c.units });
  nb.resetButton('controls-reset');

  nb.cell(
    'config',
    ['dims', 'size', 'blocks', 'filters', 'growth', 'w', 'st', 'p', 'bn', 'g', 'pool', 'pooled', 'fc', 'units'],
    (dims, size, blocks, filters, growth, w, st, p, bn, g, pool, pooled, fc, units): BuilderConfig => ({
      ...DEFAULT_CONFIG,
      dims: Number(dims) as Dims,
      size,
      blocks,
      filters,
      growth,
      filterSize: w,
      stride: st,
      padding: p,
      batchNorm: bn,
      activation: g,
      pool,
      pooled,
      hidden: fc,
      units,
    }),
  );
  nb.cell('build', ['config'], tryBuildNetwork);
  nb.cell('net', ['build'], (result: BuildResult) => {
    if ('error' in result) throw result.error;
    return result.net;
  });
  nb.view('builder', {
    inputs: ['build'],
    create: builderTable,
    figure: { title: 'Every layer, as you build it.', caption: 'Sizes are x × y × z × feature maps. Eq. 2 is written out along x (the other axes in use are the same; unused ones stay 1).', kind: '2d', describe: describeBuilder },
  });

  // ---- the data browser (after the grid controls) ----------------------------
  nb.cell('dataset', ['dims', 'size'], (dims: string, size: number) => browseData(Number(dims) as Dims, size));
  nb.cell('browsed', ['dataset', 'model'], (ds, model: number) => browsedSample(ds, model - 1));
  nb.view('data', {
    inputs: ['browsed', 'slice'],
    create: dataView,
    figure: {
      title: 'A model of the data set.',
      caption: 'Colour: facies code. Drag to turn it; arrow keys move the read-out. In 2D the section is x across and depth up the page; in 1D the well runs along x.',
      kind: '3d',
      describe: describeData,
    },
  });

  // ---- training ----------------------------------------------------------------
  const train = { slot: 'controls-train' };
  nb.select('opt', {
    ...train,
    label: 'Optimizer',
    options: [
      { value: 'sgd', label: 'SGD (eq. 11)' },
      { value: 'momentum', label: 'Momentum (eq. 12)' },
      { value: 'adagrad', label: 'AdaGrad (eq. 13)' },
      { value: 'rmsprop', label: 'RMSProp (eq. 14)' },
      { value: 'adam', label: 'Adam (eq. 15, corrected)' },
    ],
    value: DEFAULT_TRAIN.optimizer,
  });
  const lr = nb.range('lr', { ...train, label: 'Learning rate α (log₁₀)', min: -4, max: 0, step: 0.1, value: Math.log10(DEFAULT_TRAIN.lr), description: 'The read-out shows α itself.' });
  linkTerm(lr.element, 'alpha', nb.terms);
  const showAlpha = (exponent: number): void => {
    const text = `α = ${formatValue(fromLog(exponent))}`;
    const out = lr.element.querySelector('output');
    if (out) out.textContent = text;
    lr.element.querySelector('input[type=range]')?.setAttribute('aria-valuetext', text);
  };
  showAlpha(lr.get());
  lr.subscribe(showAlpha);
  nb.range('batch', { ...train, label: 'Mini-batch size (m)', min: 1, max: 128, step: 1, value: DEFAULT_TRAIN.batch });
  nb.range('epochs', { ...train, label: 'Epochs', min: 1, max: 50, step: 1, value: DEFAULT_TRAIN.epochs });
  nb.range('count', { ...train, label: 'Models in the data set', min: 200, max: 2000, step: 200, value: DEFAULT_TRAIN.count, description: '80 % to train on, 20 % held out for validation.' });
  nb.resetButton('controls-train');

  const loaded = createStore<SavedNetwork | null>(null);
  nb.cell('loaded', [], () => observeValue(loaded));
  let loads = 0;
  nb.cell('settings', ['opt', 'lr', 'batch', 'epochs', 'count'], (optimizer: OptimizerKind, e: number, batch: number, epochs: number, count: number): TrainSettings => ({ optimizer, lr: fromLog(e), batch, epochs, count }));
  // Never throws: a refused network or setting is shown by the training view, which keeps its text alternative up to date.
  nb.cell('job', ['build', 'settings', 'loaded'], (build: BuildResult, settings: TrainSettings, saved: SavedNetwork | null): JobResult => {
    if ('error' in build) return { error: build.error };
    const net = build.net;
    const start = saved && sameNetwork(net, saved) ? networkDescriptionOf(saved) : undefined;
    try {
      const job = trainingJob(net, settings, start);
      const { network, ...rest } = job;
      return { job, key: JSON.stringify({ ...rest, layers: network.layers, inputShape: network.inputShape, from: start ? loads : 0 }) };
    } catch (e) {
      if (e instanceof AtlasError) return { error: e };
      throw e;
    }
  });
  nb.cell('client', ['invalidation'], (invalidation: Promise<void>) => {
    const client = createTrainingClient();
    invalidation.then(() => client.terminate());
    return client;
  });
  nb.view('train', {
    inputs: ['client', 'job', 'settings'],
    create: trainView,
    update: (view, client: TrainingClient, job: JobResult) => view.update(client, job),
    figure: {
      title: 'Training, live.',
      caption: 'Blue: training (mean of the epoch\'s batches, while the weights were still moving); vermillion, dashed: validation (after the epoch, models never trained on).',
      kind: '2d',
      describe: (_client, job: JobResult, settings: TrainSettings) => ('error' in job ? `Training is refused (${describeSettings(settings)}): ${job.error.message}` : describeTraining(job.job)),
    },
  });

  // ---- inside the network --------------------------------------------------------
  const inspect = { slot: 'controls-inspect' };
  nb.range('isample', { ...inspect, label: 'Validation model', min: 1, max: 40, step: 1, value: 1 });
  nb.range('block', { ...inspect, label: 'Block whose filters are shown (m)', min: 1, max: 4, step: 1, value: 1 });
  nb.range('filter', { ...inspect, label: 'Filter of that block', min: 1, max: 32, step: 1, value: 1 });
  nb.view('inspector', {
    inputs: ['client', 'build', 'isample', 'block', 'filter'],
    create: inspectorView,
    update: (view, client: TrainingClient, build: BuildResult, sample: number, block: number, filter: number) => view.update(client, 'net' in build ? build.net : null, { sample, block, filter }),
    figure: {
      title: 'Inside the network, at the current update.',
      caption: 'Hidden layers: one cube per value, feature maps side by side. Filters and gradients: blue negative, red positive. Each view turns with a drag.',
      kind: '3d',
      describe: (_client, build: BuildResult, sample: number, block: number, filter: number) => {
        const blocks = 'net' in build ? build.net.config.blocks : build.config.blocks;
        return `For validation model ${sample}: the input and the ${blocks} hidden layers H¹ to H${blocks} in 3D, filter ${filter} of block ${Math.min(block, blocks)} and its gradient, the batch-normalization statistics of that block and the softmax output of the four structure classes${'net' in build ? '' : ', once the network can be built'}.`;
      },
    },
  });

  // The page is busy until the worker has built the job and the inspector has drawn its first snapshot.
  nb.display('inspector-ready', ['inspector', 'job', 'isample'], (view: InspectorView) => view.drawn().then(() => ''));

  // ---- files -------------------------------------------------------------------------
  const onLoad = (saved: SavedNetwork, config: BuilderConfig): void => {
    for (const [key, control] of Object.entries(controls) as [keyof BuilderConfig, Control<any>][]) {
      const value = config[key];
      control.set(key === 'dims' ? String(value) : value);
    }
    loads++;
    loaded.set(saved);
  };
  nb.view('files', {
    inputs: ['client', 'build', 'browsed'],
    create: (el) => filesView(el, onLoad),
    update: (view, client: TrainingClient, build: BuildResult, browsed: BrowsedSample) => view.update(client, 'net' in build ? build.net : null, browsed),
  });

  nb.display('notes-time', [], timeNote);
  nb.equation('eq-6', EQ6);
  nb.erratum('eq-2', ERRATUM_EQ2);
  nb.erratum('eq-bn', ERRATUM_BN);
  nb.equation('eq-7', EQ7);
  nb.equation('eq-8', EQ8);
  nb.equation('eq-10', EQ10);
  nb.equation('eq-11', EQ11);
  nb.code('code-builder', {
    source: builderSource,
    file: 'chapters/11-geology-training/builder.ts',
    fn: 'builderLayers',
    caption: 'The layer stack the table is planned from: one block per step of eq. 6, then eq. 7. Point at a marked line to find its term.',
  });
  nb.code('code-job', {
    source: trainingSource,
    file: 'chapters/11-geology-training/training.ts',
    fn: 'trainingJob',
    caption: 'The job sent to the training worker: the builder\'s network, the data set made inside the worker, one run of the chosen optimizer.',
  });
  nb.code('code-train', {
    source: trainSource,
    file: 'src/model/train.ts',
    fn: 'trainStep',
    caption: 'One update in the worker: the loss and its gradient on a mini-batch, then the optimizer\'s step for every parameter tensor (eq. 11).',
  });
});
