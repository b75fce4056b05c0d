/** The per-layer histograms' axes and text alternative (chapter 10). */
import { describe, expect, test } from 'vitest';
import { describeLayerHistograms } from '../../../chapters/10-initialization/describe.ts';
import { layerDomain } from '../../../chapters/10-initialization/layer-histograms.ts';
import { BATCH, runStack, WIDTH } from '../../../chapters/10-initialization/stack.ts';

describe('per-layer histograms', () => {
  test('Sigmoid and TanH layers share their function’s range; ReLU layers run from 0 to their largest value', () => {
    const relu = runStack({ sigma: 2, kind: 'relu', depth: 4, bias: 'zeros', seed: 3 });
    const tanh = runStack({ sigma: 2, kind: 'tanh', depth: 4, bias: 'zeros', seed: 3 });
    const sigmoid = runStack({ sigma: 0.1, kind: 'sigmoid', depth: 4, bias: 'ones', seed: 3 });
    for (const l of tanh.layers) expect(layerDomain('tanh', l)).toEqual([-1, 1]);
    for (const l of sigmoid.layers) expect(layerDomain('sigmoid', l)).toEqual([0, 1]);
    for (const l of relu.layers) {
      const [lo, hi] = layerDomain('relu', l);
      expect(lo).toBe(0);
      expect(hi).toBeGreaterThanOrEqual(l.maxAbs);
      expect(hi).toBeLessThan(l.maxAbs * 2);
    }
    // Exploding ReLU activations: each layer's axis reaches further than the one before.
    const ends = relu.layers.map((l) => layerDomain('relu', l)[1]);
    for (let i = 1; i < ends.length; i++) expect(ends[i]).toBeGreaterThan(ends[i - 1]!);
  });

  test('a layer of zeros still gets an axis', () => {
    const dead = runStack({ sigma: 0.001, kind: 'relu', depth: 3, bias: 'zeros', seed: 1 });
    const zero = { ...dead.layers[0]!, maxAbs: 0, values: new Float64Array(BATCH * WIDTH) };
    expect(layerDomain('relu', zero)).toEqual([0, 1]);
  });

  test('the text alternative names every layer with its range and spread, in numbers a reader can read', () => {
    const result = runStack({ sigma: 0.01, kind: 'tanh', depth: 3, bias: 'zeros', seed: 2 });
    const text = describeLayerHistograms(result);
    expect(text).toMatch(/^Histograms of the TanH activations of each layer, 2\s?048 values per layer \(32 inputs × 64 units\): layer 1 from /);
    expect(text).toMatch(/layer 3 from .+ to .+, spread /);
    expect(text).not.toMatch(/NaN|Infinity/);
  });
});
