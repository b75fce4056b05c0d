/**
 * The race: the chosen optimizers (eqs. 11-15) from one start on one loss
 * surface, each run by src/optim's runTrajectory, with the optimizer state
 * copied (cloneState) after every update so any update can be inspected.
 *
 * A run that blows up stops with a message instead of drawing NaN: either
 * runTrajectory's own (theta or the gradient stopped being finite), or, as
 * the training loop does, when the loss passes EXPLODE times its starting
 * height above the minimum: by then the path has long left the map.
 */
import { ParamError } from '../../src/tensor/index.ts';
import {
  cloneState,
  createOptimizer,
  paperConfig,
  runTrajectory,
  type Optimizer,
  type OptimizerConfig,
  type OptimizerKind,
  type OptimizerState,
} from '../../src/optim/index.ts';
import { formatValue } from '../../src/viz/paint/format.ts';
import type { Surface } from './surfaces.ts';
import { uncorrectedAdam } from './uncorrected.ts';

export const KINDS: readonly OptimizerKind[] = ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'];

export const KIND_LABELS: Readonly<Record<OptimizerKind, string>> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  adagrad: 'AdaGrad',
  rmsprop: 'RMSProp',
  adam: 'Adam',
};

export type RunnerId = OptimizerKind | 'adam-printed' | 'adam-uncorrected' | 'adam-equivalent';

/** Okabe & Ito colours, one per runner, the same in every view of the page. */
export const RUNNER_COLORS: Readonly<Record<RunnerId, string>> = {
  sgd: '#0072b2',
  momentum: '#e69f00',
  adagrad: '#009e73',
  rmsprop: '#cc79a7',
  adam: '#d55e00',
  'adam-printed': '#56b4e9',
  'adam-uncorrected': '#8c8c8c',
  'adam-equivalent': '#f0e442',
};

/** What the controls say, with alpha as a number (the sliders hold log10 alpha). */
export interface RaceSettings {
  readonly enabled: Readonly<Record<OptimizerKind, boolean>>;
  readonly lr: Readonly<Record<OptimizerKind, number>>;
  readonly momentumGamma: number;
  readonly rmspropGamma: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly epsInsideSqrt: boolean;
  /** Add a run of eq. 15 as printed, (1 + beta). */
  readonly adamPrinted: boolean;
  /** Add a run of Adam without bias correction (a demonstration). */
  readonly adamUncorrected: boolean;
}

export interface Runner {
  readonly id: RunnerId;
  readonly label: string;
  readonly kind: OptimizerKind;
  readonly config: OptimizerConfig;
  /** false only for the demonstration without m-hat and V-hat. */
  readonly biasCorrection: boolean;
  readonly color: string;
}

/** The paper's suggested values (src/optim paperConfig), every optimizer on, no demonstrations: the page's defaults. */
export function paperSettings(): RaceSettings {
  const momentum = paperConfig('momentum');
  const rmsprop = paperConfig('rmsprop');
  const adam = paperConfig('adam');
  if (momentum.kind !== 'momentum' || rmsprop.kind !== 'rmsprop' || adam.kind !== 'adam') throw new Error('unreachable');
  return {
    enabled: { sgd: true, momentum: true, adagrad: true, rmsprop: true, adam: true },
    lr: { sgd: paperConfig('sgd').lr, momentum: momentum.lr, adagrad: paperConfig('adagrad').lr, rmsprop: rmsprop.lr, adam: adam.lr },
    momentumGamma: momentum.gamma,
    rmspropGamma: rmsprop.gamma,
    beta1: adam.beta1,
    beta2: adam.beta2,
    eps: adam.eps,
    epsInsideSqrt: adam.epsInsideSqrt,
    adamPrinted: false,
    adamUncorrected: false,
  };
}

/** The optimizer configuration of one kind under the settings. */
export function configFor(kind: OptimizerKind, s: RaceSettings): OptimizerConfig {
  const lr = s.lr[kind];
  switch (kind) {
    case 'sgd':
      return { kind, lr };
    case 'momentum':
      return { kind, lr, gamma: s.momentumGamma };
    case 'adagrad':
      return { kind, lr, eps: s.eps, epsInsideSqrt: s.epsInsideSqrt };
    case 'rmsprop':
      return { kind, lr, gamma: s.rmspropGamma, eps: s.eps, epsInsideSqrt: s.epsInsideSqrt };
    case 'adam':
      return { kind, lr, beta1: s.beta1, beta2: s.beta2, eps: s.eps, epsInsideSqrt: s.epsInsideSqrt };
  }
}

/** The runs the settings ask for, in race order; ParamError when none is switched on. */
export function runnersFor(s: RaceSettings): Runner[] {
  const out: Runner[] = [];
  for (const kind of KINDS) {
    if (!s.enabled[kind]) continue;
    out.push({ id: kind, label: KIND_LABELS[kind], kind, config: configFor(kind, s), biasCorrection: true, color: RUNNER_COLORS[kind] });
  }
  const adam = configFor('adam', s);
  if (s.adamPrinted) {
    out.push({ id: 'adam-printed', label: 'Adam as printed (1 + β)', kind: 'adam', config: { ...adam, adamAsPrinted: true }, biasCorrection: true, color: RUNNER_COLORS['adam-printed'] });
  }
  if (s.adamUncorrected) {
    out.push({ id: 'adam-uncorrected', label: 'Adam, no bias correction (demo)', kind: 'adam', config: adam, biasCorrection: false, color: RUNNER_COLORS['adam-uncorrected'] });
  }
  if (out.length === 0) throw new ParamError('race', 'no optimizer is switched on; switch on at least one to race');
  return out;
}

export function optimizerFor(runner: Runner): Optimizer {
  return runner.biasCorrection ? createOptimizer(runner.config) : uncorrectedAdam(runner.config);
}

export interface Run {
  readonly runner: Runner;
  /** theta_0, theta_1, ... flat [x0, y0, x1, y1, ...], finite, up to the last update kept. */
  readonly points: Float64Array;
  /** f(theta_t). */
  readonly values: Float64Array;
  /** Updates kept. */
  readonly steps: number;
  /** states[t]: the optimizer state after t updates (states[0] is the zero state). */
  readonly states: readonly OptimizerState[];
  /** grads[t - 1]: the gradient update t used, at theta_(t-1). */
  readonly grads: readonly Float64Array[];
  /** Why the run stopped early, in words, or null. */
  readonly diverged: string | null;
}

/** A loss this many times its starting height above the minimum is not coming back (the model's explodeFactor). */
export const EXPLODE = 1e4;

/** One runner from `start` for at most `steps` updates. */
export function runOne(runner: Runner, surface: Surface, start: readonly [number, number], steps: number): Run {
  const inner = optimizerFor(runner);
  const states: OptimizerState[] = [];
  const grads: Float64Array[] = [];
  const recording: Optimizer = {
    config: inner.config,
    init(size) {
      const state = inner.init(size);
      states.push(cloneState(state));
      return state;
    },
    step(theta, grad, state) {
      grads.push(grad.slice());
      inner.step(theta, grad, state);
      states.push(cloneState(state));
    },
  };
  const f = surface.objective;
  const trajectory = runTrajectory(recording, f, start, steps);
  let kept = trajectory.steps;
  let diverged = trajectory.diverged ? `${runner.label} stopped: ${trajectory.diverged}.` : null;
  const limit = surface.fStar + EXPLODE * Math.max(trajectory.values[0]! - surface.fStar, 1);
  for (let t = 1; t <= trajectory.steps; t++) {
    const v = trajectory.values[t]!;
    if (!(v <= limit)) {
      kept = t - 1;
      diverged = `${runner.label} diverged at update ${t}: the loss jumped to ${formatValue(v)}, more than 10⁴ times its height at the start; lower its α.`;
      break;
    }
  }
  return {
    runner,
    points: trajectory.points.slice(0, 2 * (kept + 1)),
    values: trajectory.values.slice(0, kept + 1),
    steps: kept,
    states: states.slice(0, kept + 1),
    grads: grads.slice(0, kept),
    diverged,
  };
}

export function runRace(runners: readonly Runner[], surface: Surface, start: readonly [number, number], steps: number): Run[] {
  return runners.map((r) => runOne(r, surface, start, steps));
}

/** theta after min(t, steps) updates. */
export function pointAt(run: Run, t: number): [number, number] {
  const k = Math.min(t, run.steps);
  return [run.points[2 * k]!, run.points[2 * k + 1]!];
}

/** The path up to update t (the views draw it). */
export function pathTo(run: Run, t: number): Float64Array {
  return run.points.subarray(0, 2 * (Math.min(t, run.steps) + 1));
}
