/**
 * What each optimizer holds at update t: theta_t and L(theta_t), the
 * gradient update t used, the running quantities of its equation (V, G,
 * E[g^2], m and V with m-hat and V-hat), the effective rate per coordinate
 * (what multiplies the gradient, or m-hat, in the update) and the step
 * actually taken. Read from the states the race copied, with the core's
 * adaptiveDenominator and adagradEffectiveRate.
 */
import { adagradEffectiveRate, adaptiveDenominator, resolveConfig } from '../../src/optim/index.ts';
import type { Run } from './race.ts';

export interface Quantity {
  /** Plain-text name for the read-out: 'Vₜ', 'm̂ₜ'. */
  readonly name: string;
  /** The equation term it is (term bus key). */
  readonly term: string;
  readonly values: readonly number[];
}

export interface StateRow {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  /** The update shown: min(t, steps of the run). */
  readonly t: number;
  /** True when the run stopped before update t. */
  readonly stopped: boolean;
  readonly theta: readonly number[];
  readonly loss: number;
  /** Gradient used by update t; null at t = 0. */
  readonly grad: readonly number[] | null;
  readonly quantities: readonly Quantity[];
  /** The effective rate per coordinate and what it multiplies ('∇L', 'm̂', 'm'); null at t = 0. */
  readonly rate: { readonly values: readonly number[]; readonly on: string } | null;
  /** theta_t - theta_(t-1); null at t = 0. */
  readonly step: readonly number[] | null;
}

const list = (a: ArrayLike<number>): number[] => Array.from(a);

/** Adam's m-hat and V-hat from m and V after t updates (what adamStep computes inline). */
export function biasCorrected(m: ArrayLike<number>, v: ArrayLike<number>, t: number, beta1: number, beta2: number): { mhat: number[]; vhat: number[] } {
  const c1 = 1 - beta1 ** t;
  const c2 = 1 - beta2 ** t;
  return { mhat: Array.from(m, (x) => x / c1), vhat: Array.from(v, (x) => x / c2) };
}

export function stateRow(run: Run, tWanted: number): StateRow {
  const t = Math.min(tWanted, run.steps);
  const { runner } = run;
  const c = resolveConfig(runner.config);
  const state = run.states[t]!;
  const theta = [run.points[2 * t]!, run.points[2 * t + 1]!];
  const grad = t > 0 ? list(run.grads[t - 1]!) : null;
  const step = t > 0 ? [theta[0]! - run.points[2 * t - 2]!, theta[1]! - run.points[2 * t - 1]!] : null;
  const quantities: Quantity[] = [];
  let rate: StateRow['rate'] = null;
  switch (c.kind) {
    case 'sgd':
      if (t > 0) rate = { values: [c.lr, c.lr], on: '∇L' };
      break;
    case 'momentum':
      quantities.push({ name: 'Vₜ', term: 'V', values: list(state.velocity!) });
      if (t > 0) rate = { values: [c.lr, c.lr], on: '∇L → V' };
      break;
    case 'adagrad':
      quantities.push({ name: 'Gₜ,ᵢᵢ', term: 'G', values: list(state.accumulated!) });
      if (t > 0) rate = { values: list(adagradEffectiveRate(state.accumulated!, c)), on: '∇L' };
      break;
    case 'rmsprop': {
      const E = list(state.meanSquare!);
      quantities.push({ name: 'E[g²]ₜ', term: 'Eg2', values: E });
      if (t > 0) rate = { values: E.map((s) => c.lr / adaptiveDenominator(s, c.eps, c.epsInsideSqrt)), on: '∇L' };
      break;
    }
    case 'adam': {
      const m = list(state.m!);
      const v = list(state.v!);
      quantities.push({ name: 'mₜ', term: 'm', values: m }, { name: 'Vₜ', term: 'Va', values: v });
      if (t > 0) {
        if (runner.biasCorrection) {
          const { mhat, vhat } = biasCorrected(m, v, t, c.beta1, c.beta2);
          quantities.push({ name: 'm̂ₜ', term: 'mhat', values: mhat }, { name: 'V̂ₜ', term: 'vhat', values: vhat });
          rate = { values: vhat.map((s) => c.lr / adaptiveDenominator(s, c.eps, c.epsInsideSqrt)), on: 'm̂' };
        } else {
          rate = { values: v.map((s) => c.lr / adaptiveDenominator(s, c.eps, c.epsInsideSqrt)), on: 'm (no correction)' };
        }
      }
      break;
    }
  }
  return {
    id: runner.id,
    label: runner.label,
    color: runner.color,
    t,
    stopped: tWanted > run.steps,
    theta,
    loss: run.values[t]!,
    grad,
    quantities,
    rate,
    step,
  };
}
