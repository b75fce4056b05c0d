/**
 * Chapter 10, Initialization (tutorial §2.3, last paragraph): weights drawn
 * from a normal with μ = 0 and σ = 0.1 truncated at 2σ (src/tensor/init.ts),
 * as a histogram of real draws against the density; biases at ones against
 * zeros; and a deep stack of dense layers (src/nn/dense.ts,
 * src/nn/activation.ts) showing, layer by layer, how a too small or too
 * large σ makes the activations and the gradients vanish or explode.
 */
import type { ActivationKind } from '../../src/nn/activation.ts';
import { startChapter } from '../../src/notebook/index.ts';
import type { BiasInit } from '../../src/tensor/init.ts';
import initSource from '../../src/tensor/init.ts?raw';
import { formatValue } from '../../src/viz/paint/format.ts';
import { linkTerm } from '../../src/viz/tex/term-link.ts';
import densitySource from './density.ts?raw';
import stackSource from './stack.ts?raw';
import { drawWeights } from './density.ts';
import { describeGrad, describeInactive, describeLayerHistograms, describeSpread, describeWeights, weightSummary } from './describe.ts';
import { layerHistogramsView } from './layer-histograms.ts';
import { DENSITY, ERRATUM_BIAS, INIT, SCALED } from './equations.ts';
import { layerTable, stackHeadlineView } from './layer-table.ts';
import { glorotSigma, heSigma, inputBatch, runStack, stackWeights, WIDTH } from './stack.ts';
import type { Tensor } from '../../src/tensor/tensor.ts';
import { gradView, inactiveView, spreadView } from './stack-views.ts';
import { TERMS } from './terms.ts';
import { weightsView } from './weights-view.ts';
import '../../assets/chapter.css';
import './initialization.css';

/** The log-σ slider's value nearest to σ. */
const toLog = (sigma: number): number => Math.round(Math.log10(sigma) * 100) / 100;

startChapter({ terms: TERMS }, (nb) => {
  const draw = { slot: 'controls-draw' };
  const sigma = nb.range('sigma', { ...draw, label: 'Standard deviation σ', min: 0.01, max: 0.5, step: 0.01, value: 0.1, description: 'The tutorial’s σ = 0.1.' });
  const cut = nb.range('cut', { ...draw, label: 'Cut-off, in σ', min: 0.5, max: 4, step: 0.1, value: 2, description: 'Draws beyond ±cut·σ are redrawn; the tutorial’s 2.' });
  nb.range('n', { ...draw, label: 'Weights drawn', min: 100, max: 20000, step: 100, value: 4000 });
  nb.range('seed', { ...draw, label: 'Seed', min: 1, max: 50, step: 1, value: 1, description: 'Seed of the random generator the weights are drawn with.' });
  linkTerm(sigma.element, 'sigma', nb.terms);
  linkTerm(cut.element, 'cut', nb.terms);

  nb.cell('sample', ['n', 'seed', 'sigma', 'cut'], (n: number, seed: number, s: number, c: number) => drawWeights(n, seed, s, c));
  nb.view('weights', {
    inputs: ['sample', 'sigma', 'cut'],
    create: weightsView,
    figure: {
      title: 'Drawn weights against the truncated normal.',
      caption: 'Bars: the drawn weights, scaled to a density (area 1). Curve: the truncated normal density. Vertical lines: the cut-offs at ±cut·σ.',
      kind: '2d',
      describe: describeWeights,
    },
  });
  nb.display('weights-summary', ['sample', 'sigma', 'cut'], weightSummary);

  const stack = { slot: 'controls-stack' };
  const logSigma = nb.range('logsigma', { ...stack, label: 'log₁₀ σ of the stack', min: -3, max: 0.3, step: 0.01, value: -1, description: 'From σ = 0.001 to σ = 2; −1 is the tutorial’s 0.1.' });
  linkTerm(logSigma.element, 'sigma', nb.terms);
  nb.radio('g', {
    ...stack,
    label: 'Activation, g',
    options: [
      { value: 'sigmoid', label: 'Sigmoid' },
      { value: 'tanh', label: 'TanH' },
      { value: 'relu', label: 'ReLU' },
    ],
    value: 'relu',
  });
  nb.range('depth', { ...stack, label: 'Layers, L', min: 2, max: 10, step: 1, value: 8 });
  const bias = nb.radio('bias', {
    ...stack,
    label: 'Biases start at',
    options: [
      { value: 'ones', label: 'ones (tutorial)' },
      { value: 'zeros', label: 'zeros (frameworks)' },
    ],
    value: 'ones',
  });
  linkTerm(bias.element, 'b', nb.terms);
  nb.range('draw', { ...stack, label: 'Weight draw', min: 1, max: 20, step: 1, value: 3, description: 'Seed of the weights and of the batch of inputs.' });
  const presets = { slot: 'presets' };
  nb.button('preset-paper', { ...presets, label: 'Tutorial: σ = 0.1' }).subscribe(() => logSigma.set(-1));
  nb.button('preset-glorot', { ...presets, label: `Glorot: σ = ${formatValue(glorotSigma(WIDTH, WIDTH))}` }).subscribe(() => logSigma.set(toLog(glorotSigma(WIDTH, WIDTH))));
  nb.button('preset-he', { ...presets, label: `He: σ = ${formatValue(heSigma(WIDTH))}` }).subscribe(() => logSigma.set(toLog(heSigma(WIDTH))));
  nb.resetButton('controls-stack-reset');

  nb.display('sigma-readout', ['logsigma'], (l: number) => `σ = ${formatValue(10 ** l)} for every layer of the stack.`);
  const settings = (l: number, g: ActivationKind, depth: number, b: BiasInit, seed: number) => ({ sigma: 10 ** l, kind: g, depth, bias: b, seed });
  // One batch and one draw of the weights for both stacks: they differ only in their biases.
  nb.cell('batch', ['draw'], (seed: number) => inputBatch(seed));
  nb.cell('stackW', ['logsigma', 'depth', 'draw'], (l: number, depth: number, seed: number) => stackWeights({ sigma: 10 ** l, depth, seed }));
  nb.cell('result', ['logsigma', 'g', 'depth', 'bias', 'draw', 'batch', 'stackW'], (l, g, depth, b, seed, x: Tensor, w: Tensor[]) => runStack(settings(l, g, depth, b, seed), {}, x, w));
  nb.cell('other', ['logsigma', 'g', 'depth', 'bias', 'draw', 'batch', 'stackW'], (l, g, depth, b: BiasInit, seed, x: Tensor, w: Tensor[]) =>
    runStack(settings(l, g, depth, b === 'ones' ? 'zeros' : 'ones', seed), { backward: false }, x, w),
  );

  nb.view('stack-headline', { inputs: ['result'], create: stackHeadlineView });
  nb.view('spread', {
    inputs: ['result', 'other'],
    create: spreadView,
    figure: {
      title: 'Spread of the activations, layer by layer.',
      caption: 'Standard deviation of Hᵐ over the 32 inputs and 64 units of each layer, log scale. Solid: the chosen biases; dashed: the other choice. A line that stops: every unit equal (spread 0).',
      kind: '2d',
      describe: describeSpread,
    },
  });
  nb.view('inactive', {
    inputs: ['result', 'other'],
    create: inactiveView,
    figure: {
      title: 'Dead or saturated units, layer by layer.',
      caption: 'Share of units whose slope g′ is below 5% of its peak: dead ReLU units, saturated Sigmoid and TanH units. Solid: the chosen biases; dashed: the other choice.',
      kind: '2d',
      describe: describeInactive,
    },
  });
  nb.view('grad', {
    inputs: ['result'],
    create: gradView,
    figure: {
      title: 'Size of the weight gradients, layer by layer.',
      caption: 'Root mean square of ∂L/∂Wᵐ for L the mean over the batch of the sum of the last layer’s units, log scale. Backpropagation runs from the last layer to the first.',
      kind: '2d',
      describe: describeGrad,
    },
  });
  nb.view('layer-table', { inputs: ['result'], create: layerTable });
  nb.view('layer-histograms', {
    inputs: ['result'],
    create: layerHistogramsView,
    figure: {
      title: 'The activations of every layer.',
      caption: 'One histogram of Hᵐ per layer: the 32 inputs × 64 units of the batch, in 24 bins. Sigmoid and TanH layers share their function’s range as the x-axis; each ReLU layer runs from 0 to its largest value, so read its axis. Point at a bar, or focus a histogram and use ← →, to read its bin.',
      kind: '2d',
      describe: describeLayerHistograms,
    },
  });

  nb.equation('eq-init', INIT);
  nb.erratum('erratum-bias', ERRATUM_BIAS);
  nb.equation('eq-density', DENSITY);
  nb.equation('eq-scaled', SCALED);
  nb.code('code-draw', {
    source: initSource,
    file: 'src/tensor/init.ts',
    fn: 'truncatedNormal',
    caption: 'One weight: a standard normal draw, redrawn until it falls inside the cut, then scaled by σ and moved to μ.',
  });
  nb.code('code-tensor', {
    source: initSource,
    file: 'src/tensor/init.ts',
    fn: 'truncatedNormalTensor',
    caption: 'A whole weight tensor, one draw per entry from the seeded generator.',
  });
  nb.code('code-bias', {
    source: initSource,
    file: 'src/tensor/init.ts',
    fn: 'biasTensor',
    caption: 'The biases: ones, as in the tutorial, or zeros.',
  });
  nb.code('code-density', {
    source: densitySource,
    file: 'chapters/10-initialization/density.ts',
    fn: 'truncatedDensity',
    caption: 'The curve over the histogram: the normal density divided by the mass inside the cut.',
  });
  nb.code('code-stack', {
    source: stackSource,
    file: 'chapters/10-initialization/stack.ts',
    fn: 'runStack',
    caption: 'The stack: the model code’s dense layer and activation, layer after layer, then backward.',
  });
});
