import { describe, expect, it } from 'vitest';
import { plainMultiplyAdd, runLength, segmentLength } from './peak.ts';
import { jsonLine, result, table } from './report.ts';
import { clockNow, median, timeInTurns } from './timing.ts';
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

  it('times CPU time of the process on the cpu clock: busy work counts, waiting does not', () => {
    const busy = (): void => {
      const end = clockNow('cpu') + 20;
      while (clockNow('cpu') < end);
    };
    const wait = (): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    const times = timeInTurns({ busy, wait }, { warmup: 0, rounds: 3 }, 'cpu');
    expect(times.busy).toBeGreaterThanOrEqual(20);
    expect(times.wait).toBeLessThan(5);
  });
});

describe('bench peak loop', () => {
  /** The documented formula, written plainly: tile t of sixteen outputs reads runs of a and b starting at ai(t) + i and bi(t) + j. */
  function expected(a: number[], b: number[], outputs: number, k: number): number[] {
    const seg = Math.min(k, a.length - 3, b.length - 3);
    const aLast = a.length - seg - 3;
    const bLast = b.length - seg - 3;
    const out: number[] = [];
    let ai = 0;
    let bi = 0;
    for (let o = 0; o < outputs; o++) {
      const i = (o % 16) >> 2;
      const j = o % 4;
      let sum = 0;
      for (let q = 0; q < k; q++) sum += a[ai + i + (q % seg)]! * b[bi + j + (q % seg)]!;
      out.push(sum);
      if (o % 16 === 15) {
        ai = ai + 4 > aLast ? 0 : ai + 4;
        bi = bi + 4 > bLast ? 0 : bi + 4;
      }
    }
    return out;
  }

  it('computes 4 x 4 tiles of dot products of sliding runs, the requested multiply-adds split over the outputs', () => {
    const a = Array.from({ length: 11 }, (_, i) => i + 1);
    const b = Array.from({ length: 9 }, (_, i) => (i % 3) - 1 + i / 10);
    const out = new Float64Array(16 * 3 + 5);
    const pass = { a: Float64Array.from(a), b: Float64Array.from(b), out, macs: 3 * out.length };
    expect(runLength(pass)).toBe(3);
    plainMultiplyAdd(pass);
    const want = expected(a, b, out.length, 3);
    // runs of a start at 0, 4, then back to 0 (a run of 3 from 4 + 3 ends past 11 - 3)
    expect(out[16]).toBeCloseTo(5 * b[0]! + 6 * b[1]! + 7 * b[2]!, 12);
    [...out].forEach((v, o) => expect(v).toBeCloseTo(want[o]!, 12));
  });

  it('goes over a shorter run again, in segments, when the runs of a tile do not fit an array', () => {
    const a = [1, 2, 3, 4, 5];
    const b = [2, -1, 3, 1, 0.5, 4];
    const out = new Float64Array(16 + 2);
    const pass = { a: Float64Array.from(a), b: Float64Array.from(b), out, macs: 7 * out.length };
    expect(runLength(pass)).toBe(7);
    expect(segmentLength(pass)).toBe(2);
    plainMultiplyAdd(pass);
    // 7 multiply-adds as segments of 2, 2, 2, 1 over a[i..i+1] and b[j..j+1]
    expect(out[5]).toBeCloseTo(3 * (2 * -1 + 3 * 3) + 2 * -1, 12);
    [...out].forEach((v, o) => expect(v).toBeCloseTo(expected(a, b, out.length, 7)[o]!, 12));
  });

  it('refuses arrays shorter than a tile', () => {
    expect(() => runLength({ a: new Float64Array(3), b: new Float64Array(9), out: new Float64Array(1), macs: 5 })).toThrow(
      'the tile needs arrays of at least 4 values, got 3 and 9',
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
    expect(names).toEqual(
      expect.arrayContaining(['conv-forward', 'conv-forward-backward', 'conv-forward-large', 'conv-forward-backward-large', 'train_step_geology']),
    );
    // every workload also as its own WebAssembly SIMD contestant
    for (const name of names.filter((n) => !n.endsWith('-simd'))) expect(names).toContain(`${name}-simd`);
  });
});
