/** The forward pass records every H^m, leaves the network unchanged, and uses batchnorm's running averages in inference mode. */
import { describe, expect, it } from 'vitest';
import { DivergenceError, createTrainer, forward, trainStep } from '../../src/model/index.ts';
import { AtlasError, tensor } from '../../src/tensor/index.ts';
import { randomTensor, seeded } from '../support/random.ts';
import { CLASSIFIER_2D, network, randomProbabilities } from './fixtures.ts';

describe('forward', () => {
  const net = network(CLASSIFIER_2D, [6, 6, 1, 1], 1);
  const x = randomTensor([4, 6, 6, 1, 1], seeded(2));

  it('records the output of every layer with its batch axis', () => {
    const pass = forward(net, x, { mode: 'train' });
    expect(pass.activations.map((a) => a.shape)).toEqual([
      [4, 6, 6, 1, 3],
      [4, 6, 6, 1, 3],
      [4, 6, 6, 1, 3],
      [4, 3, 3, 1, 3],
      [4, 27],
      [4, 3],
    ]);
    expect(pass.output).toBe(pass.activations.at(-1));
    expect(pass.caches).toHaveLength(6);
    // relu output is non-negative, and batchnorm's output has zero mean per map in train mode
    expect(Math.min(...pass.activations[2]!.data)).toBeGreaterThanOrEqual(0);
    const bn = pass.activations[1]!.data;
    const mean0 = bn.filter((_, i) => i % 3 === 0).reduce((s, v) => s + v, 0) / (bn.length / 3);
    expect(mean0).toBeCloseTo(0, 10);
  });

  it('returns the batch statistics in train mode without touching the running averages', () => {
    const before = net.running.bn1!.mean.data.slice();
    const pass = forward(net, x, { mode: 'train' });
    expect(pass.batchStats.bn1!.count).toBe(4 * 36);
    expect(net.running.bn1!.mean.data).toEqual(before);
    expect(forward(net, x, { mode: 'inference' }).batchStats).toEqual({});
  });

  it('uses the running averages in inference mode', () => {
    const a = forward(net, x, { mode: 'inference' }).output.data.slice();
    const saved = net.running.bn1!;
    net.running.bn1 = { mean: saved.mean, var: { shape: [3], data: Float64Array.of(4, 4, 4) } };
    const b = forward(net, x, { mode: 'inference' }).output.data;
    net.running.bn1 = saved;
    expect(b).not.toEqual(a);
  });

  it('refuses a batch of the wrong shape or an unknown mode', () => {
    expect(() => forward(net, tensor([4, 6, 6, 1, 2]), { mode: 'train' })).toThrow(
      'network: x must be a batch [n, 6, 6, 1, 1] with n >= 1, got [4, 6, 6, 1, 2]',
    );
    expect(() => forward(net, tensor([6, 6, 1, 1]), { mode: 'train' })).toThrow(/got \[6, 6, 1, 1\]/);
    expect(() => forward(net, x, { mode: 'eval' as 'train' })).toThrow('network: mode must be "train" or "inference", got "eval"');
  });

  it("wraps an op's refusal with the layer's index and name", () => {
    const broken = network(CLASSIFIER_2D, [6, 6, 1, 1], 1);
    const bad = tensor([4, 6, 6, 1, 1]);
    bad.data[3] = Number.NaN;
    try {
      forward(broken, bad, { mode: 'train' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AtlasError);
      expect((e as Error).message).toMatch(/^network: layer 0 \(conv c1\): conv: /);
    }
  });

  it('stops with a DivergenceError naming the layer when an output overflows', () => {
    const big = network(CLASSIFIER_2D, [6, 6, 1, 1], 1);
    big.params['fc1.w']!.data.fill(1e300);
    expect(() => forward(big, x, { mode: 'train' })).toThrow(DivergenceError);
    expect(() => forward(big, x, { mode: 'train' })).toThrow(/^training diverged: the output of layer 5 \(dense fc1\) holds/);
  });
});

describe('trainStep', () => {
  it('updates every parameter and folds the batch statistics into the running averages (momentum 0.1, unbiased var)', () => {
    const net = network(CLASSIFIER_2D, [4, 4, 1, 1], 1);
    const rng = seeded(3);
    const batch = { x: randomTensor([2, 4, 4, 1, 1], rng), target: randomProbabilities(2, 3, rng) };
    const stats = forward(net, batch.x, { mode: 'train' }).batchStats.bn1!;
    const before = Object.fromEntries(Object.entries(net.params).map(([k, t]) => [k, t.data.slice()]));
    const trainer = createTrainer(net, { kind: 'sgd', lr: 0.1 });
    const r = trainStep(net, trainer, batch, 'cross_entropy');
    for (const [name, t] of Object.entries(net.params)) {
      const expected = before[name]!.map((v, i) => v - 0.1 * r.gradients[name]!.data[i]!);
      expect([...t.data]).toEqual([...expected]);
    }
    const m = stats.count;
    expect(net.running.bn1!.mean.data[1]).toBeCloseTo(0.1 * stats.mean.data[1]!, 14);
    expect(net.running.bn1!.var.data[1]).toBeCloseTo(0.9 + 0.1 * stats.var.data[1]! * (m / (m - 1)), 14);
    expect(r.accuracy).not.toBeNull();
  });

  it('leaves the parameters as they were when the update overflows', () => {
    const net = network(CLASSIFIER_2D, [4, 4, 1, 1], 1);
    const rng = seeded(3);
    const batch = { x: randomTensor([2, 4, 4, 1, 1], rng), target: randomProbabilities(2, 3, rng) };
    const before = net.params['fc1.w']!.data.slice();
    const trainer = createTrainer(net, { kind: 'sgd', lr: 1e300 });
    expect(() => trainStep(net, trainer, batch, 'cross_entropy')).toThrow(/^training diverged: parameter c1\.w after the update holds/);
    expect(net.params['fc1.w']!.data).toEqual(before);
  });
});
