/**
 * Chapter 7, The inference zone (tutorial §2.2, eqs. 7, 8 and 9, Figure 8):
 * one geological model through a small trained CNN, with the inference
 * zone's real tensors: H^M unrolled into Vec(H^M) in the core's order, the
 * fully connected layers as weight matrices times vectors, the softmax on
 * scores the reader sets, and the range of values a regression head's
 * activation can produce against the data's targets.
 */
import { STRUCTURE_KINDS, type StructureKind } from '../../src/data/index.ts';
import activationSource from '../../src/nn/activation.ts?raw';
import denseSource from '../../src/nn/dense.ts?raw';
import flattenSource from '../../src/nn/flatten.ts?raw';
import { flatPosition } from '../../src/nn/flatten.ts';
import softmaxSource from '../../src/nn/softmax.ts?raw';
import type { Network } from '../../src/model/index.ts';
import { startChapter } from '../../src/notebook/index.ts';
import type { MatrixVectorData } from '../../src/viz/charts/matrix-vector.ts';
import { finiteExtent, niceDomainOf } from '../../src/viz/paint/domain.ts';
import { AXES_CAPTION, describeDense, describeFlow, describeHiddenLayer, describeInput, describeLab, describeReach, positionReadout, stripSummary, valueRange } from './describe.ts';
import { denseView, type DenseView } from './dense-view.ts';
import { EQ7, EQ7_SHAPES, EQ8, EQ8_STABLE, EQ9, ERRATUM_EQ9 } from './equations.ts';
import { flowDiagram } from './flow-diagram.ts';
import { formatCount, formatPercent, formatShape } from './format.ts';
import { MODEL_COUNT, geologySample, structureName, type Dims, type GeologySample } from './geology.ts';
import networkSource from './network.ts?raw';
import { chapterNetwork, inferencePass, trainingRecord, type InferencePass } from './network.ts';
import { positionPanel } from './position-panel.ts';
import { reachHistogram, type ReachHistogram } from './reach-histogram.ts';
import { reachTable } from './reach-table.ts';
import { OUTPUT_KINDS, OUTPUT_NAMES, SCALINGS, SCALING_NAMES, scaledTargets, type OutputKind, type Scaling, type TargetView } from './regression.ts';
import { createScoreChart, type ScoreChart } from './score-chart.ts';
import { softmaxLab, toSliderScores, type SoftmaxLab } from './softmax-lab.ts';
import { softmaxTable } from './softmax-table.ts';
import { createStore, observeValue } from '../../src/notebook/index.ts';
import { targetStream, type TargetBatch } from './target-stream.ts';
import { termVoxelView, type TermVoxelView } from '../../src/notebook/term-voxel-view.ts';
import { outlineOnTerms } from '../../src/notebook/term-outline.ts';
import { TERMS } from './terms.ts';
import { cellsReadUpTo, clampPosition, cutFor, groupsOf, positionStep, sampleDims, vectorLength, type PositionStep } from './unrolling.ts';
import { createVectorStrip, type VectorStrip } from './vector-strip.ts';
import { createWalker } from './walker.ts';
import '../../assets/chapter.css';
import './inference-zone.css';

/** Where the reader points in Vec(H^M), and from which view (the block is not cut open under its own pointer). */
interface Pointed {
  readonly position: number;
  readonly from: 'block' | 'strip' | 'matrix' | 'template';
}

const samePointed = (a: Pointed | null, b: Pointed | null): boolean => a === b || (a !== null && b !== null && a.position === b.position && a.from === b.from);

const SCORE_RANGE = { min: -10, max: 10, step: 0.1 } as const;
const SCORE_DEFAULTS = [2, 1, 0.1, -1] as const;
const SHORT_NAMES = STRUCTURE_KINDS.map((k) => k);

startChapter({ terms: TERMS }, (nb) => {
  // ---- the sample and the network -----------------------------------------
  const sampleSlot = { slot: 'controls-sample' };
  nb.radio('dims', {
    ...sampleSlot,
    label: 'Grid',
    options: [
      { value: '1', label: '1D' },
      { value: '2', label: '2D' },
      { value: '3', label: '3D' },
    ],
    value: '3',
    description: 'A well column of 64 cells, a 16 × 16 cross-section or a 12 × 12 × 12 block model.',
  });
  nb.select('structure', {
    ...sampleSlot,
    label: 'Geology',
    options: STRUCTURE_KINDS.map((kind) => ({ value: kind, label: structureName(kind) })),
    value: 'folded',
  });
  nb.range('model', { ...sampleSlot, label: 'Model number', min: 1, max: MODEL_COUNT, step: 1, value: 2, description: 'Another random model of the same geology.' });
  nb.radio('weights', {
    ...sampleSlot,
    label: 'Weights',
    options: [
      { value: 'trained', label: 'Trained' },
      { value: 'initial', label: 'As initialised' },
    ],
    value: 'trained',
    description: "As initialised: the paper's weights from N(0, 0.1) cut at 2σ and biases of 1, before any training.",
  });
  nb.resetButton('controls-reset');

  nb.cell('d', ['dims'], (dims: string): Dims => Number(dims) as Dims);
  nb.cell('sample', ['d', 'structure', 'model'], (d: Dims, structure: StructureKind, model: number) => geologySample(d, structure, model));
  nb.cell('net', ['d', 'weights'], (d: Dims, weights: 'trained' | 'initial') => chapterNetwork(d, weights));
  nb.cell('pass', ['net', 'sample'], (net: Network, sample: GeologySample) => inferencePass(net, sample.x));

  nb.view('input-view', {
    inputs: ['sample', 'd', 'structure', 'model'],
    create: (el, bus) => termVoxelView(el, bus, { formula: String.raw`\term{X}{X}`, terms: ['X'], options: { legendLabel: 'sandstone (1) or not (0)' } }),
    update: (view: TermVoxelView, sample: GeologySample) => {
      view.show({ tensor: sample.x, colormap: 'cividis', domain: [0, 1], name: 'X, the sandstone indicator' });
    },
    figure: {
      title: 'The model the network reads.',
      caption: 'Sandstone indicator: 1 (light) where the cell is sandstone, 0 (dark) elsewhere.',
      kind: '3d',
      describe: (sample: GeologySample, d: Dims, structure: StructureKind, model: number) => describeInput(sample.x, d, structure, model),
    },
  });
  nb.display('accuracy', ['d', 'weights'], (d: Dims, weights: string) => {
    const record = trainingRecord(d);
    const p = document.createElement('p');
    p.className = 'iz-note';
    p.textContent =
      weights === 'trained'
        ? `Trained on ${formatCount(record.trainingSamples)} models for ${record.epochs} epochs, where its loss on ${formatCount(record.validationSamples)} other models was lowest; on ${formatCount(record.heldOutSamples)} models it never saw, the largest probability names the right structure ${formatPercent(record.heldOutAccuracy)} of the time (chance: 25 %).`
        : 'As initialised: nothing learnt yet. The numbers below are computed exactly as for the trained network.';
    return p;
  });
  nb.view('flow', {
    inputs: ['pass', 'sample'],
    create: flowDiagram,
    update: (view: ReturnType<typeof flowDiagram>, pass: InferencePass, sample: GeologySample) => view.update({ pass, label: sample.label }),
    figure: {
      title: 'Figure 8: the inference zone, with this model’s numbers.',
      caption: 'Each square is one value (viridis from low to high; the scores on a blue–orange scale centred on 0). Vec(H^M) is drawn row by row in its reading order.',
      kind: 'diagram',
      describe: describeFlow,
    },
  });

  // ---- Vec(H^M): the walk and the pointer -------------------------------
  const position = nb.range('position', {
    slot: 'controls-walk',
    label: 'Position in Vec(Hᴹ), p',
    min: 0,
    max: 107,
    step: 1,
    value: 17,
    description: 'Counts from 0, as the code does. Its largest value is the length of the vector minus one.',
  });
  const walker = createWalker(position);
  const pointer = createStore<Pointed | null>(null, samePointed);
  nb.cell('pointed', [], () => observeValue(pointer));
  nb.cell('length', ['pass'], (pass: InferencePass) => vectorLength(pass.hM.shape));
  nb.display('walker', ['length'], (length: number) => {
    walker.sync(length);
    return walker.node;
  });
  nb.cell('walk', ['position', 'length'], (p: number, length: number) => clampPosition(p, length));
  nb.cell('walkStep', ['pass', 'walk'], (pass: InferencePass, walk: number) => positionStep(pass.hM, walk));
  nb.cell('step', ['pass', 'walkStep', 'pointed', 'length'], (pass: InferencePass, walkStep: PositionStep, pointed: Pointed | null, length: number) =>
    pointed && pointed.position < length ? positionStep(pass.hM, pointed.position) : walkStep,
  );
  nb.cell('read', ['pass', 'walk'], (pass: InferencePass, walk: number) => cellsReadUpTo(pass.hM.shape, walk));
  nb.cell('hmDomain', ['pass'], (pass: InferencePass) => niceDomainOf(finiteExtent(pass.hM.data), 'sequential'));
  nb.cell('groups', ['pass'], (pass: InferencePass) => groupsOf(pass.hM.shape));

  const pointFrom = (from: Pointed['from']) => (p: number | null) => pointer.set(p === null ? null : { position: p, from });
  // A voxel view reports its cursor as hovered even when the page moves it: those reports are not the reader's.
  let movingCursor = false;
  const cellPosition = (pass: () => InferencePass | null, from: Pointed['from']) => (cell: { x: number; y: number; z: number; d: number } | null) => {
    const current = pass();
    if (movingCursor) return;
    pointer.set(cell && current ? { position: flatPosition(current.hM.shape, [cell.x, cell.y, cell.z, cell.d]), from } : null);
  };
  const moveCursor = (view: TermVoxelView, cell: readonly number[]): void => {
    movingCursor = true;
    try {
      view.voxel!.setCursor(cell);
    } finally {
      movingCursor = false;
    }
  };
  let latestPass: InferencePass | null = null;
  nb.cell('latest', ['pass'], (pass: InferencePass) => {
    latestPass = pass;
    return pass;
  });

  let hmShown: unknown = null;
  let cut: number | null = null;
  nb.view('hm-view', {
    inputs: ['latest', 'hmDomain', 'read', 'step', 'pointed', 'd', 'walkStep'],
    create: (el, bus) =>
      termVoxelView(el, bus, {
        formula: String.raw`\term{HM}{H^M}`,
        terms: ['HM'],
        options: { legendLabel: 'value of Hᴹ' },
        onHover: cellPosition(() => latestPass, 'block'),
        onSelect: (cell) => latestPass && position.set(flatPosition(latestPass.hM.shape, [cell.x, cell.y, cell.z, cell.d])),
      }),
    update: (view: TermVoxelView, pass: InferencePass, domain: [number, number], read: ReturnType<typeof cellsReadUpTo>, step: PositionStep, pointed: Pointed | null, d: Dims) => {
      if (!view.voxel || hmShown !== pass.hM) {
        view.show({ tensor: pass.hM, colormap: 'viridis', domain, name: 'Hᴹ, the last hidden layer' });
        hmShown = pass.hM;
      }
      const voxel = view.voxel!;
      // The block is cut open for a hidden cell chosen elsewhere, never under the block's own pointer.
      if (!pointed || pointed.from !== 'block') cut = d === 3 ? cutFor(pass.hM.shape, step.cell) : null;
      voxel.setSlice(cut === null ? null : { axis: 'z', mode: 'upTo', index: cut });
      voxel.setHighlight(read.length === pass.hM.data.length ? null : read);
      moveCursor(view, step.cell);
    },
    figure: {
      title: 'The last hidden layer Hᴹ.',
      caption: 'Colour: the value of each cell (viridis, dark low, yellow high). Cells Vec has read up to the walk’s position are in full colour; the outlined cell is the one at the position shown.',
      kind: '3d',
      describe: (pass: InferencePass, _domain: unknown, read: unknown[], step: PositionStep, _pointed: unknown, d: Dims) => describeHiddenLayer(pass.hM, d, step, read.length),
    },
  });

  nb.view('strip', {
    inputs: ['latest', 'hmDomain', 'groups', 'walk', 'step', 'pointed'],
    create: (el, bus) => {
      const strip = createVectorStrip(
        el,
        { values: [0], dims: [1, 1, 1, 1], groups: [], position: 0, pointed: null, domain: [0, 1], colormap: 'viridis', summary: '', readout: '' },
        { title: 'Vec(Hᴹ) = FC₀, in reading order', onHover: pointFrom('strip'), onSelect: (p) => position.set(p) },
      );
      const unlink = outlineOnTerms(strip.node, bus, ['Vec', 'FCprev']);
      return { node: strip.node, update: strip.update, dispose: () => (unlink(), strip.dispose()) };
    },
    update: (strip: VectorStrip, pass: InferencePass, domain: [number, number], groups: ReturnType<typeof groupsOf>, walk: number, step: PositionStep, pointed: Pointed | null) => {
      strip.update({
        values: pass.vec.data,
        dims: sampleDims(pass.hM.shape),
        groups,
        position: walk,
        pointed: pointed ? pointed.position : null,
        domain,
        colormap: 'viridis',
        summary: stripSummary(pass.vec, step),
        readout: positionReadout(step, pointed !== null),
      });
    },
    figure: {
      title: 'The same values as one vector.',
      caption: 'One square per value, position 0 on the left. Brackets under the squares group the positions that share x, then y, then z; the coloured ticks give the feature map d, which changes fastest.',
      kind: '2d',
      describe: (pass: InferencePass, _domain: unknown, _groups: unknown, _walk: unknown, step: PositionStep) => stripSummary(pass.vec, step),
    },
  });
  nb.view('position-formula', { slot: 'position', inputs: ['step'], create: (el, bus) => positionPanel(el, bus) });

  nb.code('code-position', {
    source: flattenSource,
    file: 'src/nn/flatten.ts',
    fn: 'flatPosition',
    caption: 'The position of a cell in Vec(H^M): the formula above, one axis at a time. cellAt, beside it in the file, runs it backwards.',
  });
  nb.code('code-flatten', {
    source: flattenSource,
    file: 'src/nn/flatten.ts',
    fn: 'forward',
    caption: 'Vec itself: H^M is stored in that order already, so the vector is a copy of its data with a new shape.',
  });

  // ---- fully connected layers ---------------------------------------------
  const unit = nb.range('unit', { slot: 'controls-dense', label: 'Unit i of FC₁', min: 0, max: 7, step: 1, value: 2, description: 'A row of W_FC₁: 8 units, counted from 0.' });
  const score = nb.range('score', { slot: 'controls-dense', label: 'Score k of FC₂', min: 1, max: 4, step: 1, value: 2, description: 'A row of W_FC₂: one per structure type, k from 1 as in eq. 8.' });

  const products = (w: { data: Float64Array; shape: readonly number[] }, row: number, x: ArrayLike<number>): Float64Array => {
    const n = w.shape[1]!;
    const out = new Float64Array(n);
    for (let j = 0; j < n; j++) out[j] = w.data[row * n + j]! * x[j]!;
    return out;
  };
  nb.view('fc1', {
    inputs: ['latest', 'unit', 'pointed'],
    create: (el, bus) =>
      denseView(el, bus, ['WFC', 'bf', 'FCprev', 'FC', 'g', 'Vec', 'FCF'], {
        onSelectRow: (row) => unit.set(row),
        onColumn: (col) => pointer.set(col === null ? null : { position: col, from: 'matrix' }),
      }),
    update: (view: DenseView, pass: InferencePass, row: number, pointed: Pointed | null) => {
      view.show({ ...denseData(pass, 0, row), products: products(pass.dense[0]!.w, row, pass.vec.data) });
      if (!pointed || pointed.from !== 'matrix') view.setColumn(pointed ? pointed.position : null);
    },
    figure: {
      title: 'FC₁ = g(W_FC₁ FC₀ + b₁): the weight matrix times Vec(Hᴹ).',
      caption: 'W_FC₁ has one row per unit of FC₁ and one column per value of FC₀ = Vec(Hᴹ), which runs along the top. Weights on a blue–orange scale centred on 0 (legend); each vector on its own scale centred on 0, its numbers in the read-out.',
      kind: '2d',
      describe: (pass: InferencePass, row: number) => describeDense(pass, 0, row),
    },
  });

  let templateShown: unknown = null;
  nb.view('template', {
    inputs: ['latest', 'unit', 'step', 'd'],
    create: (el, bus) =>
      termVoxelView(el, bus, {
        formula: String.raw`\text{row } i \text{ of } \term{WFC}{W_{FC_1}}, \text{ in the shape of } \term{HM}{H^M}`,
        terms: ['WFC'],
        options: { legendLabel: 'weight' },
        onHover: cellPosition(() => latestPass, 'template'),
      }),
    update: (view: TermVoxelView, pass: InferencePass, row: number, step: PositionStep) => {
      const w = pass.dense[0]!.w;
      const key = `${row}`;
      if (!view.voxel || templateShown !== w || view.node.dataset.row !== key) {
        const n = w.shape[1]!;
        view.show({ shape: pass.hM.shape, values: w.data.subarray(row * n, (row + 1) * n), colormap: 'diverging', name: `Row ${row} of W_FC₁` });
        templateShown = w;
        view.node.dataset.row = key;
      }
      moveCursor(view, step.cell);
    },
    figure: {
      title: 'What unit i of FC₁ weighs in Hᴹ.',
      caption: 'Weight w_ij drawn at the cell of Hᴹ that position j of Vec(Hᴹ) comes from: orange raises the unit, blue lowers it, white leaves it alone.',
      kind: '3d',
      describe: (pass: InferencePass, row: number, _step: unknown, d: Dims) => {
        const n = pass.dense[0]!.w.shape[1]!;
        return `Row ${row} of W_FC₁, ${n} weights laid out as Hᴹ ${formatShape(pass.hM.shape.slice(1))}, ${valueRange(pass.dense[0]!.w.data.subarray(row * n, (row + 1) * n))}. ${AXES_CAPTION[d]}`;
      },
    },
  });

  nb.view('fc2', {
    inputs: ['latest', 'score'],
    create: (el, bus) => denseView(el, bus, ['s', 'WFC', 'bf', 'FCprev'], { onSelectRow: (row) => score.set(row + 1) }),
    update: (view: DenseView, pass: InferencePass, k: number) => {
      view.show({ ...denseData(pass, 1, k - 1), products: products(pass.dense[1]!.w, k - 1, pass.dense[0]!.output.data) });
    },
    figure: {
      title: 'FC₂ = W_FC₂ FC₁ + b₂: the scores s_k.',
      caption: 'One row per structure type. The scores go to the softmax without an activation. Colours as above.',
      kind: '2d',
      describe: (pass: InferencePass, k: number) => describeDense(pass, 1, k - 1),
    },
  });
  nb.display('dense-count', ['net', 'length'], (net: Network, length: number) => {
    const count = (prefix: string) => Object.entries(net.params).filter(([name]) => name.startsWith(prefix)).reduce((s, [, t]) => s + t.data.length, 0);
    return `Here W_FC₁ holds ${formatCount(8 * length)} weights (8 rows of ${length}), the two convolution blocks ${formatCount(count('c1.w') + count('c2.w'))} between them.`;
  });

  nb.equation('eq-7', EQ7);
  nb.equation('eq-7-shapes', EQ7_SHAPES);
  nb.code('code-dense', {
    source: denseSource,
    file: 'src/nn/dense.ts',
    fn: 'forward',
    caption: 'W_FC_f FC_(f-1) + b_f for a batch of n vectors: for each unit o, start from its bias and add row o of W times the input, value by value.',
  });
  nb.code('code-pass', {
    source: networkSource,
    file: 'chapters/07-inference-zone/network.ts',
    fn: 'inferencePass',
    caption: 'How this page takes Hᴹ, Vec(Hᴹ), each FC_f, the scores and the probabilities out of one forward pass of the model.',
  });
  nb.code('code-activation', {
    source: activationSource,
    file: 'src/nn/activation.ts',
    fn: 'forward',
    caption: 'g, applied value by value: the ReLU after W_FC₁ FC₀ + b₁ gives FC₁.',
  });

  // ---- the softmax ---------------------------------------------------------
  const softmaxSlot = { slot: 'controls-softmax' };
  const scoreControls = SCORE_DEFAULTS.map((value, i) =>
    nb.range(`s${i + 1}`, { ...softmaxSlot, label: `Score s${String.fromCharCode(0x2081 + i)} (${SHORT_NAMES[i]})`, min: SCORE_RANGE.min, max: SCORE_RANGE.max, step: SCORE_RANGE.step, value }),
  );
  const shift = nb.range('shift', { ...softmaxSlot, label: 'Constant c added to every score', min: -1000, max: 1000, step: 10, value: 0, description: 'From −1000 to 1000: the probabilities should not move.' });
  const useScores = nb.button('network-scores', {
    slot: 'scores-button',
    label: 'Use this model’s scores',
    description: 'Copies the scores of the network above into the sliders (rounded to 0.1, kept within ±10) and sets c to 0.',
  });
  useScores.subscribe(() => {
    if (!latestPass) return;
    toSliderScores(latestPass.scores.data, SCORE_RANGE.min, SCORE_RANGE.max, SCORE_RANGE.step).forEach((v, i) => scoreControls[i]!.set(v));
    shift.set(0);
  });

  nb.cell('lab', ['s1', 's2', 's3', 's4', 'shift'], (s1: number, s2: number, s3: number, s4: number, shift: number) => softmaxLab([s1, s2, s3, s4], shift));
  nb.view('score-chart', {
    inputs: ['lab'],
    create: (el, bus) => {
      const chart = createScoreChart(el, { scores: [0, 0, 0, 0], domain: [-10, 10], probabilities: [0.25, 0.25, 0.25, 0.25], names: SHORT_NAMES, summary: '' }, {
        onDrag: (k, value) => {
          const v = Math.round((value - shift.get()) / SCORE_RANGE.step) * SCORE_RANGE.step;
          scoreControls[k]!.set(Number(Math.min(SCORE_RANGE.max, Math.max(SCORE_RANGE.min, v)).toFixed(1)));
        },
      });
      const unlink = outlineOnTerms(chart.node, bus, ['phat', 's']);
      return { node: chart.node, update: chart.update, dispose: () => (unlink(), chart.dispose()) };
    },
    update: (chart: ScoreChart, lab: SoftmaxLab) => {
      chart.update({
        scores: lab.rows.map((r) => r.score),
        domain: [SCORE_RANGE.min + lab.shift, SCORE_RANGE.max + lab.shift],
        probabilities: lab.rows.map((r) => r.probability),
        names: SHORT_NAMES,
        summary: describeLab(lab),
      });
    },
    figure: {
      title: 'Scores in, probabilities out.',
      caption: 'The scores s_k given to the softmax (drag a bar to change it), and the probabilities p̂(k) they give, which add up to 1.',
      kind: '2d',
      describe: describeLab,
    },
  });
  nb.display('softmax-table', ['lab'], softmaxTable);
  nb.equation('eq-8', EQ8);
  nb.equation('eq-8-stable', EQ8_STABLE);
  nb.code('code-softmax', {
    source: softmaxSource,
    file: 'src/nn/softmax.ts',
    fn: 'softmaxRow',
    caption: 'Eq. 8 for one row of scores: the largest score first, then e^(s_k − max), then each divided by their sum.',
  });

  // ---- the regression head -------------------------------------------------
  const regressionSlot = { slot: 'controls-regression' };
  nb.radio('target', {
    ...regressionSlot,
    label: 'Target',
    options: [
      { value: 'ntg', label: 'Net-to-gross' },
      { value: 'dip', label: 'Dip' },
    ],
    value: 'dip',
    description: 'The share of sandstone cells, or the steepest dip of the beds in degrees.',
  });
  nb.select('scaling', { ...regressionSlot, label: 'Scaling of the target', options: SCALINGS.map((s) => ({ value: s, label: SCALING_NAMES[s].replace(/^./, (c) => c.toUpperCase()) })), value: 'zscore' });
  nb.select('output', { ...regressionSlot, label: 'Output activation g', options: OUTPUT_KINDS.map((k) => ({ value: k, label: OUTPUT_NAMES[k] })), value: 'tanh' });

  nb.cell('targetBatch', ['d'], (d: Dims) => targetStream(d));
  nb.cell('targetView', ['targetBatch', 'target', 'scaling'], (batch: TargetBatch, target: string, scaling: Scaling) => scaledTargets(batch.targets, target === 'ntg' ? 0 : 1, scaling));
  nb.view('reach-histogram', {
    inputs: ['targetView', 'output', 'targetBatch'],
    create: (el, bus) => {
      const view = reachHistogram(el);
      const unlink = outlineOnTerms(view.node, bus, ['FCout', 'g']);
      return { node: view.node, update: view.update, dispose: () => (unlink(), view.dispose()) };
    },
    update: (view: ReachHistogram, targetView: TargetView, output: OutputKind) => view.update(targetView, output),
    figure: {
      title: 'The targets against what g can produce.',
      caption: 'Targets of synthetic models of the grid type chosen at the top, in 24 bins: blue, the head can produce them; orange, it cannot. The shaded band is the range of g.',
      kind: '2d',
      describe: (view: TargetView, output: OutputKind, batch: TargetBatch) => describeReach(view, output, batch),
    },
  });
  nb.display('reach-table', ['targetView', 'output'], reachTable);
  nb.display('head-shape', ['pass'], (pass: InferencePass) => {
    const nF = pass.dense[0]!.output.data.length;
    return `On this page's network, with the two targets below as outputs, P = 2 and n_FC(F) = ${nF}: the head's weight matrix would be 2 × ${nF}, with 2 biases.`;
  });
  nb.equation('eq-9', EQ9);
  nb.erratum('erratum-9', ERRATUM_EQ9);
});

/** The matrix-vector view's data for dense layer `index` of the pass, with row `row` selected. */
function denseData(pass: InferencePass, index: number, row: number): MatrixVectorData {
  const step = pass.dense[index]!;
  const f = step.f;
  const sub = (s: string) => `_{${s}}`;
  return {
    w: step.w,
    x: step.input.data,
    b: step.b.data,
    affine: step.affine.data,
    output: step.activation ? step.output.data : null,
    row,
    labels: {
      w: `W${sub(`FC${f}`)}`,
      x: `FC${sub(String(f - 1))}`,
      b: `b${sub(String(f))}`,
      affine: step.activation ? 'W x + b' : 's_{k}',
      output: `FC${sub(String(f))}`,
      products: `w${sub('ij')} x${sub('j')}`,
    },
    rowNames: step.activation ? undefined : STRUCTURE_KINDS.map((k, i) => `k = ${i + 1}, ${k}`),
    name: `Fully connected layer FC${f}`,
  };
}
