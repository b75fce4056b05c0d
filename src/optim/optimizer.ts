/**
 * The tutorial's optimizers behind one interface (eqs. 11-15):
 *
 *   const opt = createOptimizer({ kind: 'adam', lr: 0.05 });
 *   const state = opt.init(theta.length);
 *   opt.step(theta, grad, state);      // theta and state updated in place
 *
 * Defaults are the paper's suggested values: momentum gamma 0.9 (eq. 12);
 * AdaGrad eps 1e-8 (eq. 13); RMSProp gamma 0.9, eps 1e-8 (eq. 14); Adam
 * beta1 0.9, beta2 0.999, eps 1e-8 (eq. 15); eps inside the square root as the
 * paper prints it. The learning rate alpha has no default: `paperConfig(kind)`
 * gives a complete starting configuration.
 *
 * Validation (ParamError naming the optimizer and the value): lr finite > 0;
 * gamma, beta1, beta2 in [0, 1); eps finite >= 0. eps = 0 is allowed: a zero
 * denominator then only occurs where every gradient so far was zero, and that
 * component does not move (see denominator.ts). Hyperparameters the kind does
 * not use are ignored, so one control state can drive every optimizer.
 *
 * `step` does arithmetic only; it does not look for NaN or Infinity (the
 * training loop and `runTrajectory` check with `firstNonFinite` and stop with
 * a message rather than show NaN).
 */
import { ParamError, ShapeError, assertKind, assertNumber } from '../tensor/index.ts';
import { ADAGRAD_DEFAULTS, adagradStep } from './adagrad.ts';
import { ADAM_DEFAULTS, adamStep } from './adam.ts';
import { MOMENTUM_DEFAULTS, momentumStep } from './momentum.ts';
import { RMSPROP_DEFAULTS, rmspropStep } from './rmsprop.ts';
import { sgdStep } from './sgd.ts';

export const OPTIMIZER_KINDS = ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'] as const;
export type OptimizerKind = (typeof OPTIMIZER_KINDS)[number];

export interface OptimizerConfig {
  kind: OptimizerKind;
  /** alpha */
  lr: number;
  /** Momentum factor (eq. 12) or RMSProp's decay (eq. 14). */
  gamma?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  /** true (default) = the paper's sqrt(G + eps); false = sqrt(G) + eps. */
  epsInsideSqrt?: boolean;
  /** true = eq. 15 as printed, (1 + beta); default false, the corrected (1 - beta). */
  adamAsPrinted?: boolean;
}

/** A configuration with every hyperparameter of its kind filled in and validated. */
export type ResolvedOptimizerConfig =
  | { readonly kind: 'sgd'; readonly lr: number }
  | { readonly kind: 'momentum'; readonly lr: number; readonly gamma: number }
  | { readonly kind: 'adagrad'; readonly lr: number; readonly eps: number; readonly epsInsideSqrt: boolean }
  | {
      readonly kind: 'rmsprop';
      readonly lr: number;
      readonly gamma: number;
      readonly eps: number;
      readonly epsInsideSqrt: boolean;
    }
  | {
      readonly kind: 'adam';
      readonly lr: number;
      readonly beta1: number;
      readonly beta2: number;
      readonly eps: number;
      readonly epsInsideSqrt: boolean;
      readonly adamAsPrinted: boolean;
    };

/**
 * Step count `t` and the kind's running quantities, one entry per parameter:
 * `velocity` V (momentum), `accumulated` G (AdaGrad), `meanSquare` E[g^2]
 * (RMSProp), `m` and `v` (Adam's first and second moments). All start at zero.
 */
export interface OptimizerState {
  t: number;
  readonly velocity?: Float64Array;
  readonly accumulated?: Float64Array;
  readonly meanSquare?: Float64Array;
  readonly m?: Float64Array;
  readonly v?: Float64Array;
}

export interface Optimizer {
  readonly config: ResolvedOptimizerConfig;
  init(size: number): OptimizerState;
  step(theta: Float64Array, grad: Float64Array, state: OptimizerState): void;
}

/** A complete configuration with the paper's values; alpha where the paper gives none is marked. */
export function paperConfig(kind: OptimizerKind): ResolvedOptimizerConfig {
  switch (kind) {
    case 'sgd':
      return resolveConfig({ kind, lr: 1e-2 }); // the paper gives no alpha for eq. 11
    case 'momentum':
      return resolveConfig({ kind, lr: 1e-2 }); // nor for eq. 12
    case 'adagrad':
      return resolveConfig({ kind, lr: ADAGRAD_DEFAULTS.lr });
    case 'rmsprop':
      return resolveConfig({ kind, lr: RMSPROP_DEFAULTS.lr });
    case 'adam':
      return resolveConfig({ kind, lr: 1e-3 }); // Kingma & Ba's alpha; the paper gives none
  }
}

const unit = { lo: 0, hi: 1, hiOpen: true } as const;

function flag(op: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new ParamError(op, `${name} must be true or false, got ${String(value)}`);
  return value;
}

/** Validates a configuration and fills in the paper's defaults. Throws ParamError. */
export function resolveConfig(config: OptimizerConfig): ResolvedOptimizerConfig {
  if (typeof config !== 'object' || config === null) {
    throw new ParamError('optimizer', `the configuration must be an object, got ${String(config)}`);
  }
  const kind = assertKind('optimizer', 'optimizer kind', config.kind, OPTIMIZER_KINDS);
  const lr = assertNumber(kind, 'learning rate lr', config.lr, { lo: 0, loOpen: true });
  const eps = (fallback: number) => assertNumber(kind, 'eps', config.eps ?? fallback, { lo: 0 });
  const inside = () => flag(kind, 'epsInsideSqrt', config.epsInsideSqrt, true);
  switch (kind) {
    case 'sgd':
      return { kind, lr };
    case 'momentum':
      return { kind, lr, gamma: assertNumber(kind, 'gamma', config.gamma ?? MOMENTUM_DEFAULTS.gamma, unit) };
    case 'adagrad':
      return { kind, lr, eps: eps(ADAGRAD_DEFAULTS.eps), epsInsideSqrt: inside() };
    case 'rmsprop':
      return {
        kind,
        lr,
        gamma: assertNumber(kind, 'gamma', config.gamma ?? RMSPROP_DEFAULTS.gamma, unit),
        eps: eps(RMSPROP_DEFAULTS.eps),
        epsInsideSqrt: inside(),
      };
    case 'adam':
      return {
        kind,
        lr,
        beta1: assertNumber(kind, 'beta1', config.beta1 ?? ADAM_DEFAULTS.beta1, unit),
        beta2: assertNumber(kind, 'beta2', config.beta2 ?? ADAM_DEFAULTS.beta2, unit),
        eps: eps(ADAM_DEFAULTS.eps),
        epsInsideSqrt: inside(),
        adamAsPrinted: flag(kind, 'adamAsPrinted', config.adamAsPrinted, false),
      };
  }
}

function stateArray(kind: string, state: OptimizerState, field: keyof OptimizerState, size: number): Float64Array {
  const a = state[field];
  if (!(a instanceof Float64Array)) {
    throw new ParamError(kind, `the state has no ${field}; make it with this optimizer's init()`);
  }
  if (a.length !== size) {
    throw new ShapeError(kind, `the state's ${field} holds ${a.length} values but theta holds ${size}`);
  }
  return a;
}

export function createOptimizer(config: OptimizerConfig): Optimizer {
  const c = resolveConfig(config);
  const kind = c.kind;
  return {
    config: c,
    init(size: number): OptimizerState {
      if (!Number.isInteger(size) || size < 0) {
        throw new ParamError(kind, `the parameter count must be a non-negative integer, got ${String(size)}`);
      }
      const z = () => new Float64Array(size);
      switch (kind) {
        case 'sgd':
          return { t: 0 };
        case 'momentum':
          return { t: 0, velocity: z() };
        case 'adagrad':
          return { t: 0, accumulated: z() };
        case 'rmsprop':
          return { t: 0, meanSquare: z() };
        case 'adam':
          return { t: 0, m: z(), v: z() };
      }
    },
    step(theta: Float64Array, grad: Float64Array, state: OptimizerState): void {
      const n = theta.length;
      if (grad.length !== n) {
        throw new ShapeError(kind, `theta holds ${n} values but the gradient holds ${grad.length}`);
      }
      switch (c.kind) {
        case 'sgd':
          sgdStep(theta, grad, c);
          break;
        case 'momentum':
          momentumStep(theta, grad, stateArray(kind, state, 'velocity', n), c);
          break;
        case 'adagrad':
          adagradStep(theta, grad, stateArray(kind, state, 'accumulated', n), c);
          break;
        case 'rmsprop':
          rmspropStep(theta, grad, stateArray(kind, state, 'meanSquare', n), c);
          break;
        case 'adam': {
          const m = stateArray(kind, state, 'm', n);
          const v = stateArray(kind, state, 'v', n);
          adamStep(theta, grad, m, v, state.t + 1, { ...c, asPrinted: c.adamAsPrinted });
          break;
        }
      }
      state.t += 1;
    },
  };
}

/** A deep copy of a state (for snapshots that must not change under later steps). */
export function cloneState(state: OptimizerState): OptimizerState {
  const out: { -readonly [K in keyof OptimizerState]: OptimizerState[K] } = { t: state.t };
  for (const key of ['velocity', 'accumulated', 'meanSquare', 'm', 'v'] as const) {
    const a = state[key];
    if (a) out[key] = a.slice();
  }
  return out;
}
