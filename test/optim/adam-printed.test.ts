/**
 * Eq. 15 as printed, with (1 + beta) where Kingma & Ba have (1 - beta). The
 * moments become (1 + beta)/(1 - beta) times the corrected ones: bounded, but
 * the printed rule is the corrected one with a rescaled alpha and eps.
 */
import { describe, expect, it } from 'vitest';
import { createOptimizer, quadratic, rosenbrock, runTrajectory } from '../../src/optim/index.ts';
import { expectClose } from '../support/tolerance.ts';

describe('Adam as printed (adamAsPrinted: true)', () => {
  it('is off by default and runs (1 + beta) when asked', () => {
    expect(createOptimizer({ kind: 'adam', lr: 0.1 }).config).toMatchObject({ adamAsPrinted: false });
    const opt = createOptimizer({ kind: 'adam', lr: 0.1, adamAsPrinted: true });
    const state = opt.init(1);
    opt.step(Float64Array.of(0), Float64Array.of(2), state);
    // m = 1.9 * 2, v = 1.999 * 4 (the corrected rule would give 0.2 and 0.004)
    expectClose(state.m!, [3.8]);
    expectClose(state.v!, [7.996]);
  });

  it('inflates the moments by 19x and 1999x under a constant gradient, and they stay bounded', () => {
    const opt = createOptimizer({ kind: 'adam', lr: 1e-3, adamAsPrinted: true });
    const state = opt.init(1);
    const theta = Float64Array.of(0);
    for (let t = 0; t < 20000; t++) opt.step(theta, Float64Array.of(1), state);
    expectClose(state.m!, [19], { atol: 0, rtol: 1e-9 });
    expectClose(state.v!, [1999], { atol: 0, rtol: 1e-6 });
  });

  it('equals corrected Adam with alpha * 19 / sqrt(1999) and eps / 1999, step for step', () => {
    const k1 = 1.9 / 0.1;
    const k2 = 1.999 / 0.001;
    const f = rosenbrock();
    const printed = runTrajectory(createOptimizer({ kind: 'adam', lr: 0.02, eps: 1e-3, adamAsPrinted: true }), f, [-1.2, 1], 200);
    const rescaled = runTrajectory(createOptimizer({ kind: 'adam', lr: (0.02 * k1) / Math.sqrt(k2), eps: 1e-3 / k2 }), f, [-1.2, 1], 200);
    expectClose(printed.points, rescaled.points, { atol: 1e-9, rtol: 1e-7 });
  });

  it('therefore takes shorter steps than corrected Adam on the same surface', () => {
    const f = quadratic([[3, 0.4], [0.4, 0.5]], [1, -2]);
    const corrected = runTrajectory(createOptimizer({ kind: 'adam', lr: 0.05 }), f, [-2, 1.5], 1);
    const printed = runTrajectory(createOptimizer({ kind: 'adam', lr: 0.05, adamAsPrinted: true }), f, [-2, 1.5], 1);
    const step = (t: typeof corrected) => Math.hypot(t.points[2]! - t.points[0]!, t.points[3]! - t.points[1]!);
    expect(step(printed) / step(corrected)).toBeCloseTo(19 / Math.sqrt(1999), 6);
  });
});
