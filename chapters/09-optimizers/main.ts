/**
 * Chapter 9, Optimizers (tutorial §2.3, eqs. 11-15): SGD, Momentum,
 * AdaGrad, RMSProp and Adam racing from one start on one loss surface, drawn
 * on a contour map and in 3D, stepped or played update by update with the
 * state of every optimizer read out; Momentum's overshoot measured,
 * AdaGrad's shrinking rate and Adam's bias correction charted; eq. 15 as
 * printed run beside the corrected rule; eps inside or outside the root; a
 * real blow-up; and the same race on a small CNN in the training worker.
 */
import { startChapter, type Control } from '../../src/notebook/index.ts';
import { createPlayer } from '../../src/notebook/controls/index.ts';
import { paperConfig, type OptimizerKind } from '../../src/optim/index.ts';
import sgdSource from '../../src/optim/sgd.ts?raw';
import momentumSource from '../../src/optim/momentum.ts?raw';
import adagradSource from '../../src/optim/adagrad.ts?raw';
import rmspropSource from '../../src/optim/rmsprop.ts?raw';
import adamSource from '../../src/optim/adam.ts?raw';
import denominatorSource from '../../src/optim/denominator.ts?raw';
import { createContourMap, type ContourMap } from '../../src/viz/charts/index.ts';
import { createSurfaceView, type SurfaceView } from '../../src/viz/three/index.ts';
import { tex } from '../../src/viz/tex/tex.ts';
import raceSource from './race.ts?raw';
import uncorrectedSource from './uncorrected.ts?raw';
import cnnJobSource from './cnn-job.ts?raw';
import { chartPanel } from './chart-panel.ts';
import { cnnJob } from './cnn-job.ts';
import { cnnRace } from './cnn-race.ts';
import * as words from './describe.ts';
import { EQ11, EQ12, EQ13, EQ14, EQ15, ERRATUM_ADAGRAD, ERRATUM_ADAM, ERRATUM_EPS } from './equations.ts';
import { stateRow } from './inspect.ts';
import { fromLog, showPowerOfTen } from './log-control.ts';
import { mapData, type MapScene } from './map-data.ts';
import { approach, type Approach } from './overshoot.ts';
import { printedComparison, type PrintedComparison } from './printed.ts';
import { KINDS, KIND_LABELS, runOne, runnersFor, type RaceSettings, type Run, type Runner, type RunnerId } from './race.ts';
import { approachSeries, denominatorSeries, lossGapSeries, momentSeries, rateSeries, ratioSeries, visitedS } from './series.ts';
import { stateTable } from './state-table.ts';
import { SURFACES, SURFACE_KEYS, surfaceGrids, type Surface, type SurfaceKey } from './surfaces.ts';
import { TERMS } from './terms.ts';
import '../../assets/chapter.css';
import './optimizers.css';

const EQUATION_OF: Readonly<Record<OptimizerKind, string>> = { sgd: 'eq. 11', momentum: 'eq. 12', adagrad: 'eq. 13', rmsprop: 'eq. 14', adam: 'eq. 15' };
const START_LIMIT = 5;

/** A view that needs its first data to be built (the contour map and the 3D surface need a grid). */
function lazy<D, V extends { node: HTMLElement; update(d: D): void; dispose(): void }>(make: (data: D) => V): { update(d: D): void; dispose(): void } {
  let view: V | null = null;
  return {
    update(d) {
      if (view) view.update(d);
      else view = make(d);
    },
    dispose() {
      view?.dispose();
    },
  };
}

/** Set while declaring; run once the URL has been applied, so a shared link's start is not replaced by the surface's. */
const afterStart: Array<() => void> = [];

startChapter({ terms: TERMS }, (nb) => {
  // ---- the race: surface, start, updates ---------------------------------
  const raceGroup = { slot: 'controls-race' };
  const surface = nb.select('surface', {
    ...raceGroup,
    label: 'Loss surface',
    options: SURFACE_KEYS.map((key) => ({ value: key, label: SURFACES[key].label })),
    value: 'bowl',
  });
  const x0 = nb.range('x0', { ...raceGroup, label: 'Start θ₁', min: -START_LIMIT, max: START_LIMIT, step: 0.01, value: SURFACES.bowl.start[0] });
  const y0 = nb.range('y0', { ...raceGroup, label: 'Start θ₂', min: -START_LIMIT, max: START_LIMIT, step: 0.01, value: SURFACES.bowl.start[1], description: 'Or click the contour map or the 3D surface (Enter picks the point under the keyboard cross).' });
  const steps = nb.range('steps', { ...raceGroup, label: 'Updates run, T', min: 10, max: 2000, step: 10, value: 300 });

  // ---- which optimizers, and their learning rates ------------------------
  const lr = {} as Record<OptimizerKind, Control<number>>;
  const on = {} as Record<OptimizerKind, Control<boolean>>;
  for (const kind of KINDS) {
    const group = { slot: 'controls-optimizers' };
    on[kind] = nb.toggle(kind, { ...group, label: `${KIND_LABELS[kind]} (${EQUATION_OF[kind]})`, value: true });
    lr[kind] = nb.range(`lr-${kind}`, { ...group, label: `${KIND_LABELS[kind]} learning rate`, min: -5, max: 0, step: 0.1, value: Math.log10(paperConfig(kind).lr) });
    showPowerOfTen(lr[kind], 'α');
  }
  const tune = nb.button('tune', { slot: 'controls-presets', label: 'Rates suited to this surface', description: 'The paper’s values are the defaults; Reset to defaults brings them back.' });
  nb.resetButton('controls-presets');

  // ---- per-optimizer hyperparameters, in their sections -------------------
  nb.range('gamma', { slot: 'controls-momentum', label: 'Momentum factor γ', min: 0, max: 0.99, step: 0.01, value: 0.9, description: 'The share of the last velocity kept at each update; 0 is plain SGD.' });
  nb.range('gamma-rmsprop', { slot: 'controls-rmsprop', label: 'RMSProp decay γ', min: 0, max: 0.99, step: 0.01, value: 0.9, description: 'The share of the old average of g² kept at each update.' });
  nb.range('beta1', { slot: 'controls-adam', label: 'β₁, decay of m', min: 0, max: 0.99, step: 0.01, value: 0.9 });
  nb.range('beta2', { slot: 'controls-adam', label: 'β₂, decay of V', min: 0.5, max: 0.999, step: 0.001, value: 0.999 });
  nb.radio('coord', {
    slot: 'controls-adam',
    label: 'Coordinate charted',
    options: [
      { value: '1', label: 'θ₁' },
      { value: '2', label: 'θ₂' },
    ],
    value: '1',
  });
  nb.toggle('no-bias', { slot: 'controls-adam', label: 'Also race Adam without bias correction', value: false, description: 'A demonstration of what m̂ and V̂ are for, not the paper’s rule nor anyone’s: grey on the maps above.' });
  nb.toggle('printed', { slot: 'controls-printed', label: 'Also race eq. 15 as printed, (1 + β)', value: false, description: 'Adds it to the race on the surfaces above and to the CNN race below, beside the corrected Adam.' });
  const eps = nb.range('eps', { slot: 'controls-eps', label: 'ε (AdaGrad, RMSProp, Adam)', min: -10, max: 0, step: 0.5, value: -8 });
  showPowerOfTen(eps, 'ε');
  nb.toggle('eps-inside', { slot: 'controls-eps', label: 'ε inside the square root (the paper)', value: true, description: 'Off: √s + ε, as Kingma & Ba and most frameworks.' });

  // ---- the update shown, and its player ----------------------------------
  const t = nb.range('t', { slot: 'player-controls', label: 'Update shown, t', min: 0, max: 2000, step: 1, value: 300 });

  // ---- a real blow-up ------------------------------------------------------
  const showRace = (): void => {
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    nb.slot('map').scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
  };
  nb.button('try-sgd', { slot: 'try-blowup', label: 'SGD with α = 0.1 on the bowl' }).subscribe(() => {
    surface.set('bowl');
    x0.set(SURFACES.bowl.start[0]);
    y0.set(SURFACES.bowl.start[1]);
    on.sgd.set(true);
    lr.sgd.set(-1);
    t.set(steps.get());
    showRace();
  });
  nb.button('try-rosenbrock', { slot: 'try-blowup', label: 'The paper’s α on Rosenbrock’s valley' }).subscribe(() => {
    surface.set('rosenbrock');
    x0.set(SURFACES.rosenbrock.start[0]);
    y0.set(SURFACES.rosenbrock.start[1]);
    for (const kind of KINDS) {
      on[kind].set(true);
      lr[kind].set(Math.log10(paperConfig(kind).lr));
    }
    t.set(steps.get());
    showRace();
  });

  // ---- computation ---------------------------------------------------------
  nb.cell('settings', ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam', 'lr-sgd', 'lr-momentum', 'lr-adagrad', 'lr-rmsprop', 'lr-adam', 'gamma', 'gamma-rmsprop', 'beta1', 'beta2', 'eps', 'eps-inside', 'printed', 'no-bias'],
    (on1, on2, on3, on4, on5, l1, l2, l3, l4, l5, gamma, gammaR, beta1, beta2, e, inside, printed, noBias): RaceSettings => ({
      enabled: { sgd: on1, momentum: on2, adagrad: on3, rmsprop: on4, adam: on5 },
      lr: { sgd: fromLog(l1), momentum: fromLog(l2), adagrad: fromLog(l3), rmsprop: fromLog(l4), adam: fromLog(l5) },
      momentumGamma: gamma,
      rmspropGamma: gammaR,
      beta1,
      beta2,
      eps: fromLog(e),
      epsInsideSqrt: inside,
      adamPrinted: printed,
      adamUncorrected: noBias,
    }),
  );
  nb.cell('surfaceSpec', ['surface'], (key: SurfaceKey): Surface => SURFACES[key]);
  nb.cell('start', ['x0', 'y0'], (x: number, y: number): [number, number] => [x, y]);
  const grids = surfaceGrids();
  nb.cell('scene', ['surfaceSpec', 'start'], (s: Surface, start: [number, number]): MapScene => ({ surface: s, start, grid: grids(s, start) }));
  /** Every runner the page can show, run once per change of the settings, the surface, the start or T. */
  nb.cell('allRuns', ['settings', 'surfaceSpec', 'start', 'steps'], (settings: RaceSettings, s: Surface, start: [number, number], n: number) => {
    const every = runnersFor({ ...settings, enabled: { sgd: true, momentum: true, adagrad: true, rmsprop: true, adam: true }, adamPrinted: true, adamUncorrected: true });
    return new Map<RunnerId, Run>(every.map((r: Runner) => [r.id, runOne(r, s, start, n)]));
  });
  nb.cell('race', ['allRuns', 'settings'], (all: Map<RunnerId, Run>, settings: RaceSettings): Run[] => runnersFor(settings).map((r) => all.get(r.id)!));
  nb.cell('tShown', ['t', 'steps'], (tt: number, n: number) => Math.min(tt, n));
  nb.cell('approaches', ['allRuns', 'surfaceSpec'], (all: Map<RunnerId, Run>, s: Surface) => ({
    momentum: { run: all.get('momentum')!, approach: approach(all.get('momentum')!, s.objective) },
    sgd: { run: all.get('sgd')!, approach: approach(all.get('sgd')!, s.objective) },
  }));
  nb.cell('printedCmp', ['settings', 'surfaceSpec', 'start', 'steps'], printedComparison);
  nb.cell('job', ['settings'], cnnJob);

  // ---- the race: maps, player, messages, loss, state -----------------------
  const pick = (x: number, y: number): void => {
    const clamp = (v: number) => Math.max(-START_LIMIT, Math.min(START_LIMIT, Math.round(v * 100) / 100));
    x0.set(clamp(x));
    y0.set(clamp(y));
  };
  const raceData = (scene: MapScene, race: Run[], tt: number, approaches: { momentum: { approach: Approach | null } }, settings: RaceSettings) =>
    mapData(scene, race, tt, settings.enabled.momentum ? approaches.momentum.approach : null);
  nb.view('map', {
    inputs: ['scene', 'race', 'tShown', 'approaches', 'settings'],
    create: (el) => lazy((d: ReturnType<typeof mapData>): ContourMap => createContourMap(el, d, { title: 'Contour map', valueLabel: 'loss L', onPick: pick })),
    update: (view, scene, race, tt, approaches, settings) => view.update(raceData(scene, race, tt, approaches, settings)),
    figure: {
      title: 'The race on the contour map.',
      caption: 'x: θ₁, y: θ₂. Colour: the loss, from dark (low) to yellow (high), contours spaced in log steps. Each line is an optimizer’s path up to update t; the white ring is the minimum nearest the start; yellow marks how far Momentum runs past the minimum.',
      kind: '2d',
      describe: (scene: MapScene, race: Run[], tt: number) => words.describeRace(scene, race, tt),
    },
  });
  nb.view('surface3d', {
    inputs: ['scene', 'race', 'tShown', 'approaches', 'settings'],
    create: (el) => lazy((d: ReturnType<typeof mapData>): SurfaceView => createSurfaceView(el, d, { title: 'Loss surface', valueLabel: 'loss L', onPick: pick, aspect: 1.6 })),
    update: (view, scene, race, tt, approaches, settings) => view.update(raceData(scene, race, tt, approaches, settings)),
    figure: {
      title: 'The same race on the surface, in 3D.',
      caption: 'θ₁ runs east, θ₂ north, the loss up (on a log scale where the surface spans many orders of magnitude). Drag to turn it; click to start there.',
      kind: '3d',
      describe: (scene: MapScene, race: Run[], tt: number) => words.describeRace(scene, race, tt),
    },
  });
  const watch = (): HTMLElement => nb.slot('map');
  nb.view('player', {
    inputs: ['steps'],
    create: (el) => {
      // The whole race in six seconds, whatever T; with motion allowed it plays once by itself when the map comes into view, unless the link named t.
      const player = createPlayer(t, {
        label: 'Play the race',
        noun: 'update',
        end: 'stop',
        pace: { seconds: 6 },
        autoplay: new URLSearchParams(location.search).has('t') ? undefined : { watch: watch(), threshold: 0.5, once: true },
      });
      el.append(player.node);
      // The control's latest value, not the cell's: when T moves twice in a frame the cell is one behind.
      return { node: player.node, update: () => player.sync(steps.get()), dispose: () => player.dispose() };
    },
  });
  nb.display('messages', ['race'], (race: Run[]) => {
    const box = document.createElement('div');
    box.className = 'opt-messages';
    box.setAttribute('role', 'status');
    for (const run of race) {
      if (!run.diverged) continue;
      const p = document.createElement('p');
      p.className = 'opt-message';
      p.textContent = run.diverged;
      box.append(p);
    }
    return box;
  });
  nb.view('loss-chart', {
    inputs: ['race', 'surfaceSpec', 'tShown', 'steps'],
    create: (el, bus) => chartPanel(el, bus, { xLabel: 'update t', yLabel: 'L(Θₜ) − L*', yScale: 'log', description: 'loss above the minimum value per update' }, ['L']),
    update: (view, race: Run[], s: Surface, tt: number, n: number) => view.update(lossGapSeries(race, s.fStar, tt, n)),
    figure: {
      title: 'How far above the minimum each optimizer is.',
      caption: 'x: update t; y: the loss minus its lowest value L*, log scale (a straight fall is a steady rate of convergence). The band marks update t.',
      kind: '2d',
      describe: (race: Run[], s: Surface, tt: number) => words.describeLossGap(race, s.fStar, tt),
    },
  });
  nb.view('state', {
    inputs: ['race', 'tShown'],
    create: stateTable,
    update: (view, race: Run[], tt: number) => view.update(race.map((run) => stateRow(run, tt)), tt),
  });

  // ---- Momentum -------------------------------------------------------------
  nb.view('overshoot', {
    inputs: ['approaches'],
    create: (el, bus) => chartPanel(el, bus, { xLabel: 'update t', yLabel: 'distance to the minimum along the approach', description: 'signed distance to the minimum, per update' }, ['V', 'gammaM']),
    update: (view, a) => view.update(approachSeries(a.momentum, a.sgd), words.overshootNote(a.momentum.approach, a.sgd.approach)),
    figure: {
      title: 'Momentum runs past the minimum; SGD does not.',
      caption: 'x: update t; y: where each optimizer is along the line from the start to the minimum, 0 at the minimum, negative beyond it. Shaded: Momentum on the far side. Both are run here whether or not they race above.',
      kind: '2d',
      describe: (a: { momentum: { approach: Approach | null } }) => words.describeOvershoot(a.momentum.approach),
    },
  });

  // ---- AdaGrad and RMSProp --------------------------------------------------
  nb.view('rates', {
    inputs: ['allRuns'],
    create: (el, bus) => chartPanel(el, bus, { xLabel: 'update t', yLabel: 'effective rate (α over the denominator)', yScale: 'log', description: 'effective learning rate per coordinate, per update' }, ['G', 'Eg2', 'gammaR']),
    update: (view, all: Map<RunnerId, Run>) => {
      const data = rateSeries(all.get('adagrad')!, all.get('rmsprop')!);
      view.update(data, words.rateNote(data));
    },
    figure: {
      title: 'AdaGrad’s rate only shrinks; RMSProp’s follows the gradient.',
      caption: 'x: update t; y: α/√(G + ε) for AdaGrad and α/√(E[g²] + ε) for RMSProp, log scale; solid θ₁, dashed θ₂. Both are run here whether or not they race above.',
      kind: '2d',
      describe: (all: Map<RunnerId, Run>) => words.describeRates(all.get('adagrad')!, all.get('rmsprop')!),
    },
  });

  // ---- Adam's bias correction ---------------------------------------------
  nb.cell('moments', ['allRuns', 'coord'], (all: Map<RunnerId, Run>, c: string) => momentSeries(all.get('adam')!, c === '2' ? 1 : 0));
  nb.view('moments-m', {
    inputs: ['moments', 'settings'],
    create: (el, bus) => chartPanel(el, bus, { xLabel: 'update t', yLabel: 'first moment', description: 'gradient, m and m-hat per update' }, ['m', 'mhat', 'g', 'beta1']),
    update: (view, m) => view.update(m.first),
    figure: { title: 'The first moment: m against m̂.', caption: 'x: update t (the first 60); y: the gradient gₜ (grey), mₜ as it is (dashed) and corrected, m̂ₜ (solid).', kind: '2d', describe: (m) => words.describeMoments(m.updates, m.coordinate) },
  });
  nb.view('moments-v', {
    inputs: ['moments', 'settings'],
    create: (el, bus) => chartPanel(el, bus, { xLabel: 'update t', yLabel: 'second moment', description: 'squared gradient, V and V-hat per update' }, ['Va', 'vhat', 'beta2']),
    update: (view, m, settings: RaceSettings) => view.update(m.second, words.momentsNote(settings.beta1, settings.beta2, !settings.adamUncorrected)),
    figure: { title: 'The second moment: V against V̂.', caption: 'x: update t (the first 60); y: gₜ² (grey), Vₜ as it is (dashed) and corrected, V̂ₜ (solid).', kind: '2d', describe: (m) => words.describeMoments(m.updates, m.coordinate) },
  });

  // ---- eq. 15 as printed ------------------------------------------------------
  nb.view('printed-map', {
    inputs: ['scene', 'printedCmp', 'steps'],
    create: (el) => lazy((d: ReturnType<typeof mapData>): ContourMap => createContourMap(el, d, { title: 'Adam, corrected and as printed', valueLabel: 'loss L', onPick: pick })),
    update: (view, scene: MapScene, c: PrintedComparison, n: number) => view.update(mapData(scene, [c.corrected, c.printed, c.equivalent], n)),
    figure: {
      title: 'Printed Adam takes shorter steps along the same kind of path.',
      caption: 'The surface and start of the race above, all T updates. Sky blue: eq. 15 as printed; yellow, drawn over it: Adam with (1 − β), α × 19/√1999 and ε ÷ 1999. They coincide.',
      kind: '2d',
      describe: (scene: MapScene, c: PrintedComparison) => words.describePrintedMap(scene, c),
    },
  });
  nb.view('printed-ratio', {
    inputs: ['printedCmp'],
    create: (el, bus) => chartPanel(el, bus, { xLabel: 'update t', yLabel: 'printed ÷ corrected', yScale: 'log', yDomain: [0.5, 5000], description: 'ratio of the printed moments to the rescaled corrected ones' }, ['m', 'Va']),
    update: (view, c: PrintedComparison) => view.update(ratioSeries(c), words.printedNote(c)),
    figure: {
      title: 'The printed moments are 19 and 1999 times larger, at every update.',
      caption: 'x: update t; y, log scale: printed m over corrected m (vermillion) and printed V over corrected V (blue), along the shared path; solid θ₁, dashed θ₂.',
      kind: '2d',
      describe: (c: PrintedComparison) => words.describePrinted(c),
    },
  });

  // ---- where eps goes --------------------------------------------------------
  nb.cell('visited', ['allRuns'], (all: Map<RunnerId, Run>) => visitedS([all.get('adagrad')!, all.get('rmsprop')!, all.get('adam')!]));
  nb.view('denominator', {
    inputs: ['settings', 'visited'],
    create: (el, bus) => chartPanel(el, bus, { xLabel: 'log₁₀ s   (s = G, E[g²] or V̂)', yLabel: 'denominator', yScale: 'log', description: 'the adaptive denominator against s' }, ['eps']),
    update: (view, settings: RaceSettings, visited) => view.update(denominatorSeries(settings.eps, visited), words.epsNote(settings.eps, settings.epsInsideSqrt, visited)),
    figure: {
      title: 'ε inside the root floors the denominator at √ε; outside, at ε.',
      caption: 'x: log₁₀ of the quantity under the root; y: the denominator, log scale. Shaded: the values of s the adaptive optimizers meet in the race above (all three are run here).',
      kind: '2d',
      describe: (settings: RaceSettings) => words.describeDenominator(settings.eps),
    },
  });

  // ---- the CNN race -----------------------------------------------------------
  nb.view('cnn', {
    inputs: ['job'],
    create: (el) => cnnRace(el),
    figure: {
      title: 'The race on a small CNN, from identical initial weights.',
      caption: 'x: update; y: mean training loss (cross-entropy) of each epoch, log scale, one line per optimizer in the colours of the maps. Mini-batches of 8 sections, the same for every run.',
      kind: '2d',
      describe: words.describeCnn,
    },
  });

  // ---- equations and code ------------------------------------------------------
  nb.display('surface-formula', ['surfaceSpec'], (s: Surface) => {
    // Scrolls sideways in a narrow panel: focusable so the keyboard can scroll it.
    const p = document.createElement('p');
    p.className = 'opt-formula';
    p.tabIndex = 0;
    p.setAttribute('role', 'region');
    p.setAttribute('aria-label', `The loss of ${s.name}`);
    tex(p, s.tex);
    return p;
  });
  nb.equation('eq-11', EQ11);
  nb.code('code-sgd', { source: sgdSource, file: 'src/optim/sgd.ts', fn: 'sgdStep', caption: 'Eq. 11 over a flat vector of parameters: every view on this page runs through these step functions.' });
  nb.code('code-race', { source: raceSource, file: 'chapters/09-optimizers/race.ts', fn: 'runOne', caption: 'One run of the race: src/optim’s runTrajectory, the state copied after every update, and the stop on a blow-up.' });
  nb.equation('eq-12', EQ12);
  nb.code('code-momentum', { source: momentumSource, file: 'src/optim/momentum.ts', fn: 'momentumStep', caption: 'V is velocity, updated in place; point at a marked line to find its term.' });
  nb.equation('eq-13', EQ13);
  nb.erratum('eq-13', ERRATUM_ADAGRAD);
  nb.code('code-adagrad', { source: adagradSource, file: 'src/optim/adagrad.ts', fn: 'adagradStep', caption: 'G is accumulated: it only grows.' });
  nb.equation('eq-14', EQ14);
  nb.code('code-rmsprop', { source: rmspropSource, file: 'src/optim/rmsprop.ts', fn: 'rmspropStep', caption: 'E[g²] is meanSquare; keep is 1 − γ.' });
  nb.equation('eq-15', EQ15);
  nb.erratum('eq-15', ERRATUM_ADAM);
  nb.code('code-adam', { source: adamSource, file: 'src/optim/adam.ts', fn: 'adamStep', caption: 'asPrinted switches (1 − β) to the printed (1 + β); c1 and c2 are the bias corrections.' });
  nb.code('code-uncorrected', { source: uncorrectedSource, file: 'chapters/09-optimizers/uncorrected.ts', fn: 'uncorrectedAdam', caption: 'The demonstration without bias correction runs the same adamStep, with α and ε chosen to cancel the corrections.' });
  nb.erratum('erratum-eps', ERRATUM_EPS);
  nb.code('code-denominator', { source: denominatorSource, file: 'src/optim/denominator.ts', fn: 'adaptiveDenominator', caption: 'Shared by eqs. 13, 14 and 15.' });
  nb.code('code-cnn', { source: cnnJobSource, file: 'chapters/09-optimizers/cnn-job.ts', fn: 'cnnJob', caption: 'The job sent to the training worker: one run per optimizer, one seed for all.' });

  // A preset: the learning rates and the number of updates that make a good race on this surface.
  tune.subscribe(() => {
    const s = SURFACES[surface.get() as SurfaceKey];
    for (const kind of KINDS) lr[kind].set(s.tuned.lr[kind]);
    steps.set(s.tuned.steps);
    t.set(s.tuned.steps);
  });
  afterStart.push(() => {
    // A new surface starts the race at its own start.
    surface.subscribe((key) => {
      const s = SURFACES[key as SurfaceKey];
      x0.set(s.start[0]);
      y0.set(s.start[1]);
    });
    // Showing the end of the race keeps showing the end when T changes.
    let lastSteps = steps.get();
    const tInput = t.element.querySelector<HTMLInputElement>('input[type=range]');
    steps.subscribe((n) => {
      // The slider's end first, or the browser clamps the new t to the old end.
      if (tInput) tInput.max = String(n);
      if (t.get() >= lastSteps || t.get() > n) t.set(n);
      lastSteps = n;
    });
  });
});
for (const wire of afterStart) wire();
