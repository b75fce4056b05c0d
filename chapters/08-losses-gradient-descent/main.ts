/**
 * Chapter 8, Loss functions and gradient descent (tutorial §2.3, eqs. 10
 * and 11): cross-entropy of class scores the reader sets against a true
 * geological class, term by term with its gradient, and MSE of two
 * predicted properties against the targets of a synthetic section (all
 * numbers from src/nn/loss.ts and src/nn/softmax.ts); then full-batch,
 * stochastic and mini-batch gradient descent on the same small CNN, side by
 * side in the training worker, with the learning rate and batch size as
 * controls.
 */
import lossSource from '../../src/nn/loss.ts?raw';
import softmaxSource from '../../src/nn/softmax.ts?raw';
import sgdSource from '../../src/optim/sgd.ts?raw';
import trainSource from '../../src/model/train.ts?raw';
import { startChapter } from '../../src/notebook/index.ts';
import { outlineOnTerms } from '../../src/notebook/term-outline.ts';
import { linkTerm } from '../../src/viz/tex/term-link.ts';
import { formatValue } from '../../src/viz/paint/format.ts';
import schedulesSource from './schedules.ts?raw';
import { EQ10, EQ11, ERRATUM_CE, GRADIENTS, NOTE_MSE } from './equations.ts';
import { CLASSES, CLASS_LABELS, SECTION_COUNT, classification, regression, type Classification, type Regression } from './lab.ts';
import { ceTable, mseTable } from './loss-tables.ts';
import { describeRace, scheduleRace } from './schedule-race.ts';
import { scheduleJob, type Axis, type Task } from './schedules.ts';
import { TERMS } from './terms.ts';
import '../../assets/chapter.css';
import './losses.css';

const DEFAULT_SCORES = [1.2, 2, 0.4, -0.6];

/** 10^exponent with the digits the read-out shows. */
const fromLog = (exponent: number): number => Number((10 ** exponent).toPrecision(3));

startChapter({ terms: TERMS }, (nb) => {
  // ---- eq. 10, classification ---------------------------------------------
  const ce = { slot: 'controls-ce' };
  nb.select('truth', {
    ...ce,
    label: 'True class of the section, p',
    options: CLASSES.map((kind, i) => ({ value: kind, label: CLASS_LABELS[i]![0]!.toUpperCase() + CLASS_LABELS[i]!.slice(1) })),
    value: 'folded',
  });
  CLASSES.forEach((kind, i) => {
    const control = nb.range(`s-${kind}`, { ...ce, label: `Score s for ${CLASS_LABELS[i]}`, min: -10, max: 10, step: 0.1, value: DEFAULT_SCORES[i]! });
    linkTerm(control.element, 'phat', nb.terms);
  });
  nb.cell('scores', CLASSES.map((k) => `s-${k}`), (...s: number[]) => s);
  nb.cell('ce', ['scores', 'truth'], classification);

  // ---- eq. 10, regression --------------------------------------------------
  const mse = { slot: 'controls-mse' };
  nb.range('section', { ...mse, label: 'Section whose targets y are used', min: 1, max: SECTION_COUNT, step: 1, value: 1 });
  const ntg = nb.range('ntg', { ...mse, label: 'Predicted net-to-gross ŷ₁ (fraction)', min: 0, max: 1, step: 0.01, value: 0.5 });
  const dip = nb.range('dip', { ...mse, label: 'Predicted dip ŷ₂ (degrees)', min: 0, max: 65, step: 0.5, value: 20 });
  linkTerm(ntg.element, 'yhat', nb.terms);
  linkTerm(dip.element, 'yhat', nb.terms);
  nb.cell('mse', ['ntg', 'dip', 'section'], (a: number, b: number, s: number) => regression([a, b], s));

  nb.view('ce-table', {
    inputs: ['ce'],
    create: (el, bus) => {
      const view = ceTable(el, bus);
      const unlink = outlineOnTerms(el, bus, ['p', 'phat', 'L', 'dL']);
      return { ...view, dispose: () => (unlink(), view.dispose()) };
    },
    figure: {
      title: 'Eq. 10, cross-entropy, live.',
      caption: 'Bars: p̂(k), from 0 to 1. The true class is outlined; the other rows add 0 to the sum because their p(k) is 0.',
      kind: '2d',
      describe: (c: Classification) =>
        `A table of the ${c.rows.length} classes with their scores, softmax probabilities (${c.rows.map((r) => `${r.label} ${formatValue(r.phat, { digits: 3 })}`).join(', ')}), targets, terms and gradients; cross-entropy ${formatValue(c.ce, { digits: 4 })}.`,
    },
  });
  nb.view('mse-table', {
    inputs: ['mse'],
    create: (el, bus) => {
      const view = mseTable(el, bus);
      const unlink = outlineOnTerms(el, bus, ['yhat', 'y', 'L', 'dL']);
      return { ...view, dispose: () => (unlink(), view.dispose()) };
    },
    figure: {
      title: 'Eq. 10, mean squared error, live.',
      caption: 'Targets: net-to-gross and steepest dip of the bedding in the chosen synthetic section (16 × 16 cells).',
      kind: '2d',
      describe: (r: Regression) =>
        `A table of the two outputs of section ${r.section} (${r.kind}): ${r.rows.map((o) => `${o.name} predicted ${formatValue(o.yhat)} against ${formatValue(o.y)} ${o.unit}, squared error ${formatValue(o.squared)}`).join('; ')}; MSE ${formatValue(r.mse, { digits: 4 })}.`,
    },
  });

  // ---- eq. 11, three schedules ----------------------------------------------
  const race = { slot: 'controls-race' };
  nb.radio('task', {
    ...race,
    label: 'Problem',
    options: [
      { value: 'classes', label: 'Structure class (cross-entropy)' },
      { value: 'properties', label: 'Net-to-gross and dip (MSE)' },
    ],
    value: 'classes',
  });
  const lr = nb.range('lr', { ...race, label: 'Learning rate α (log₁₀)', min: -3, max: 1, step: 0.1, value: -1, description: 'One arrow press multiplies α by 1.26; the read-out shows α itself.' });
  linkTerm(lr.element, 'alpha', nb.terms);
  const showAlpha = (exponent: number): void => {
    const out = lr.element.querySelector('output');
    const text = `α = ${formatValue(fromLog(exponent))}`;
    if (out) out.textContent = text;
    lr.element.querySelector('input[type=range]')?.setAttribute('aria-valuetext', text);
  };
  showAlpha(lr.get());
  lr.subscribe(showAlpha);
  nb.range('batch', { ...race, label: 'Mini-batch size m', min: 1, max: 48, step: 1, value: 8, description: '48 sections to train on: m = 1 is stochastic, m = 48 full-batch.' });
  nb.radio('axis', {
    ...race,
    label: 'Horizontal axis',
    options: [
      { value: 'epoch', label: 'Epochs' },
      { value: 'update', label: 'Updates' },
    ],
    value: 'epoch',
  });
  nb.resetButton('controls-race');
  nb.cell('job', ['task', 'lr', 'batch'], (task: Task, e: number, batch: number) => scheduleJob({ task, lr: fromLog(e), batch }));
  nb.view('race', {
    inputs: ['job', 'axis'],
    create: (el, bus) => {
      const view = scheduleRace(el);
      const unlink = outlineOnTerms(el, bus, ['theta', 'alpha', 'grad', 'L']);
      return { ...view, dispose: () => (unlink(), view.dispose()) };
    },
    figure: {
      title: 'Eq. 11 three ways: the same CNN, the same start, three schedules.',
      caption: 'Blue: full-batch; vermillion: stochastic; bluish green: mini-batch. Each point is the loss of the batch that update was computed on; an epoch is one pass over the 48 training sections, an update one step of eq. 11.',
      kind: '2d',
      describe: (job, axis: Axis) => describeRace(job, axis),
    },
  });

  nb.equation('eq-10', EQ10);
  nb.erratum('erratum-ce', ERRATUM_CE);
  nb.erratum('note-mse', NOTE_MSE);
  nb.equation('eq-gradients', GRADIENTS);
  nb.equation('eq-11', EQ11);
  nb.code('code-ce', { source: lossSource, file: 'src/nn/loss.ts', fn: 'crossEntropy', exported: false, caption: 'Cross-entropy as the core computes it: log p̂(k) is s_k − LSE(s), so no exponential of a large score is formed. The last marked line is the gradient backpropagation starts from.' });
  nb.code('code-softmax', { source: softmaxSource, file: 'src/nn/softmax.ts', fn: 'softmaxRow', caption: 'p̂(k), eq. 8, for one row of scores.' });
  nb.code('code-mse', { source: lossSource, file: 'src/nn/loss.ts', fn: 'meanSquaredError', exported: false, caption: 'MSE averaged over every value of the batch, and its gradient.' });
  nb.code('code-sgd', { source: sgdSource, file: 'src/optim/sgd.ts', fn: 'sgdStep', caption: 'Eq. 11 itself: one line, the same for all three schedules.' });
  nb.code('code-train', { source: trainSource, file: 'src/model/train.ts', fn: 'trainStep', caption: 'One update in the worker: the loss and ∇L on the batch, then the step for every parameter tensor.' });
  nb.code('code-job', { source: schedulesSource, file: 'chapters/08-losses-gradient-descent/schedules.ts', fn: 'scheduleJob', caption: 'The job sent to the training worker: three runs, one seed, so the same initial weights.' });
});
