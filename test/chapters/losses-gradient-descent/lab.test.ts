import { describe, expect, it } from 'vitest';
import { ParamError } from '../../../src/tensor/index.ts';
import { classification, regression, sectionTargets, SECTION_COUNT } from '../../../chapters/08-losses-gradient-descent/lab.ts';
import { curves, jitter, scheduleJob, updatesPerEpoch } from '../../../chapters/08-losses-gradient-descent/schedules.ts';
import type { TrainingView } from '../../../src/model/training-view.ts';

describe('the cross-entropy lab', () => {
  it('is −log p̂ of the true class, its terms add up to it and its gradient is p̂ − p', () => {
    const c = classification([1.2, 2, 0.4, -0.6], 'folded');
    const e = [1.2, 2, 0.4, -0.6].map(Math.exp);
    const z = e.reduce((a, b) => a + b, 0);
    expect(c.ce).toBeCloseTo(-Math.log(e[1]! / z), 12);
    expect(c.termSum).toBeCloseTo(c.ce, 12);
    c.rows.forEach((r, i) => {
      expect(r.phat).toBeCloseTo(e[i]! / z, 12);
      expect(r.grad).toBeCloseTo(r.phat - r.p, 12);
      expect(r.term).toBe(i === 1 ? c.ce : 0);
    });
  });

  it('stays finite when the true class gets a vanishing probability', () => {
    const c = classification([-10, 10, 10, 10], 'horizontal');
    expect(c.rows[0]!.phat).toBeLessThan(1e-8);
    expect(c.ce).toBeCloseTo(20 + Math.log(3 + Math.exp(-20)), 9);
    expect(Number.isFinite(c.termSum)).toBe(true);
  });

  it('does not change when every score moves by the same amount', () => {
    expect(classification([1, 2, 3, 4], 'channels').ce).toBeCloseTo(classification([6, 7, 8, 9], 'channels').ce, 12);
  });

  it('refuses a wrong number of scores', () => {
    expect(() => classification([1, 2], 'folded')).toThrow(ParamError);
  });
});

describe('the MSE lab', () => {
  it('averages the squared errors over P = 2 and returns 2 (ŷ − y) / P', () => {
    const { y } = sectionTargets(3);
    const r = regression([0.5, 20], 3);
    const sq = [(0.5 - y[0]) ** 2, (20 - y[1]) ** 2];
    expect(r.mse).toBeCloseTo((sq[0]! + sq[1]!) / 2, 12);
    expect(r.rows[1]!.grad).toBeCloseTo(20 - y[1], 12);
  });

  it('takes targets in range from every section, and refuses others', () => {
    for (let s = 1; s <= SECTION_COUNT; s++) {
      const { y } = sectionTargets(s);
      expect(y[0]).toBeGreaterThanOrEqual(0);
      expect(y[0]).toBeLessThanOrEqual(1);
      expect(y[1]).toBeGreaterThanOrEqual(0);
      expect(y[1]).toBeLessThanOrEqual(65);
    }
    expect(() => sectionTargets(0)).toThrow(ParamError);
  });
});

describe('the schedules job', () => {
  it('runs the three schedules with one optimizer, one seed and the chosen m', () => {
    const job = scheduleJob({ task: 'classes', lr: 0.1, batch: 8 });
    expect(job.runs.map((r) => r.schedule)).toEqual(['full-batch', 'stochastic', 'mini-batch']);
    expect(job.runs.every((r) => r.optimizer.kind === 'sgd' && r.optimizer.lr === 0.1)).toBe(true);
    expect(job.runs[2]!.batchSize).toBe(8);
    expect(job.loss).toBe('cross_entropy');
    expect(scheduleJob({ task: 'properties', lr: 0.1, batch: 8 }).loss).toBe('mse');
  });

  it('counts 1, n and ceil(n / m) updates per epoch', () => {
    expect(updatesPerEpoch('full-batch', 8)).toBe(1);
    expect(updatesPerEpoch('stochastic', 8)).toBe(48);
    expect(updatesPerEpoch('mini-batch', 10)).toBe(5);
  });

  it('refuses a batch that is another schedule and a learning rate that is not positive', () => {
    expect(() => scheduleJob({ task: 'classes', lr: 0.1, batch: 1 })).toThrow(/2 to 47/);
    expect(() => scheduleJob({ task: 'classes', lr: 0.1, batch: 48 })).toThrow(ParamError);
    expect(() => scheduleJob({ task: 'classes', lr: 0, batch: 8 })).toThrow(ParamError);
  });

  it('puts update i of a run at epoch i / updates per epoch, and measures the jitter', () => {
    const run = { id: 'stochastic', label: 'stochastic', batchesPerEpoch: 4, losses: Float64Array.from([4, 3, 2, 1]) };
    const [c] = curves({ runs: [run] } as unknown as TrainingView, 'epoch');
    expect(Array.from(c!.x)).toEqual([0.25, 0.5, 0.75, 1]);
    expect(Array.from(curves({ runs: [run] } as unknown as TrainingView, 'update')[0]!.x)).toEqual([1, 2, 3, 4]);
    expect(jitter([1, 3, 1, 3])).toBe(2);
    expect(jitter([1])).toBeNull();
  });
});
