/** The soak's verdict: the last sample against the baseline, with 10% to spare; the table and JSON lines. */
import { describe, expect, it } from 'vitest';
import { METRICS, formatResult, jsonLines, judge, type Metric, type Sample } from './soak.ts';

const values = (patch: Partial<Record<Metric, number>> = {}): Record<Metric, number> => ({
  ...(Object.fromEntries(METRICS.map((m) => [m, 100])) as Record<Metric, number>),
  ...patch,
});
const sample = (t: number, patch: Partial<Record<Metric, number>> = {}, work = t): Sample => ({ t, work, values: values(patch) });

describe('judge', () => {
  it('passes when every figure ends within 10% of the baseline, even after a higher peak', () => {
    const r = judge('x', [sample(0, { heapMB: 50 }), sample(60, { heapMB: 100 }), sample(90, { heapMB: 140 }), sample(120, { heapMB: 109.9 })], (s) => s.t >= 60);
    expect(r.baselineIndex).toBe(1);
    expect(r.ok).toBe(true);
    const heap = r.verdicts.find((v) => v.metric === 'heapMB')!;
    expect(heap).toMatchObject({ baseline: 100, last: 109.9, max: 140, ok: true });
    expect(heap.growth).toBeCloseTo(0.099, 6);
  });

  it('fails the figure that ends more than 10% above, and only it', () => {
    const r = judge('x', [sample(0), sample(60), sample(120, { geometries: 111 })], (s) => s.t >= 60);
    expect(r.ok).toBe(false);
    expect(r.verdicts.filter((v) => !v.ok).map((v) => v.metric)).toEqual(['geometries']);
  });

  it('a figure that falls is not a leak', () => {
    const r = judge('x', [sample(0), sample(60), sample(120, { nodes: 10 })], (s) => s.t >= 60);
    expect(r.ok).toBe(true);
  });

  it('a count of 0 at the baseline must stay 0', () => {
    const grows = judge('x', [sample(0, { textures: 0 }), sample(60, { textures: 1 })], () => true);
    expect(grows.verdicts.find((v) => v.metric === 'textures')).toMatchObject({ ok: false, growth: Infinity });
    const stays = judge('x', [sample(0, { textures: 0 }), sample(60, { textures: 0 })], () => true);
    expect(stays.verdicts.find((v) => v.metric === 'textures')).toMatchObject({ ok: true, growth: 0 });
  });

  it('without a sample past the baseline mark, the one before the last is the baseline', () => {
    expect(judge('x', [sample(0), sample(10), sample(20)], (s) => s.t >= 600).baselineIndex).toBe(1);
    expect(judge('x', [sample(0), sample(10), sample(20)], (s) => s.t >= 20).baselineIndex).toBe(1);
  });

  it('refuses to judge fewer than two samples', () => {
    expect(() => judge('x', [sample(0)], () => true)).toThrow(/fewer than two/);
  });
});

describe('reporting', () => {
  const r = judge('sliders', [sample(0, {}, 0), sample(15_000, {}, 50), sample(30_000, { heapMB: 200 }, 200)], (s) => s.work >= 50);

  it('prints a row per sample, the baseline starred, and a verdict per figure', () => {
    const text = formatResult(r);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^sliders .*\+10%/);
    expect(lines[1]).toMatch(/t \(s\) +work +heapMB +nodes +listeners +geometries +textures +programs +calls/);
    expect(lines[3]).toMatch(/^ *15\* +50 /);
    expect(text).toMatch(/FAIL heapMB: 100 at the baseline, 200 at the end \(\+100\.0%\), peak 200/);
    expect(text).toMatch(/ok {3}nodes: 100 at the baseline, 100 at the end \(\+0\.0%\)/);
  });

  it('writes one JSON object per sample, then the verdict', () => {
    const lines = jsonLines(r).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatchObject({ soak: 'sliders', t: 15_000, work: 50, baseline: true, heapMB: 100 });
    expect(lines[3]).toMatchObject({ soak: 'sliders', ok: false });
  });
});
