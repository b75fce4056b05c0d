/**
 * Chapter 4, Activation functions (tutorial §2.1, eq. 3 and 4, Figure 6):
 * Sigmoid, TanH and ReLU with their slopes and active zones; a convolution of
 * a geological model (src/nn/conv.ts) passed through the chosen g
 * (src/nn/activation.ts) in 3D; sliders that scale and shift the
 * pre-activations, with the units that saturate or die counted live; and why
 * that matters for the gradients of training.
 */
import { STRUCTURE_KINDS, CLASS_NAMES, type Dims, type StructureKind } from '../../src/data/index.ts';
import type { ActivationKind } from '../../src/nn/activation.ts';
import activationSource from '../../src/nn/activation.ts?raw';
import { chapterDir, findChapter } from '../../src/notebook/chapters.ts';
import { startChapter } from '../../src/notebook/index.ts';
import { linkTerm } from '../../src/viz/tex/term-link.ts';
import censusSource from './census.ts?raw';
import layerSource from './layer.ts?raw';
import { census, censusAll } from './census.ts';
import { censusHeadline, censusTable } from './census-panel.ts';
import { describeFunctions, describeHistogram, describeInput, describeStage } from './describe.ts';
import { CHAIN, EQ3, EQ4, ERRATUM_RELU, SLOPES } from './equations.ts';
import { functionPanels } from './function-panels.ts';
import { zHistogram } from './histogram.ts';
import { baseFilters, blockGeometry, convolutionBlock, geologicalInput, type Block } from './layer.ts';
import { inputView, stageView } from './layer-views.ts';
import { createProbe } from './probe.ts';
import { probeReadout } from './probe-readout.ts';
import { TERMS } from './terms.ts';
import { zoneHistogram } from './zone-histogram.ts';
import '../../assets/chapter.css';
import './activation.css';

startChapter({ terms: TERMS }, (nb) => {
  const first = { slot: 'controls-g' };
  nb.radio('g', {
    ...first,
    label: 'Activation, g',
    options: [
      { value: 'sigmoid', label: 'Sigmoid' },
      { value: 'tanh', label: 'TanH' },
      { value: 'relu', label: 'ReLU' },
    ],
    value: 'relu',
  });
  const scale = nb.range('scale', { ...first, label: 'Scale of the weights, a', min: 0.1, max: 6, step: 0.1, value: 1, description: 'Wᵐ = a·W₀: every z is stretched by a.' });
  const shift = nb.range('shift', { ...first, label: 'Shift c, the bias bᵐ', min: -6, max: 6, step: 0.1, value: 0, description: 'bᵐ = c: adds c to every z.' });
  // The sliders are the terms they change: pointing at one shows it in the equations and code.
  linkTerm(scale.element, 'W', nb.terms);
  linkTerm(shift.element, 'b', nb.terms);
  nb.toggle('fade', { ...first, label: 'Fade the units outside the active zone after g', value: true });
  const second = { slot: 'controls-input' };
  nb.radio('dims', {
    ...second,
    label: 'Input grid',
    options: [
      { value: '1', label: '1D' },
      { value: '2', label: '2D' },
      { value: '3', label: '3D' },
    ],
    value: '3',
    description: 'The well (48 cells), the cross-section (24 × 24) or the block (12 × 12 × 12).',
  });
  nb.select('geology', {
    ...second,
    label: 'Geology',
    options: STRUCTURE_KINDS.map((kind) => ({ value: kind, label: CLASS_NAMES[kind][0]!.toUpperCase() + CLASS_NAMES[kind].slice(1) })),
    value: 'folded',
  });
  nb.range('seed', { ...second, label: 'Filter draw', min: 1, max: 20, step: 1, value: 4, description: 'Seed of the random filters W₀.' });
  nb.resetButton('controls-reset');

  nb.cell('input', ['dims', 'geology'], (dims: string, geology: StructureKind) => geologicalInput(Number(dims) as Dims, geology));
  nb.cell('w0', ['input', 'seed'], (input, seed: number) => baseFilters(input, seed));
  nb.cell('geometry', ['input', 'w0'], blockGeometry);
  nb.cell('block', ['input', 'w0', 'g', 'scale', 'shift'], (input, w0, g: ActivationKind, a: number, c: number): Block =>
    convolutionBlock(input, w0, { kind: g, scale: a, shift: c }),
  );
  nb.cell('censuses', ['block'], (block: Block) => censusAll(block.z.data));
  nb.cell('chosen', ['block', 'g'], (block: Block, g: ActivationKind) => census(g, block.z.data));
  nb.cell('hist', ['block', 'g'], (block: Block, g: ActivationKind) => zHistogram(g, block.z.data));

  nb.view('functions', {
    inputs: ['g'],
    create: functionPanels,
    figure: {
      title: 'Figure 6, live: the three activation functions and their slopes.',
      caption: 'Solid: g(x); dashed: its derivative g′(x). Grey band: the active zone, where g′(x) is above 5% of its peak. Same axes in every panel; ReLU runs off the top above 1.6.',
      kind: '2d',
      describe: describeFunctions,
    },
  });

  const probe = createProbe();
  nb.view('view-input', {
    inputs: ['input', 'geometry', 'dims', 'geology'],
    create: (el, bus) => inputView(el, bus, probe),
    figure: {
      title: 'Input Hᵐ⁻¹.',
      caption: 'Facies code / 3 (cividis, 0 to 1). The box marks the cells the filters read for the unit you point at.',
      kind: '3d',
      describe: (input, _geometry, dims: string, geology: StructureKind) => describeInput(input, Number(dims) as Dims, geology),
    },
  });
  nb.view('view-before', {
    inputs: ['block', 'g', 'fade', 'chosen'],
    create: (el, bus) => stageView('before', el, bus, probe),
    figure: {
      title: 'Before g: z = Wᵐ Hᵐ⁻¹ + bᵐ.',
      caption: 'Two feature maps, one per filter. Blue negative, orange positive, white 0; colours saturate beyond ±4.',
      kind: '3d',
      describe: (block: Block, _g, _fade, chosen) => describeStage('before', block.z, chosen, false),
    },
  });
  nb.view('view-after', {
    inputs: ['block', 'g', 'fade', 'chosen'],
    create: (el, bus) => stageView('after', el, bus, probe),
    figure: {
      title: 'After g: Hᵐ = g(z).',
      caption: 'Sigmoid 0 to 1 and ReLU 0 to 3 (and above) in viridis; TanH −1 to 1 in blue-white-orange.',
      kind: '3d',
      describe: (block: Block, _g, fade: boolean, chosen) => describeStage('after', block.h, chosen, fade),
    },
  });
  nb.view('probe', { inputs: ['block', 'g'], create: (el) => probeReadout(el, probe) });
  nb.view('census-headline', { inputs: ['chosen'], create: censusHeadline });
  nb.view('census-table', { inputs: ['censuses', 'g'], create: censusTable });
  nb.view('histogram', {
    inputs: ['hist', 'g', 'chosen'],
    create: zoneHistogram,
    figure: {
      title: 'Pre-activations and the active zone.',
      caption: 'Units per bin of 0.25 in z. Blue: inside the active zone of g; vermillion: saturated (Sigmoid, TanH) or dead (ReLU). The range stays fixed while you drag, so the bars move and the zone does not.',
      kind: '2d',
      describe: (hist, _g, chosen) => describeHistogram(hist, chosen),
    },
  });


  nb.equation('eq-3', EQ3);
  nb.equation('eq-4', EQ4);
  nb.equation('eq-slopes', SLOPES);
  nb.erratum('erratum-relu', ERRATUM_RELU);
  nb.equation('eq-chain', CHAIN);
  nb.code('code-block', {
    source: layerSource,
    file: 'chapters/04-activation/layer.ts',
    fn: 'convolutionBlock',
    caption: 'The block the 3D views show: the real convolution and activation of the model code. Point at a marked line to find its term.',
  });
  nb.code('code-backward', {
    source: activationSource,
    file: 'src/nn/activation.ts',
    fn: 'backward',
    caption: "The marked line multiplies each unit's gradient by its slope g′(z), written from the output y = g(z).",
  });
  nb.code('code-forward', {
    source: activationSource,
    file: 'src/nn/activation.ts',
    fn: 'forward',
    caption: 'g applied to every value of the pre-activations, eq. 3.',
  });
  nb.code('code-forward', { source: activationSource, file: 'src/nn/activation.ts', fn: 'apply', exported: false, caption: 'g itself for one value, eq. 4: sigmoid (written just above it in the file so that large negative z do not overflow), tanh and ReLU.' });
  nb.code('code-census', {
    source: censusSource,
    file: 'chapters/04-activation/census.ts',
    fn: 'census',
    caption: 'The counts in the table: the slope of every unit, from the same derivative the backward pass uses.',
  });

  const bn = findChapter('batch-normalization');
  nb.display('link-bn', [], () => {
    if (!bn) return 'Batch normalization';
    const link = document.createElement('a');
    link.href = `../${chapterDir(bn)}/index.html`;
    link.textContent = `Batch normalization (chapter ${bn.number})`;
    return link;
  });
});
