import { describe, expect, it } from 'vitest';
import { plainMultiplyAdd, runLength } from './peak.ts';
import { jsonLine, result, table } from './report.ts';
import { median, timeInTurns } from './timing.ts';
import { WORKLOADS } from './workloads/index.ts';

describe('bench timing', () => {
  it('takes the median of odd and even sample counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/no samples/);
  });

  it('warms every contestant up, then times each once per round', () => {
    const calls = { a: 0, b: 0 };
    const times = timeInTurns({ a: () => void calls.a++, b: () => void calls.b++ }, { warmup: 2, rounds: 5 });
    expect(calls).toEqual({ a: 7, b: 7 });
    expect(Object.keys(times)).toEqual(['a', 'b']);
    expect(times.a).toBeGreaterThanOrEqual(0);
  });
});

describe('bench peak loop', () => {
  it('writes the dot product of sliding runs, the requested multiply-adds split over the outputs', () => {
    const a = Float64Array.from([1, 2, 3, 4]);
    const b = Float64Array.from([1, 10, 100, 1000]);
    const out = new Float64Array(3);
    const pass = { a, b, out, macs: 6 };
    expect(runLength(pass)).toBe(2);
    plainMultiplyAdd(pass);
    // runs of a start at 0, 1, 2; runs of b at 0, 2, then back to 0
    expect([...out]).toEqual([1 * 1 + 2 * 10, 2 * 100 + 3 * 1000, 3 * 1 + 4 * 10]);
  });

  it('refuses a run longer than an array', () => {
    expect(() => runLength({ a: new Float64Array(3), b: new Float64Array(9), out: new Float64Array(1), macs: 5 })).toThrow(
      'a run of 5 multiply-adds does not fit arrays of 3 and 9 values',
    );
  });
});

describe('bench report', () => {
  it('prints one JSON object per workload with ratio = tfjs / ours and the fraction of the plain loop', () => {
    const r = result('conv-forward', 'a layer', { ours: 10, tfjs: 45, peak: 20 });
    expect(JSON.parse(jsonLine(r))).toEqual({ workload: 'conv-forward', ours_ms: 10, tfjs_ms: 45, ratio: 4.5, peak_ms: 20, peak_fraction: 2 });
    expect(JSON.parse(jsonLine(result('step', 'no peak', { ours: 3, tfjs: 1 })))).toEqual({ workload: 'step', ours_ms: 3, tfjs_ms: 1, ratio: 0.333 });
  });

  it('prints a table with a row and a description per workload', () => {
    const text = table([result('conv-forward', 'a layer', { ours: 10, tfjs: 45, peak: 20 })]);
    expect(text).toMatch(/conv-forward\s+10\.00\s+45\.00\s+4\.50x\s+20\.00\s+200%/);
    expect(text).toContain('conv-forward: a layer');
  });

  it('lists workloads under distinct names', () => {
    const names = WORKLOADS.map((w) => w.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['conv-forward', 'conv-forward-backward']));
  });
});
