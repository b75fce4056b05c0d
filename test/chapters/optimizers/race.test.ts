/** Chapter 9's race: the runs are src/optim's, the states are copies, blow-ups stop with a message. */
import { describe, expect, it } from 'vitest';
import { createOptimizer, runTrajectory } from '../../../src/optim/index.ts';
import { KINDS, paperSettings, runOne, runRace, runnersFor, pathTo, pointAt, type RaceSettings } from '../../../chapters/09-optimizers/race.ts';
import { SURFACES } from '../../../chapters/09-optimizers/surfaces.ts';
import { expectClose } from '../../support/tolerance.ts';

const bowl = SURFACES.bowl;
const settings = (patch: Partial<RaceSettings> = {}): RaceSettings => ({ ...paperSettings(), ...patch });

describe('the runners', () => {
  it('are the five optimizers with the paper’s values by default', () => {
    const runners = runnersFor(settings());
    expect(runners.map((r) => r.id)).toEqual(['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam']);
    expect(runners.map((r) => r.config.lr)).toEqual([0.01, 0.01, 0.01, 0.001, 0.001]);
    expect(runners.find((r) => r.id === 'momentum')!.config).toMatchObject({ gamma: 0.9 });
    expect(runners.find((r) => r.id === 'adam')!.config).toMatchObject({ beta1: 0.9, beta2: 0.999, eps: 1e-8, epsInsideSqrt: true });
  });

  it('add printed Adam and the demonstration without bias correction when asked', () => {
    const runners = runnersFor(settings({ adamPrinted: true, adamUncorrected: true }));
    expect(runners.slice(5).map((r) => [r.id, r.config.adamAsPrinted ?? false, r.biasCorrection])).toEqual([
      ['adam-printed', true, true],
      ['adam-uncorrected', false, false],
    ]);
  });

  it('refuse a race with nothing switched on', () => {
    const none = Object.fromEntries(KINDS.map((k) => [k, false])) as RaceSettings['enabled'];
    expect(() => runnersFor(settings({ enabled: none }))).toThrow('race: no optimizer is switched on');
  });
});

describe('a run', () => {
  it('is runTrajectory’s path, with a copy of the state after every update', () => {
    for (const runner of runnersFor(settings())) {
      const run = runOne(runner, bowl, bowl.start, 120);
      const reference = runTrajectory(createOptimizer(runner.config), bowl.objective, bowl.start, 120);
      expectClose(run.points, reference.points, { atol: 0, rtol: 0 });
      expect(run.states).toHaveLength(121);
      expect(run.grads).toHaveLength(120);
      expect(run.states[0]!.t).toBe(0);
      expect(run.states[120]!.t).toBe(120);
      // Copies: an early state is not the final one.
      if (run.states[1]!.velocity) expect(run.states[1]!.velocity).not.toEqual(run.states[120]!.velocity);
    }
  });

  it('records the gradient each update used, at the point before it', () => {
    const run = runOne(runnersFor(settings())[1]!, bowl, bowl.start, 10);
    const g = bowl.objective.gradient([run.points[6]!, run.points[7]!]);
    expectClose(run.grads[3]!, g);
  });

  it('stops with a message when the loss explodes, keeping only finite points before it', () => {
    const wild = runnersFor(settings({ lr: { ...paperSettings().lr, sgd: 0.1 } }))[0]!;
    const run = runOne(wild, bowl, bowl.start, 300);
    expect(run.diverged).toMatch(/^SGD diverged at update \d+: the loss jumped to .*; lower its α\.$/);
    expect(run.steps).toBeLessThan(300);
    expect(run.points.every(Number.isFinite)).toBe(true);
    expect(run.values.every((v) => v <= 1e4 * (run.values[0]! + 1))).toBe(true);
    expect(run.states).toHaveLength(run.steps + 1);
  });

  it('passes on runTrajectory’s own message when theta overflows', () => {
    // Rosenbrock with the paper's alpha = 0.01 overflows within a few updates.
    const run = runOne(runnersFor(settings())[0]!, SURFACES.rosenbrock, SURFACES.rosenbrock.start, 100);
    expect(run.diverged).toMatch(/^SGD (stopped|diverged)/);
    expect(run.points.every(Number.isFinite)).toBe(true);
  });

  it('shows the path up to update t, and the last point past the end', () => {
    const run = runRace(runnersFor(settings()), bowl, bowl.start, 50)[0]!;
    expect(pathTo(run, 10)).toHaveLength(22);
    expect(pointAt(run, 500)).toEqual([run.points[100], run.points[101]]);
  });
});

describe('the default race on the elongated bowl', () => {
  const runs = runRace(runnersFor(settings()), bowl, bowl.start, 300);
  it('runs every optimizer to the end without blowing up, and every one gets closer', () => {
    for (const run of runs) {
      expect(run.diverged).toBeNull();
      expect(run.values[300]!).toBeLessThan(run.values[0]! / 10);
    }
  });
});
