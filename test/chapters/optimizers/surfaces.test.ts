/** Chapter 9's surfaces, the series its charts draw and the CNN race's job. */
import { describe, expect, it } from 'vitest';
import { readJob } from '../../../src/model/worker-protocol-job.ts';
import { cnnJob } from '../../../chapters/09-optimizers/cnn-job.ts';
import { KINDS, paperSettings, runOne, runRace, runnersFor, type RaceSettings } from '../../../chapters/09-optimizers/race.ts';
import { denominatorSeries, lossGapSeries, momentSeries, rateSeries, visitedS } from '../../../chapters/09-optimizers/series.ts';
import { SURFACES, SURFACE_KEYS, nearestMinimum, sampleSurface, surfaceGrids, windowFor } from '../../../chapters/09-optimizers/surfaces.ts';

const settings = (patch: Partial<RaceSettings> = {}): RaceSettings => ({ ...paperSettings(), ...patch });

describe('the surfaces', () => {
  it.each(SURFACE_KEYS)('%s: the start lies in the window, and the window holds a minimum', (key) => {
    const s = SURFACES[key];
    const [[x0, x1], [y0, y1]] = s.window;
    expect(s.start[0]).toBeGreaterThan(x0);
    expect(s.start[0]).toBeLessThan(x1);
    expect(s.start[1]).toBeGreaterThan(y0);
    expect(s.start[1]).toBeLessThan(y1);
    expect(s.objective.minima.some(([x, y]) => x! > x0 && x! < x1 && y! > y0 && y! < y1)).toBe(true);
    expect(s.fStar).toBe(Math.min(...s.objective.minima.map((p) => s.objective.value(p))));
  });

  it.each(SURFACE_KEYS)('%s: the tuned learning rates bring every optimizer close to a minimum', (key) => {
    const s = SURFACES[key];
    const lr = Object.fromEntries(KINDS.map((k) => [k, 10 ** s.tuned.lr[k]])) as RaceSettings['lr'];
    for (const run of runRace(runnersFor(settings({ lr })), s, s.start, s.tuned.steps)) {
      expect(run.diverged, run.runner.id).toBeNull();
      expect(run.values[run.steps]! - s.fStar, run.runner.id).toBeLessThan(0.1);
    }
  });

  it('widens the window to hold a start outside it, and leaves it alone otherwise', () => {
    const bowl = SURFACES.bowl;
    expect(windowFor(bowl, bowl.start)).toEqual([[-0.4, 0.4], [-0.24, 0.24]]);
    const wide = windowFor(bowl, [2, -1]);
    expect(wide[0][1]).toBeCloseTo(2 + 0.08 * 0.8, 12);
    expect(wide[1][0]).toBeCloseTo(-1 - 0.08 * 0.48, 12);
  });

  it('keeps the grid while the start moves inside the window, and samples a new one for a new window or surface', () => {
    const grids = surfaceGrids();
    const bowl = SURFACES.bowl;
    const first = grids(bowl, bowl.start);
    expect(first).toEqual(sampleSurface(bowl.objective, windowFor(bowl, bowl.start)));
    expect(grids(bowl, [0.1, -0.1])).toBe(first);
    const wide = grids(bowl, [2, -1]);
    expect(wide).not.toBe(first);
    expect(wide).toEqual(sampleSurface(bowl.objective, windowFor(bowl, [2, -1])));
    const other = grids(SURFACES.rosenbrock, bowl.start);
    expect(other).toEqual(sampleSurface(SURFACES.rosenbrock.objective, windowFor(SURFACES.rosenbrock, bowl.start)));
    expect(grids(bowl, bowl.start)).not.toBe(first);
  });

  it('samples f on the grid, x fastest', () => {
    const s = SURFACES.rosenbrock;
    const g = sampleSurface(s.objective, s.window, 5);
    expect(g.values[0]).toBe(s.objective.value([-2, -1]));
    expect(g.values[4]).toBe(s.objective.value([2, -1]));
    expect(g.values[5 * 4]).toBe(s.objective.value([-2, 3]));
  });

  it('finds the nearest known minimum', () => {
    expect(nearestMinimum(SURFACES.himmelblau.objective, [-3, 3])).toEqual([-2.805118, 3.131312]);
  });
});

describe('the chart series', () => {
  const bowl = SURFACES.bowl;
  const runs = runRace(runnersFor(settings()), bowl, bowl.start, 100);

  it('loss gaps start at the height above the minimum', () => {
    const data = lossGapSeries(runs, bowl.fStar, 40, 100);
    expect(data.series).toHaveLength(5);
    expect(data.series[0]!.y[0]).toBeCloseTo(bowl.objective.value(bowl.start), 12);
    expect(data.band!.label).toBe('t = 40');
  });

  it('AdaGrad’s rate only shrinks; RMSProp’s does not have to', () => {
    const data = rateSeries(runs[2]!, runs[3]!);
    const adagrad = data.series[0]!.y;
    for (let k = 1; k < adagrad.length; k++) expect(adagrad[k]!).toBeLessThanOrEqual(adagrad[k - 1]!);
    expect(adagrad[0]).toBeCloseTo(0.01 / Math.sqrt(bowl.objective.gradient(bowl.start)[0]! ** 2 + 1e-8), 12);
    expect(data.series.map((s) => s.name)).toEqual(['AdaGrad, θ₁', 'AdaGrad, θ₂', 'RMSProp, θ₁', 'RMSProp, θ₂']);
  });

  it('Adam’s m-hat equals the gradient at the first update, while m is a tenth of it', () => {
    const m = momentSeries(runs[4]!, 0);
    const [g, raw, hat] = m.first.series;
    expect(hat!.y[0]).toBeCloseTo(g!.y[0]!, 12);
    expect(raw!.y[0]).toBeCloseTo(0.1 * g!.y[0]!, 12);
    const [g2, v, vhat] = m.second.series;
    expect(vhat!.y[0]).toBeCloseTo(g2!.y[0]!, 12);
    expect(v!.y[0]).toBeCloseTo(0.001 * g2!.y[0]!, 15);
  });

  it('the denominator: eps inside the root floors it at sqrt(eps), outside at eps', () => {
    const data = denominatorSeries(1e-4, null);
    const [inside, outside] = data.series;
    expect(inside!.y[0]).toBeCloseTo(Math.sqrt(1e-14 + 1e-4), 12);
    expect(outside!.y[0]).toBeCloseTo(1e-7 + 1e-4, 12);
  });

  it('the visited sizes of G, E[g^2] and V-hat span the adaptive runs', () => {
    const [lo, hi] = visitedS(runs)!;
    expect(lo).toBeLessThan(hi);
    const G = runs[2]!.states[100]!.accumulated!;
    expect(hi).toBeGreaterThanOrEqual(Math.log10(Math.max(...G)) - 1e-12);
    expect(visitedS([runs[0]!])).toBeNull();
  });

  it('a diverged run is drawn up to its last finite point', () => {
    const wild = runOne(runnersFor(settings({ lr: { ...paperSettings().lr, sgd: 0.1 } }))[0]!, bowl, bowl.start, 100);
    const data = lossGapSeries([wild], 0, 100, 100);
    expect(Array.from(data.series[0]!.y).every(Number.isFinite)).toBe(true);
  });
});

describe('the CNN race job', () => {
  it('is one run per optimizer switched on, from one seed, and passes the worker’s checks', () => {
    const job = cnnJob(settings({ adamPrinted: true, adamUncorrected: true }));
    expect(job.runs.map((r) => r.id)).toEqual(['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam', 'adam-printed']);
    expect(job.runs[5]!.optimizer.adamAsPrinted).toBe(true);
    expect(job.startPaused).toBe(true);
    expect(() => readJob(JSON.parse(JSON.stringify(job)), 'job')).not.toThrow();
  });

  it('refuses a race without one of the five', () => {
    const none = Object.fromEntries(KINDS.map((k) => [k, false])) as RaceSettings['enabled'];
    expect(() => cnnJob(settings({ enabled: none, adamUncorrected: true }))).toThrow(/the CNN race needs one of the five/);
  });
});
