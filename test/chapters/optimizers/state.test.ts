/** Chapter 9's state read-out, the demonstration without bias correction, the overshoot and the printed-Adam comparison. */
import { describe, expect, it } from 'vitest';
import { createOptimizer } from '../../../src/optim/index.ts';
import { stateRow } from '../../../chapters/09-optimizers/inspect.ts';
import { approach } from '../../../chapters/09-optimizers/overshoot.ts';
import { printedComparison } from '../../../chapters/09-optimizers/printed.ts';
import { paperSettings, runOne, runnersFor, type RaceSettings } from '../../../chapters/09-optimizers/race.ts';
import { SURFACES } from '../../../chapters/09-optimizers/surfaces.ts';
import { uncorrectedAdam } from '../../../chapters/09-optimizers/uncorrected.ts';
import { expectClose } from '../../support/tolerance.ts';

const bowl = SURFACES.bowl;
const settings = (patch: Partial<RaceSettings> = {}): RaceSettings => ({ ...paperSettings(), ...patch });
const runOf = (id: string, s = settings(), steps = 80) => runOne(runnersFor(s).find((r) => r.id === id)!, bowl, bowl.start, steps);

describe('the state at update t', () => {
  it('is empty before the first update', () => {
    const row = stateRow(runOf('adam'), 0);
    expect(row.grad).toBeNull();
    expect(row.rate).toBeNull();
    expect(row.step).toBeNull();
    expect(row.theta).toEqual([...bowl.start]);
    expect(row.quantities.map((q) => q.name)).toEqual(['mₜ', 'Vₜ']);
  });

  it('has Momentum’s V as the step it took: theta_t = theta_(t-1) - V_t', () => {
    const row = stateRow(runOf('momentum'), 7);
    const V = row.quantities.find((q) => q.term === 'V')!.values;
    expectClose(row.step!, V.map((v) => -v));
  });

  it('has AdaGrad’s rate alpha / sqrt(G + eps), and the step it gives', () => {
    const row = stateRow(runOf('adagrad'), 5);
    const G = row.quantities.find((q) => q.term === 'G')!.values;
    expectClose(row.rate!.values, G.map((g) => 0.01 / Math.sqrt(g + 1e-8)));
    expectClose(row.step!, row.rate!.values.map((r, i) => -r * row.grad![i]!));
  });

  it('has Adam’s m-hat and V-hat, and its step alpha m-hat / sqrt(V-hat + eps)', () => {
    const t = 3;
    const row = stateRow(runOf('adam'), t);
    const q = Object.fromEntries(row.quantities.map((x) => [x.term, x.values]));
    expectClose(q.mhat!, q.m!.map((m) => m / (1 - 0.9 ** t)));
    expectClose(q.vhat!, q.Va!.map((v) => v / (1 - 0.999 ** t)));
    expectClose(row.step!, q.mhat!.map((m, i) => (-0.001 * m) / Math.sqrt(q.vhat![i]! + 1e-8)));
  });

  it('says when the run stopped before t, and shows its last point', () => {
    const run = runOf('sgd', settings({ lr: { ...paperSettings().lr, sgd: 0.1 } }), 200);
    const row = stateRow(run, 200);
    expect(row.stopped).toBe(true);
    expect(row.t).toBe(run.steps);
  });
});

describe('Adam without bias correction (the demonstration)', () => {
  for (const epsInsideSqrt of [true, false]) {
    it(`takes alpha m / D(V, eps) with m and V as they are (eps ${epsInsideSqrt ? 'inside' : 'outside'} the root)`, () => {
      const config = { kind: 'adam' as const, lr: 0.05, eps: 0.01, epsInsideSqrt };
      const opt = uncorrectedAdam(config);
      const state = opt.init(2);
      const theta = Float64Array.of(1, -2);
      const m = [0, 0];
      const v = [0, 0];
      const ref = [1, -2];
      for (let t = 1; t <= 6; t++) {
        const g = Float64Array.of(Math.sin(t), 0.3 * t);
        opt.step(theta, g, state);
        for (let i = 0; i < 2; i++) {
          m[i] = 0.9 * m[i]! + 0.1 * g[i]!;
          v[i] = 0.999 * v[i]! + 0.001 * g[i]! ** 2;
          const d = epsInsideSqrt ? Math.sqrt(v[i]! + 0.01) : Math.sqrt(v[i]!) + 0.01;
          ref[i]! -= (0.05 * m[i]!) / d;
        }
        expectClose(theta, ref, { atol: 1e-13, rtol: 1e-11 });
        expect(state.t).toBe(t);
      }
    });
  }

  it('starts slower than Adam: its first step is (1 - beta1) / sqrt(1 - beta2) times as long', () => {
    const a = createOptimizer({ kind: 'adam', lr: 0.01, eps: 0 });
    const b = uncorrectedAdam({ kind: 'adam', lr: 0.01, eps: 0 });
    const ta = Float64Array.of(0);
    const tb = Float64Array.of(0);
    a.step(ta, Float64Array.of(2), a.init(1));
    b.step(tb, Float64Array.of(2), b.init(1));
    expect(tb[0]! / ta[0]!).toBeCloseTo(0.1 / Math.sqrt(0.001), 6);
  });
});

describe('the overshoot', () => {
  it('is large for Momentum on the bowl with the paper’s values, and absent for SGD', () => {
    const m = approach(runOf('momentum', settings(), 300), bowl.objective)!;
    expect(m.target).toEqual([0, 0]);
    expect(m.overshoot).not.toBeNull();
    expect(m.overshoot!.by / m.distance).toBeGreaterThan(0.2);
    expect(m.s[m.overshoot!.t]).toBeCloseTo(-m.overshoot!.by, 12);
    expect(m.overshoot!.from).toBeLessThanOrEqual(m.overshoot!.t);
    expect(m.overshoot!.to).toBeGreaterThanOrEqual(m.overshoot!.t);
    expect(approach(runOf('sgd', settings(), 300), bowl.objective)!.overshoot).toBeNull();
  });
});

describe('eq. 15 as printed', () => {
  const c = printedComparison(settings(), bowl, bowl.start, 200);

  it('has moments 19 and 1999 times those of Adam with alpha x 19/sqrt(1999) and eps / 1999, which retraces its path', () => {
    expect(c.k1).toBeCloseTo(19, 12);
    expect(c.k2).toBeCloseTo(1999, 9);
    expect(c.scale).toBeCloseTo(0.42496, 5);
    expect(c.equivalentEps).toBeCloseTo(1e-8 / 1999, 20);
    expect(c.worstRatioError).toBeLessThan(1e-9);
    expect(c.worstPathGap).toBeLessThan(1e-9);
    expect(c.printed.diverged).toBeNull();
    expect(Math.max(...c.printed.states[200]!.m!.map(Math.abs))).toBeLessThan(1e3);
  });

  it('uses eps / sqrt(k2) when eps sits outside the root', () => {
    const outside = printedComparison(settings({ epsInsideSqrt: false, eps: 1e-3 }), bowl, bowl.start, 100);
    expect(outside.equivalentEps).toBeCloseTo(1e-3 / Math.sqrt(1999), 15);
    expect(outside.worstPathGap).toBeLessThan(1e-9);
  });
});
