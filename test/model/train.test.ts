/** Eq. 11 in its three forms, on a separable problem: the loss falls, a seed reproduces the run, divergence ends it cleanly. */
import { describe, expect, it } from 'vitest';
import { epochBatches, evaluate, train, type Schedule, type TrainOptions, type TrainSnapshot } from '../../src/model/index.ts';
import { AtlasError } from '../../src/tensor/index.ts';
import { seeded } from '../support/random.ts';
import { LEFT_RIGHT_NET, leftRightImages, network } from './fixtures.ts';

const data = leftRightImages(16);

function run(options: Partial<TrainOptions> & { schedule: Schedule }, seed = 1): { snapshots: TrainSnapshot[]; net: ReturnType<typeof network> } {
  const net = network(LEFT_RIGHT_NET, [4, 4, 1, 1], seed, 'zeros');
  const snapshots = [...train(net, data, { loss: 'cross_entropy', optimizer: { kind: 'sgd', lr: 0.5 }, epochs: 15, seed: 9, ...options })];
  return { snapshots, net };
}

describe('training reduces the loss', () => {
  const before = evaluate(network(LEFT_RIGHT_NET, [4, 4, 1, 1], 1, 'zeros'), data, 'cross_entropy');

  it.each<[Schedule, Partial<TrainOptions>, number]>([
    ['full-batch', {}, 15],
    ['stochastic', { optimizer: { kind: 'sgd', lr: 0.05 } }, 15 * 16],
    ['mini-batch', { batchSize: 4, optimizer: { kind: 'momentum', lr: 0.1 } }, 15 * 4],
  ])('%s gradient descent', (schedule, options, updates) => {
    const { snapshots, net } = run({ schedule, ...options });
    expect(snapshots).toHaveLength(updates);
    expect(snapshots.at(-1)!.done).toBe(true);
    expect(snapshots.every((s) => s.diverged === null)).toBe(true);
    const after = evaluate(net, data, 'cross_entropy');
    expect(after.loss).toBeLessThan(0.5 * before.loss);
    expect(after.accuracy).toBe(1);
    const epochLosses = snapshots.filter((s) => s.epochLoss !== null).map((s) => s.epochLoss!);
    expect(epochLosses).toHaveLength(15);
    expect(epochLosses.at(-1)!).toBeLessThan(epochLosses[0]!);
  });

  it('with Adam too', () => {
    const { net } = run({ schedule: 'mini-batch', batchSize: 8, optimizer: { kind: 'adam', lr: 0.05 } });
    expect(evaluate(net, data, 'cross_entropy').loss).toBeLessThan(0.5 * before.loss);
  });
});

describe('snapshots', () => {
  it('count steps, epochs and batches, and are frozen', () => {
    const { snapshots } = run({ schedule: 'mini-batch', batchSize: 6, epochs: 2 });
    expect(snapshots.map((s) => [s.step, s.epoch, s.batch, s.batchSize, s.epochLoss !== null, s.done])).toEqual([
      [1, 0, 0, 6, false, false],
      [2, 0, 1, 6, false, false],
      [3, 0, 2, 4, true, false],
      [4, 1, 0, 6, false, false],
      [5, 1, 1, 6, false, false],
      [6, 1, 2, 4, true, true],
    ]);
    expect(Object.isFrozen(snapshots[0])).toBe(true);
    const [a, b, c] = snapshots;
    expect(c!.epochLoss).toBeCloseTo((6 * a!.loss! + 6 * b!.loss! + 4 * c!.loss!) / 16, 12);
  });

  it('report the batch accuracy for cross-entropy only', () => {
    const { snapshots } = run({ schedule: 'full-batch', epochs: 1 });
    expect(snapshots[0]!.accuracy).toBeGreaterThanOrEqual(0);
    const net = network([{ type: 'flatten' }, { type: 'dense', name: 'o', units: 2 }], [4, 4, 1, 1]);
    const [s] = train(net, data, { loss: 'mse', optimizer: { kind: 'sgd', lr: 0.01 }, schedule: 'full-batch', epochs: 1, seed: 1 });
    expect(s!.accuracy).toBeNull();
  });
});

describe('reproducibility', () => {
  it('gives an identical run for the same seeds', () => {
    const a = run({ schedule: 'stochastic', epochs: 3, optimizer: { kind: 'sgd', lr: 0.05 } });
    const b = run({ schedule: 'stochastic', epochs: 3, optimizer: { kind: 'sgd', lr: 0.05 } });
    expect(b.snapshots).toEqual(a.snapshots);
    for (const name of Object.keys(a.net.params)) expect(b.net.params[name]!.data).toEqual(a.net.params[name]!.data);
  });

  it('visits the samples in another order for another shuffle seed', () => {
    const a = run({ schedule: 'stochastic', epochs: 1, seed: 1 });
    const b = run({ schedule: 'stochastic', epochs: 1, seed: 2 });
    expect(b.snapshots.map((s) => s.loss)).not.toEqual(a.snapshots.map((s) => s.loss));
  });

  it('covers every sample once per epoch in each schedule', () => {
    const rng = seeded(4);
    for (const [schedule, m] of [['full-batch', undefined], ['stochastic', undefined], ['mini-batch', 3]] as const) {
      const batches = epochBatches(10, schedule, m, rng);
      expect([...batches.flatMap((b) => [...b])].sort((p, q) => p - q)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
    expect(epochBatches(10, 'mini-batch', 3, rng).map((b) => b.length)).toEqual([3, 3, 3, 1]);
  });
});

describe('divergence', () => {
  it('ends with a message and finite parameters when the learning rate is far too large', () => {
    const { snapshots, net } = run({ schedule: 'full-batch', epochs: 200, optimizer: { kind: 'sgd', lr: 1e80 } });
    const last = snapshots.at(-1)!;
    expect(snapshots.length).toBeLessThan(200);
    expect(last.done).toBe(true);
    expect(last.diverged).toMatch(/^training diverged: .* holds .*; lower the learning rate \(at update \d+, epoch \d+\)$/);
    expect(snapshots.slice(0, -1).every((s) => s.diverged === null && Number.isFinite(s.loss))).toBe(true);
    for (const t of Object.values(net.params)) expect(t.data.every(Number.isFinite)).toBe(true);
  });

  it('reports a null loss when the very first update diverges', () => {
    const { snapshots } = run({ schedule: 'full-batch', optimizer: { kind: 'sgd', lr: 1e300 } });
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ step: 0, loss: null, done: true, diverged: expect.stringMatching(/after the update holds .* \(at update 1, epoch 1\)$/) });
  });

  it('catches a loss that grows step after step before it overflows (linear regression, lr beyond 2 / lambda_max)', () => {
    const net = network([{ type: 'flatten' }, { type: 'dense', name: 'o', units: 2 }], [4, 4, 1, 1]);
    const snapshots = [...train(net, data, { loss: 'mse', optimizer: { kind: 'sgd', lr: 3 }, schedule: 'full-batch', epochs: 2000, seed: 1 })];
    const losses = snapshots.slice(0, -1).map((s) => s.loss);
    expect(losses.length).toBeGreaterThan(20);
    expect(losses.at(-1)!).toBeGreaterThan(1e100);
    expect(snapshots.at(-1)!.diverged).toMatch(/^training diverged: the gradient of (the input of layer 1 \(dense o\)|o\.w|o\.b) holds/);
    expect(net.params['o.w']!.data.every((v) => Math.abs(v) <= 1e150)).toBe(true);
  });
});

describe('options', () => {
  it.each<[Partial<TrainOptions>, RegExp]>([
    [{ schedule: 'mini-batch' }, /^train: batchSize must be an integer of at least 1, got undefined$/],
    [{ schedule: 'online' as Schedule }, /^train: unknown schedule "online"/],
    [{ schedule: 'full-batch', epochs: 0 }, /^train: epochs must be an integer of at least 1, got 0$/],
    [{ schedule: 'full-batch', loss: 'hinge' as 'mse' }, /^train: unknown loss kind "hinge"/],
    [{ schedule: 'full-batch', optimizer: { kind: 'sgd', lr: -1 } }, /^sgd: learning rate lr must lie in \(0, inf\), got -1$/],
  ])('refuses %o', (options, message) => {
    try {
      run(options as TrainOptions);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AtlasError);
      expect((e as Error).message).toMatch(message);
    }
  });

  it('refuses x and target of different lengths', () => {
    const net = network(LEFT_RIGHT_NET, [4, 4, 1, 1]);
    const bad = { x: data.x, target: { shape: [3, 2], data: new Float64Array(6) } };
    expect(() => [...train(net, bad, { loss: 'mse', optimizer: { kind: 'sgd', lr: 1 }, schedule: 'full-batch', epochs: 1, seed: 1 })]).toThrow(
      'train: x and target must hold the same number N >= 1 of samples, got x [16, 4, 4, 1, 1] and target [3, 2]',
    );
  });
});
