/**
 * Chapter 2, Convolution (tutorial §2.1, eq. 1 and 3, Figures 2 and 3): a
 * filter bank sliding over a 1D, 2D or 3D geological input, the sum at each
 * position written out and checked against src/nn/conv.ts, the equations
 * beside the reference kernel, and the tutorial's Figure 3 reproduced.
 */
import { startChapter } from '../../src/notebook/index.ts';
import { createPlayer, fitRange } from '../../src/notebook/controls/index.ts';
import referenceKernelSource from '../../src/nn/kernels/conv-reference.ts?raw';
import { filterBankView } from './bank-view.ts';
import { explain, type Breakdown } from './breakdown.ts';
import { breakdownView } from './breakdown-view.ts';
import { describeBank, describeInput, describeOutput } from './describe.ts';
import { layerDomains } from './domains.ts';
import { EQ1, EQ1_CELL, EQ3, ERRATUM_FIGURE3 } from './equations.ts';
import { figure3, type Figure3, type Figure3Values } from './figure3.ts';
import { biasVector, filterWeights, MAX_FILTERS, type FilterKind } from './filters.ts';
import { figure3Check } from './figure3-check.ts';
import { inputTensor, logNames, MAX_DEPTH, PATTERN_LABELS, PATTERNS, type Dims, type PatternName } from './inputs.ts';
import { convLayer, placement, type ConvLayer, type Placement } from './layer.ts';
import { formatNumber } from './format.ts';
import { inputLayerView, outputLayerView } from './layer-views.ts';
import { shapeLine } from './shape-line.ts';
import { stepView } from './step-view.ts';
import { runningSumView } from './running-sum-view.ts';
import { createTapFocus } from './tap-focus.ts';
import { TERMS } from './terms.ts';
import '../../assets/chapter.css';
import './convolution.css';

/** The largest number of window positions any setting gives (16³ cells, a 1-cell filter). */
const MAX_POSITIONS = 16 ** 3;
const LOG_DOMAIN: readonly [number, number] = [0, 1];

startChapter({ terms: TERMS }, (nb) => {
  // ---- the explorer's controls ----------------------------------------------
  const input = { slot: 'controls-input' };
  nb.radio('dims', {
    ...input,
    label: 'Input grid',
    options: [
      { value: '1', label: '1D' },
      { value: '2', label: '2D' },
      { value: '3', label: '3D' },
    ],
    value: '2',
    description: 'A drill hole (1D), a vertical section (2D) or a block model (3D).',
  });
  nb.range('size', { ...input, label: 'Cells per axis', min: 3, max: 16, step: 1, value: 9, unit: 'cells' });
  nb.range('depth', { ...input, label: 'Logs per cell, in_d', min: 1, max: MAX_DEPTH, step: 1, value: 1, description: 'Gamma ray, then density, porosity, resistivity: one input feature map each.' });
  nb.select('pattern', {
    ...input,
    label: 'Geology',
    options: PATTERNS.map((value) => ({ value, label: PATTERN_LABELS[value] })),
    value: 'faulted',
  });
  nb.range('seed', { ...input, label: 'Seed', min: 1, max: 20, step: 1, value: 1, description: 'Draws the synthetic models and the random filters.' });

  const filters = { slot: 'controls-filters' };
  nb.range('fsize', { ...filters, label: 'Filter size, w_x', min: 1, max: 5, step: 1, value: 3, unit: 'cells', description: 'The same along every axis the input has.' });
  nb.range('filters', { ...filters, label: 'Filters, w_c', min: 1, max: MAX_FILTERS, step: 1, value: 2, description: 'One output feature map each: h_d = w_c.' });
  nb.radio('kind', {
    ...filters,
    label: 'Filters',
    options: [
      { value: 'detectors', label: 'Geological' },
      { value: 'random', label: 'Random' },
    ],
    value: 'detectors',
    description: 'Gradients and an average first, or all drawn at random.',
  });
  nb.range('bias', { ...filters, label: 'Bias, b¹ (every filter)', min: -1, max: 1, step: 0.1, value: 0 });

  const where = { slot: 'controls-position' };
  const positionControl = nb.range('position', { ...where, label: 'Window position', min: 1, max: MAX_POSITIONS, step: 1, value: 1 });
  const filterControl = nb.range('filter', { ...where, label: 'Filter explained', min: 1, max: MAX_FILTERS, step: 1, value: 1, description: 'Which feature map the sum below is for.' });
  nb.resetButton('controls-reset');

  const focus = createTapFocus();
  // With motion allowed the window moves by itself while the explorer is in view, unless the link named a position.
  const player = createPlayer(positionControl, {
    label: 'Move the window',
    noun: 'position',
    first: 1,
    end: 'loop',
    pace: { stepMs: 700 },
    autoplay: new URLSearchParams(location.search).has('position') ? undefined : { watch: nb.slot('explorer'), threshold: 0.35 },
  });
  const pick = (position: number, filter: number): void => {
    positionControl.set(position);
    filterControl.set(filter);
  };

  // ---- the explorer's cells ----------------------------------------------------
  nb.cell('dimsValue', ['dims'], (dims: string): Dims => Number(dims) as Dims);
  nb.cell('x', ['dimsValue', 'size', 'depth', 'pattern', 'seed'], (dims: Dims, size: number, depth: number, pattern: PatternName, seed: number) =>
    inputTensor({ dims, size, depth, pattern, seed }),
  );
  nb.cell('bank', ['dimsValue', 'fsize', 'depth', 'filters', 'kind', 'seed'], (dims: Dims, size: number, depth: number, count: number, kind: FilterKind, seed: number) =>
    filterWeights({ dims, size, depth, count, kind, seed }),
  );
  nb.cell('b', ['filters', 'bias'], biasVector);
  nb.cell('layer', ['x', 'bank', 'b'], (x, bank, b) => convLayer(x, bank.w, b));
  nb.cell('domains', ['layer'], (layer: ConvLayer) => layerDomains(layer, LOG_DOMAIN));
  nb.cell('place', ['layer', 'position', 'filter'], placement);
  nb.cell('breakdown', ['layer', 'place'], (layer: ConvLayer, place: Placement) => explain(layer, place.output, place.filter));

  nb.display('player', ['layer', 'place'], (layer: ConvLayer, place: Placement) => {
    player.sync(place.count);
    fitRange(filterControl, layer.geometry.filters);
    return player.node;
  });

  const line = shapeLine(nb.terms);
  nb.display('shape-line', ['layer'], (layer: ConvLayer) => line.render(layer, 1));

  nb.view('input-view', {
    inputs: ['layer', 'place', 'domains', 'dimsValue', 'depth'],
    create: (el, bus) => inputLayerView(el, bus, focus),
    update: (view, layer, place, domains) => view.update({ layer, place, domains, name: 'Input H⁰' }),
    figure: {
      title: 'The input H⁰ = X and the window.',
      caption: 'Cells along x (east; down the hole from the collar in 1D), y (up a section, north in a block) and z (up in a block). One grid per log, side by side; colour: log value from 0 to 1 (viridis). The outline is the window, the cells under the filter.',
      kind: '3d',
      describe: (layer: ConvLayer, place: Placement, _d, dims: Dims, depth: number) => describeInput(layer, place, dims, 1, logNames(depth)),
    },
  });
  nb.view('output-view', {
    inputs: ['layer', 'place', 'domains', 'dimsValue'],
    create: (el, bus) => outputLayerView(el, bus, pick),
    update: (view, layer, place, domains) => view.update({ layer, place, domains, name: 'Output H¹' }),
    figure: {
      title: 'The hidden layer H¹ it makes.',
      caption: 'One feature map per filter, side by side, on the same axes. Colour: value, blue negative, orange positive. The outlined cell is what the window makes, one value per map. Select a cell to move the window there.',
      kind: '3d',
      describe: (layer: ConvLayer, place: Placement, _d, dims: Dims) => describeOutput(layer, place, dims, 1),
    },
  });
  nb.view('bank-view', {
    inputs: ['layer', 'place', 'domains', 'bank'],
    create: (el, bus) => filterBankView(el, bus, focus, (c) => filterControl.set(c)),
    update: (view, layer, place, domains, bank) => view.update({ layer, place, domains, names: bank.names, m: 1 }),
    figure: {
      title: 'The filter bank W¹.',
      caption: 'Each filter shows its w_d slices side by side, one per input log, in the order of the input’s blocks. Colour: weight, blue negative, orange positive. The outlined filter is the one explained below; choose another with its button.',
      kind: '3d',
      describe: (layer: ConvLayer, place: Placement, _d, bank) => describeBank(layer, place, 1, bank.names),
    },
  });
  nb.view('breakdown-view', {
    slot: 'breakdown',
    inputs: ['layer', 'place', 'breakdown', 'domains', 'dimsValue', 'depth', 'bank'],
    create: (el, bus) => breakdownView(el, bus, focus),
    update: (view, layer, place, breakdown, domains, dims, depth, bank) =>
      view.update({ layer, place, breakdown, domains, dims, m: 1, mapNames: logNames(depth), filterName: bank.names[place.filter] }),
  });

  nb.view('running-sum-view', {
    slot: 'running-sum',
    inputs: ['breakdown'],
    create: (el) => runningSumView(el),
    update: (view, breakdown) => view.update(breakdown, 1),
    figure: {
      title: 'The kernel’s running sum.',
      caption: 'x: products added so far, in the order of the kernel’s loops (taps i, j, k, then maps d); 0 is the bias alone. y: the value of sum in convForwardReference. The curve ends on the dashed line, the value conv.ts computed for this cell.',
      kind: '2d',
      describe: (bd: Breakdown) =>
        `The sum starts at the bias ${formatNumber(bd.bias)}, ranges from ${formatNumber(Math.min(...bd.running))} to ${formatNumber(Math.max(...bd.running))} over ${bd.terms.length} products, and ends at ${formatNumber(bd.value, 6)}.`,
    },
  });

  // ---- equations and code ------------------------------------------------------
  nb.equation('eq-1', EQ1);
  nb.equation('eq-3', EQ3);
  nb.equation('eq-cell', EQ1_CELL);
  nb.code('code-kernel', {
    source: referenceKernelSource,
    file: 'src/nn/kernels/conv-reference.ts',
    fn: 'convForwardReference',
    caption: 'The readable kernel: one output value per cell and filter, bias first, then a weight times an input value for every tap and depth. Point at a marked line to find its term.',
  });

  // ---- Figure 3 ----------------------------------------------------------------
  nb.erratum('erratum-figure3', ERRATUM_FIGURE3);
  const fig3 = { slot: 'controls-figure3' };
  nb.radio('fig3', {
    ...fig3,
    label: 'Numbers',
    options: [
      { value: 'readable', label: 'Whole numbers' },
      { value: 'conformance', label: 'Conformance case' },
    ],
    value: 'readable',
    description: 'Conformance: the first step is the shared test case conv/figure3-first.',
  });
  const fig3Position = nb.range('fig3-position', { ...fig3, label: 'Step 1: window position', min: 1, max: 9, step: 1, value: 1 });
  const fig3Filter1 = nb.range('fig3-filter1', { ...fig3, label: 'Step 1: filter explained', min: 1, max: 3, step: 1, value: 1 });
  const fig3Filter2 = nb.range('fig3-filter2', { ...fig3, label: 'Step 2: filter explained', min: 1, max: 2, step: 1, value: 1 });

  const focus1 = createTapFocus();
  const focus2 = createTapFocus();
  nb.cell('figure3', ['fig3'], (values: Figure3Values) => figure3(values));
  nb.cell('fig3Place1', ['figure3', 'fig3-position', 'fig3-filter1'], (f: Figure3, p: number, c: number) => placement(f.first, p, c));
  nb.cell('fig3Place2', ['figure3', 'fig3-filter2'], (f: Figure3, c: number) => placement(f.second, 1, c));
  nb.cell('fig3Domains', ['figure3'], (f: Figure3) => ({ first: layerDomains(f.first), second: { ...layerDomains(f.second), input: layerDomains(f.first).output } }));
  nb.display('fig3-check', ['figure3'], figure3Check);

  nb.view('fig3-step1', {
    inputs: ['figure3', 'fig3Place1', 'fig3Domains'],
    create: (el, bus) =>
      stepView(el, bus, focus1, {
        onChoose: (c) => fig3Filter1.set(c),
        onPick: (p, c) => {
          fig3Position.set(p);
          fig3Filter1.set(c);
        },
      }),
    update: (view, f: Figure3, place: Placement, domains) => view.update({ layer: f.first, place, domains: domains.first, m: 1, inputColormap: 'viridis' }),
    figure: {
      title: 'Step 1: three filters over the image.',
      caption: 'X is 5 × 5 with one map; each filter is 3 × 3 × 1 × 1; H¹ is 3 × 3 with three maps. Select a cell of H¹ to move the window.',
      kind: '3d',
      describe: (f: Figure3, place: Placement) => `${describeInput(f.first, place, 2, 1)} ${describeOutput(f.first, place, 2, 1)}`,
    },
  });
  nb.view('fig3-breakdown1', {
    inputs: ['figure3', 'fig3Place1', 'fig3Domains'],
    create: (el, bus) => breakdownView(el, bus, focus1, 'Figure 3, step 1: products of the window and the filter'),
    update: (view, f: Figure3, place: Placement, domains) =>
      view.update({ layer: f.first, place, breakdown: explain(f.first, place.output, place.filter), domains: domains.first, dims: 2, m: 1 }),
  });
  nb.view('fig3-step2', {
    inputs: ['figure3', 'fig3Place2', 'fig3Domains'],
    create: (el, bus) =>
      stepView(el, bus, focus2, {
        onChoose: (c) => fig3Filter2.set(c),
        onPick: (_p, c) => fig3Filter2.set(c),
      }),
    update: (view, f: Figure3, place: Placement, domains) => view.update({ layer: f.second, place, domains: domains.second, m: 2, inputColormap: 'diverging' }),
    figure: {
      title: 'Step 2: two filters over H¹.',
      caption: 'Each filter is 3 × 3 × 1 × 3, as deep as H¹; the window fits once, so H² is one cell with two maps.',
      kind: '3d',
      describe: (f: Figure3, place: Placement) => `${describeBank(f.second, place, 2)} ${describeOutput(f.second, place, 2, 2)}`,
    },
  });
  nb.view('fig3-breakdown2', {
    inputs: ['figure3', 'fig3Place2', 'fig3Domains'],
    create: (el, bus) => breakdownView(el, bus, focus2, 'Figure 3, step 2: products of the window and the filter, map by map'),
    update: (view, f: Figure3, place: Placement, domains) =>
      view.update({
        layer: f.second,
        place,
        breakdown: explain(f.second, place.output, place.filter),
        domains: domains.second,
        dims: 2,
        m: 2,
        inputColormap: 'diverging',
      }),
  });
});
