import { describe, expect, it } from 'vitest';
import { AtlasError, createRng } from '../../src/tensor/index.ts';
import { FACIES_COUNT } from '../../src/data/facies.ts';
import { flipCells, gaussianDeviate, resolveNoise } from '../../src/data/noise.ts';

function grid(n: number): Uint8Array {
  const g = new Uint8Array(n);
  for (let i = 0; i < n; i++) g[i] = (i * 7) % FACIES_COUNT;
  return g;
}

describe('noise', () => {
  it('flips exactly round(fraction * cells) cells, each to a different facies, leaving the input alone', () => {
    const clean = grid(4096);
    const before = clean.slice();
    for (const fraction of [0.001, 0.05, 0.3, 0.5]) {
      const noisy = flipCells(clean, fraction, createRng(9));
      let changed = 0;
      for (let i = 0; i < clean.length; i++) {
        expect(noisy[i]).toBeLessThan(FACIES_COUNT);
        if (noisy[i] !== clean[i]) changed++;
      }
      expect(changed).toBe(Math.round(fraction * clean.length));
    }
    expect(clean).toEqual(before);
    expect(flipCells(clean, 0, createRng(9))).toEqual(clean);
  });

  it('flips to the other facies evenly and reproducibly', () => {
    const clean = new Uint8Array(30000);
    const noisy = flipCells(clean, 0.5, createRng(4));
    const counts = [0, 0, 0, 0];
    noisy.forEach((f) => counts[f]!++);
    expect(counts[0]).toBe(15000);
    for (const f of [1, 2, 3]) expect(counts[f]! / 15000).toBeCloseTo(1 / 3, 1);
    expect(flipCells(clean, 0.5, createRng(4))).toEqual(noisy);
    expect(flipCells(clean, 0.5, createRng(5))).not.toEqual(noisy);
  });

  it('draws measurement noise with mean 0, variance 1, bounded at 2 sqrt(3)', () => {
    const rng = createRng(2);
    let sum = 0;
    let sq = 0;
    let max = 0;
    const n = 200000;
    for (let i = 0; i < n; i++) {
      const g = gaussianDeviate(rng);
      sum += g;
      sq += g * g;
      max = Math.max(max, Math.abs(g));
    }
    expect(sum / n).toBeCloseTo(0, 2);
    expect(sq / n).toBeCloseTo(1, 1);
    expect(max).toBeLessThanOrEqual(2 * Math.sqrt(3));
  });

  it('accepts no noise, and flip and gaussian within their ranges', () => {
    expect(resolveNoise('dataset', undefined)).toEqual({ flip: 0, gaussian: 0 });
    expect(resolveNoise('dataset', { flip: 0.1 })).toEqual({ flip: 0.1, gaussian: 0 });
    expect(resolveNoise('dataset', { gaussian: 1, flip: 0.5 })).toEqual({ flip: 0.5, gaussian: 1 });
  });

  it.each([
    [0.1, 'dataset: noise must be an object {flip, gaussian}, got 0.1'],
    [{ flips: 0.1 }, 'dataset: unknown noise option "flips"; expected flip, gaussian'],
    [{ flip: 0.6 }, 'dataset: noise.flip must lie in [0, 0.5], got 0.6'],
    [{ gaussian: -0.1 }, 'dataset: noise.gaussian must lie in [0, 1], got -0.1'],
    [{ flip: Number.NaN }, 'dataset: noise.flip must be a finite number, got NaN'],
  ])('refuses noise %j', (noise, message) => {
    try {
      resolveNoise('dataset', noise);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AtlasError);
      expect((e as AtlasError).category).toBe('param');
      expect((e as Error).message).toBe(message);
    }
  });
});
