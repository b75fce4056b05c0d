/**
 * The line charts' data, computed from the runs (pure; the charts only
 * draw): the loss gap of every run, the approach to the minimum with
 * Momentum's overshoot, AdaGrad's and RMSProp's effective rates, Adam's
 * moments with and without bias correction, the printed moments over the
 * corrected ones, and the adaptive denominator with eps inside or outside
 * the square root.
 */
import { adagradEffectiveRate, adaptiveDenominator, resolveConfig } from '../../src/optim/index.ts';
import type { Band, LineChartData, LineSeries } from '../../src/viz/charts/index.ts';
import { biasCorrected } from './inspect.ts';
import type { Approach } from './overshoot.ts';
import type { PrintedComparison } from './printed.ts';
import type { Run } from './race.ts';

const THETA = ['θ₁', 'θ₂'] as const;

/** The band that marks update t on a chart whose x axis is updates 0..n. */
export function updateBand(t: number, n: number): Band {
  const half = Math.max(0.5, n / 400);
  return { from: t - half, to: t + half, label: `t = ${t}` };
}

/** L(theta_t) - L* for every run, t = 0..steps. */
export function lossGapSeries(runs: readonly Run[], fStar: number, t: number, n: number): LineChartData {
  return {
    series: runs.map((run) => ({ name: run.runner.label, color: run.runner.color, y: run.values.map((v) => v - fStar) })),
    band: updateBand(Math.min(t, n), n),
  };
}

/** The signed distance to the minimum along the approach, Momentum against SGD, the overshoot shaded. */
export function approachSeries(momentum: { run: Run; approach: Approach | null }, sgd: { run: Run; approach: Approach | null }): LineChartData {
  const series: LineSeries[] = [];
  for (const { run, approach } of [sgd, momentum]) {
    if (approach) series.push({ name: run.runner.label, color: run.runner.color, y: approach.s });
  }
  const o = momentum.approach?.overshoot;
  return { series, band: o ? { from: o.from, to: o.to, label: 'Momentum past the minimum' } : null };
}

/** alpha / sqrt(G + eps) of AdaGrad and alpha / sqrt(E[g^2] + eps) of RMSProp per coordinate, updates 1..n. */
export function rateSeries(adagrad: Run, rmsprop: Run): LineChartData {
  const series: LineSeries[] = [];
  const a = resolveConfig(adagrad.runner.config);
  if (a.kind === 'adagrad') {
    const rates = adagrad.states.slice(1).map((s) => adagradEffectiveRate(s.accumulated!, a));
    THETA.forEach((name, i) => series.push({ name: `AdaGrad, ${name}`, color: adagrad.runner.color, dashed: i === 1, x: rates.map((_, k) => k + 1), y: rates.map((r) => r[i]!) }));
  }
  const r = resolveConfig(rmsprop.runner.config);
  if (r.kind === 'rmsprop') {
    const rates = rmsprop.states.slice(1).map((s) => Array.from(s.meanSquare!, (e) => r.lr / adaptiveDenominator(e, r.eps, r.epsInsideSqrt)));
    THETA.forEach((name, i) => series.push({ name: `RMSProp, ${name}`, color: rmsprop.runner.color, dashed: i === 1, x: rates.map((_, k) => k + 1), y: rates.map((v) => v[i]!) }));
  }
  return { series };
}

/** Updates shown on the bias-correction charts: the first ones, where the correction matters. */
export const MOMENT_UPDATES = 60;

export interface MomentSeries {
  readonly first: LineChartData;
  readonly second: LineChartData;
  readonly updates: number;
  /** 'θ₁' or 'θ₂'. */
  readonly coordinate: string;
}

/** Adam's g_t, m_t and m-hat_t, and g_t^2, V_t and V-hat_t, for one coordinate over the first updates. */
export function momentSeries(adam: Run, coordinate: 0 | 1): MomentSeries {
  const c = resolveConfig(adam.runner.config);
  if (c.kind !== 'adam') throw new Error('momentSeries needs an Adam run');
  const n = Math.min(adam.steps, MOMENT_UPDATES);
  const x = Array.from({ length: n }, (_, k) => k + 1);
  const g: number[] = [];
  const g2: number[] = [];
  const m: number[] = [];
  const v: number[] = [];
  const mhat: number[] = [];
  const vhat: number[] = [];
  for (let t = 1; t <= n; t++) {
    const s = adam.states[t]!;
    const gi = adam.grads[t - 1]![coordinate]!;
    const corrected = biasCorrected(s.m!, s.v!, t, c.beta1, c.beta2);
    g.push(gi);
    g2.push(gi * gi);
    m.push(s.m![coordinate]!);
    v.push(s.v![coordinate]!);
    mhat.push(corrected.mhat[coordinate]!);
    vhat.push(corrected.vhat[coordinate]!);
  }
  const name = THETA[coordinate];
  return {
    updates: n,
    coordinate: name,
    first: {
      series: [
        { name: `gradient gₜ (${name})`, color: '#8c8c8c', x, y: g },
        { name: 'mₜ, uncorrected', color: '#d55e00', dashed: true, x, y: m },
        { name: 'm̂ₜ = mₜ / (1 − β₁ᵗ)', color: '#d55e00', x, y: mhat },
      ],
    },
    second: {
      series: [
        { name: `gₜ² (${name})`, color: '#8c8c8c', x, y: g2 },
        { name: 'Vₜ, uncorrected', color: '#0072b2', dashed: true, x, y: v },
        { name: 'V̂ₜ = Vₜ / (1 − β₂ᵗ)', color: '#0072b2', x, y: vhat },
      ],
    },
  };
}

/** m_printed / m and V_printed / V along the shared path, both coordinates. */
export function ratioSeries(c: PrintedComparison): LineChartData {
  const x = Array.from({ length: c.ratioM[0]!.length }, (_, k) => k + 1);
  return {
    series: [
      { name: 'm printed ÷ m, θ₁', color: '#d55e00', x, y: c.ratioM[0]! },
      { name: 'm printed ÷ m, θ₂', color: '#d55e00', dashed: true, x, y: c.ratioM[1]! },
      { name: 'V printed ÷ V, θ₁', color: '#0072b2', x, y: c.ratioV[0]! },
      { name: 'V printed ÷ V, θ₂', color: '#0072b2', dashed: true, x, y: c.ratioV[1]! },
    ],
  };
}

/** log10 s from S_FROM to S_TO: the sizes of G, E[g^2] or V-hat the denominator chart spans. */
export const S_FROM = -14;
export const S_TO = 2;

/** The smallest and largest positive s (G, E[g^2], V-hat) the adaptive runs visit, as log10; null if none. */
export function visitedS(runs: readonly Run[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  const see = (s: number) => {
    if (s > 0 && Number.isFinite(s)) {
      lo = Math.min(lo, s);
      hi = Math.max(hi, s);
    }
  };
  for (const run of runs) {
    const c = resolveConfig(run.runner.config);
    for (let t = 1; t <= run.steps; t++) {
      const st = run.states[t]!;
      if (c.kind === 'adagrad') st.accumulated!.forEach(see);
      else if (c.kind === 'rmsprop') st.meanSquare!.forEach(see);
      else if (c.kind === 'adam') {
        const c2 = run.runner.biasCorrection ? 1 - c.beta2 ** t : 1;
        st.v!.forEach((v) => see(v / c2));
      }
    }
  }
  return lo <= hi ? [Math.log10(lo), Math.log10(hi)] : null;
}

/** sqrt(s + eps) and sqrt(s) + eps (and sqrt(s) alone) against log10 s, with the visited range shaded. */
export function denominatorSeries(eps: number, visited: [number, number] | null): LineChartData {
  const x: number[] = [];
  for (let k = 0; k <= (S_TO - S_FROM) * 8; k++) x.push(S_FROM + k / 8);
  const s = x.map((e) => 10 ** e);
  return {
    series: [
      { name: '√(s + ε), the paper', color: '#d55e00', x, y: s.map((v) => adaptiveDenominator(v, eps, true)) },
      { name: '√s + ε, Kingma & Ba, frameworks', color: '#0072b2', x, y: s.map((v) => adaptiveDenominator(v, eps, false)) },
      { name: '√s, no ε', color: '#8c8c8c', dashed: true, x, y: s.map((v) => Math.sqrt(v)) },
    ],
    band: visited ? { from: Math.max(S_FROM, visited[0]), to: Math.min(S_TO, visited[1]), label: 's in this race' } : null,
  };
}
