import { describe, expect, it } from 'vitest';
import { AtlasError, tensor } from '../../src/tensor/index.ts';
import { createTargetScaler, denormalizeTargets, normalizeTargets } from '../../src/data/scaler.ts';
import { expectClose } from '../support/tolerance.ts';

const TARGETS = tensor([4, 2], [0.1, 3, 0.4, 50, 0.25, 12, 0.6, 0]);

describe('target normalisation and its inverse', () => {
  it("maps the documented ranges onto [0, 1] with 'range'", () => {
    const scaler = createTargetScaler('range');
    expect(scaler).toEqual({ kind: 'range', offset: [0, 0], scale: [1, 65] });
    const n = normalizeTargets(tensor([2, 2], [0, 0, 1, 65]), scaler);
    expect([...n.data]).toEqual([0, 0, 1, 1]);
  });

  it("gives mean 0 and deviation 1 per target with 'zscore'", () => {
    const scaler = createTargetScaler('zscore', TARGETS);
    const n = normalizeTargets(TARGETS, scaler);
    for (const p of [0, 1]) {
      const col = [0, 1, 2, 3].map((i) => n.data[i * 2 + p]!);
      const mean = col.reduce((a, b) => a + b, 0) / 4;
      expect(mean).toBeCloseTo(0, 12);
      expect(col.reduce((a, b) => a + (b - mean) ** 2, 0) / 4).toBeCloseTo(1, 12);
    }
  });

  it('undoes the normalisation for display', () => {
    for (const scaler of [createTargetScaler('range'), createTargetScaler('zscore', TARGETS)]) {
      expectClose(denormalizeTargets(normalizeTargets(TARGETS, scaler), scaler).data, TARGETS.data);
    }
  });

  it('keeps a target that never varies finite (scale 1, not a division by zero)', () => {
    const flat = tensor([3, 2], [0.2, 4, 0.3, 4, 0.4, 4]);
    const scaler = createTargetScaler('zscore', flat);
    expect(scaler.scale[1]).toBe(1);
    expect([0, 1, 2].map((i) => normalizeTargets(flat, scaler).data[i * 2 + 1])).toEqual([0, 0, 0]);
  });

  it.each([
    [() => createTargetScaler('zscore'), 'param', "targets: a 'zscore' scaler needs the training targets to take their mean and deviation"],
    [() => createTargetScaler('zscore', tensor([1, 2], [0.1, 2])), 'shape', "targets: a 'zscore' scaler needs at least 2 samples, got 1"],
    [() => createTargetScaler('minmax' as never), 'param', 'targets: unknown scaler "minmax"; expected one of range, zscore'],
    [() => normalizeTargets(tensor([2, 3]), createTargetScaler('range')), 'shape', 'targets: targets must have shape [n, 2], got [2, 3]'],
    [() => denormalizeTargets(tensor([4]), createTargetScaler('range')), 'shape', 'targets: targets must have shape [n, 2], got [4]'],
  ])('refuses misuse (%#)', (fn, category, message) => {
    try {
      fn();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AtlasError);
      expect((e as AtlasError).category).toBe(category);
      expect((e as Error).message).toBe(message);
    }
  });
});
