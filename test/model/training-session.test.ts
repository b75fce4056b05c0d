/** The training state machine in Node: commands, time slices, progress rate, reproducibility, divergence, inspection. */
import { describe, expect, it } from 'vitest';
import { createNetwork, train } from '../../src/model/index.ts';
import { loadSimdKernel, useKernel } from '../../src/nn/conv.ts';
import { orderSeed } from '../../src/model/training-job.ts';
import type { ProgressMessage, RunProgress, TrainingJob } from '../../src/model/worker-protocol.ts';
import { createRng } from '../../src/tensor/index.ts';
import { harness, numbersIn, typedArraysIn, type Harness } from './session-harness.ts';
import { LEFT_RIGHT_NET } from './fixtures.ts';
import { LEFT_RIGHT_BN_NET, RACE, SGD_RUN, TRAIN, VALIDATION, start } from './training-jobs.ts';

/** The batch losses of one run, in update order, from every progress message. */
function lossesOf(h: Harness, runId: string): number[] {
  const out: number[] = [];
  for (const p of h.of('progress')) {
    const r = p.runs.find((run) => run.id === runId)!;
    expect(r.firstStep).toBe(out.length + 1);
    out.push(...r.losses);
  }
  return out;
}

function last(h: Harness): ProgressMessage {
  return h.of('progress').at(-1)!;
}

function runOf(p: ProgressMessage, id = 'sgd'): RunProgress {
  return p.runs.find((r) => r.id === id)!;
}

function errors(h: Harness) {
  return h.of('error');
}

describe('malformed or impossible messages', () => {
  it('get an error reply and leave the session working', () => {
    const h = harness();
    for (const bad of [undefined, null, 42, 'start', { type: 'nope' }, { type: 'start', jobId: 'x', job: { epochs: 1 } }]) h.session.handle(bad);
    expect(errors(h).map((e) => e.kind)).toEqual(['message', 'message', 'message', 'message', 'message', 'message']);
    expect(errors(h).at(-1)).toMatchObject({ jobId: 'x', requestId: null, message: 'start: job.runs must be a list of 1 to 8 items, got undefined' });
    h.session.handle(start('ok'));
    expect(h.of('started')).toHaveLength(1);
    h.drain();
    expect(h.of('done')).toMatchObject([{ jobId: 'ok', reason: 'finished' }]);
  });

  it.each<[string, Partial<TrainingJob>, RegExp]>([
    ['a layer that cannot fit', { network: { layers: [{ type: 'conv', name: 'c1', size: [5, 5, 1], filters: 1 }, { type: 'flatten' }, { type: 'dense', name: 'fc', units: 2 }], inputShape: [4, 4, 1, 1] } }, /network: layer 0 \(conv c1\): conv/],
    ['data of another input shape', { network: { layers: LEFT_RIGHT_NET, inputShape: [4, 4, 1, 2] } }, /data: train.x must have shape \[16, 4, 4, 1, 2\], got \[16, 4, 4, 1, 1\]/],
    ['targets of another width', { network: { layers: [{ type: 'flatten' }, { type: 'dense', name: 'fc', units: 3 }], inputShape: [4, 4, 1, 1] } }, /data: train.target must have shape \[16, 3\], got \[16, 2\]/],
    ['targets that are not probabilities', { data: { kind: 'tensors', train: { x: TRAIN.x, target: { shape: TRAIN.target.shape, data: TRAIN.target.data.map((v) => 2 * v) } } } }, /train.target row 0 must sum to 1 for cross_entropy/],
    ['an unknown generator', { data: { kind: 'generated', generator: 'weather', options: {} } }, /no data generator named "weather"; this worker has none/],
    ['a snapshot of a sample past the end', { snapshots: { every: 1, sample: { set: 'train', index: 16 } } }, /sample 16 is outside the train set of 16/],
    ['a validation sample without a validation set', { snapshots: { every: 1, sample: { set: 'validation', index: 0 } } }, /the job has none/],
    ['class names that do not match the output', { data: { kind: 'tensors', train: TRAIN, classNames: ['a', 'b', 'c'] } }, /3 class names for an output of 2 values/],
  ])('refuses a job with %s', (_, patch, expected) => {
    const h = harness();
    h.session.handle(start('bad', patch));
    expect(errors(h)).toMatchObject([{ jobId: 'bad', kind: 'job', message: expect.stringMatching(expected) }]);
    expect(h.of('started')).toHaveLength(0);
    expect(h.session.state).toBeNull();
  });

  it('answers a command for another job with a state error', () => {
    const h = harness();
    h.session.handle({ type: 'pause', jobId: 'ghost' });
    h.session.handle(start('real', { startPaused: true }));
    h.session.handle({ type: 'inspect', jobId: 'ghost', requestId: 9, sample: { set: 'train', index: 0 } });
    expect(errors(h)).toMatchObject([
      { kind: 'state', jobId: 'ghost', message: 'pause: no job "ghost" here (the worker has no job)' },
      { kind: 'state', jobId: 'ghost', requestId: 9, message: 'inspect: no job "ghost" here (the worker is on "real")' },
    ]);
  });

  it('answers ping with pong, with or without a job', () => {
    const h = harness();
    h.session.handle({ type: 'ping', seq: 3 });
    h.session.handle(start('a'));
    h.session.handle({ type: 'ping', seq: 4 });
    expect(h.of('pong')).toEqual([{ type: 'pong', seq: 3 }, { type: 'pong', seq: 4 }]);
  });
});

describe('pause, resume, step', () => {
  it('a job started paused does nothing until told', () => {
    const h = harness();
    h.session.handle(start('a', { startPaused: true }));
    expect(h.drain()).toBe(0);
    expect(h.session.state).toBe('paused');
    expect(runOf(last(h)).step).toBe(0);
    expect(last(h).state).toBe('paused');
  });

  it('step makes exactly one update of every run and reports it at once', () => {
    const h = harness();
    h.session.handle(start('a', { startPaused: true, runs: RACE }));
    h.session.handle({ type: 'step', jobId: 'a' });
    expect(h.drain()).toBe(0);
    const p = last(h);
    expect(p.state).toBe('paused');
    expect(p.updatesPerSecond).toBeNull();
    for (const r of p.runs) expect([r.step, r.epoch, r.batch, r.firstStep, r.losses.length]).toEqual([1, 1, 1, 1, 1]);
    h.session.handle({ type: 'step', jobId: 'a' });
    expect(last(h).runs.map((r) => r.step)).toEqual([2, 2, 2, 2, 2]);
  });

  it('step is refused while running and after the end', () => {
    const h = harness();
    h.session.handle(start('a', { epochs: 2 }));
    h.session.handle({ type: 'step', jobId: 'a' });
    expect(errors(h)).toMatchObject([{ kind: 'state', message: 'step: the job is running; steps are taken while paused' }]);
    h.drain();
    h.session.handle({ type: 'step', jobId: 'a' });
    h.session.handle({ type: 'resume', jobId: 'a' });
    expect(errors(h).slice(1).map((e) => e.message)).toEqual([
      'step: the job is finished; steps are taken while paused',
      'resume: the job has finished; reset it to train again',
    ]);
  });

  it('pause takes effect before the next slice, and resume carries on where it stopped', () => {
    const h = harness({ cost: 1 });
    h.session.handle(start('a', { epochs: 200, sliceMs: 5 }));
    h.runOne();
    h.session.handle({ type: 'pause', jobId: 'a' });
    const paused = runOf(last(h)).step;
    expect(last(h).state).toBe('paused');
    expect(paused).toBeGreaterThan(0);
    expect(h.drain()).toBe(1); // the slice queued before the pause runs and does nothing
    h.session.handle({ type: 'pause', jobId: 'a' }); // a second pause changes nothing
    expect(runOf(last(h)).step).toBe(paused);
    h.session.handle({ type: 'resume', jobId: 'a' });
    expect(last(h).state).toBe('running');
    h.drain();
    expect(runOf(last(h)).step).toBe(200);
    expect(lossesOf(h, 'sgd')).toHaveLength(200);
  });

  it('stop ends the job with a done message and drops it', () => {
    const h = harness();
    h.session.handle(start('a', { startPaused: true }));
    h.session.handle({ type: 'stop', jobId: 'a' });
    expect(h.of('done')).toMatchObject([{ jobId: 'a', reason: 'stopped', runs: [{ id: 'sgd', step: 0, loss: null }] }]);
    expect(h.session.state).toBeNull();
  });
});

describe('time slices and progress rate', () => {
  it('a slice stops updating once sliceMs has passed', () => {
    // Every clock reading costs 3 ms, so a 10 ms slice holds at most 4 updates.
    const h = harness({ cost: 3 });
    h.session.handle(start('a', { epochs: 1000, sliceMs: 10 }));
    const counts: number[] = [];
    for (let i = 0; i < 5; i++) {
      h.runOne();
      h.session.handle({ type: 'pause', jobId: 'a' });
      counts.push(runOf(last(h)).step);
      h.session.handle({ type: 'resume', jobId: 'a' });
    }
    const perSlice = counts.map((c, i) => c - (counts[i - 1] ?? 0));
    expect(perSlice).toEqual([4, 4, 4, 4, 4]);
  });

  it('a slice makes at least one update even when one update outlasts it', () => {
    const h = harness({ cost: 100 });
    h.session.handle(start('a', { epochs: 10, sliceMs: 1 }));
    h.runOne();
    h.session.handle({ type: 'pause', jobId: 'a' });
    expect(runOf(last(h)).step).toBe(1);
  });

  it('progress goes out at most progressPerSecond times a second, with every loss', () => {
    const h = harness({ cost: 1 });
    h.session.handle(start('a', { runs: [{ id: 'sgd', optimizer: { kind: 'sgd', lr: 0.05 }, schedule: 'stochastic' }], epochs: 80, sliceMs: 4, progressPerSecond: 20 }));
    h.drain();
    const running = h.of('progress').filter((p) => p.state === 'running');
    const seconds = h.time() / 1000;
    expect(seconds).toBeGreaterThan(1);
    expect(running.length).toBeLessThanOrEqual(Math.ceil(seconds * 20) + 1);
    expect(running.length).toBeGreaterThanOrEqual(Math.floor(seconds * 20) - 1);
    expect(lossesOf(h, 'sgd')).toHaveLength(80 * 16);
    const rates = running.map((p) => p.updatesPerSecond).filter((r) => r !== null);
    expect(rates.length).toBeGreaterThan(10);
    for (const r of rates) expect(r).toBeGreaterThan(0);
    expect(last(h)).toMatchObject({ state: 'finished', updatesPerSecond: null });
  });

  it('elapsed time counts training, not pauses', () => {
    const h = harness({ cost: 2 });
    h.session.handle(start('a', { epochs: 500, sliceMs: 10 }));
    h.runOne();
    h.session.handle({ type: 'pause', jobId: 'a' });
    const atPause = last(h).elapsedMs;
    for (let i = 0; i < 50; i++) h.session.handle({ type: 'ping', seq: i }); // time passes (the clock is read) while paused
    h.session.handle({ type: 'inspect', jobId: 'a', requestId: 1, sample: { set: 'train', index: 0 } });
    h.session.handle({ type: 'resume', jobId: 'a' });
    expect(last(h).elapsedMs).toBe(atPause);
  });
});

describe('the same seed reproduces the same run', () => {
  const complete = (seed: number) => {
    const h = harness();
    h.session.handle(start('a', { seed, epochs: 6, runs: [{ id: 'sgd', optimizer: { kind: 'sgd', lr: 0.05 }, schedule: 'stochastic' }] }));
    h.drain();
    return lossesOf(h, 'sgd');
  };

  it('in two sessions, bit for bit', () => {
    const a = complete(3);
    expect(a).toHaveLength(96);
    expect(complete(3)).toEqual(a);
    expect(complete(4)).not.toEqual(a);
  });

  it('after a reset mid-run', () => {
    const h = harness({ cost: 1 });
    h.session.handle(start('a', { seed: 3, epochs: 6, sliceMs: 3, runs: [{ id: 'sgd', optimizer: { kind: 'sgd', lr: 0.05 }, schedule: 'stochastic' }] }));
    h.runOne();
    h.runOne();
    h.session.handle({ type: 'reset', jobId: 'a' });
    expect(last(h)).toMatchObject({ generation: 1, state: 'paused', elapsedMs: 0 });
    expect(runOf(last(h))).toMatchObject({ step: 0, loss: null, firstStep: 1 });
    expect(h.of('started').map((s) => s.generation)).toEqual([0, 1]);
    h.session.handle({ type: 'resume', jobId: 'a' });
    h.drain();
    const after = h.of('progress').filter((p) => p.generation === 1).flatMap((p) => [...runOf(p).losses]);
    expect(after).toEqual(complete(3));
  });

  it('as train() does from the same weights and order', () => {
    const h = harness();
    h.session.handle(start('a', { seed: 12, epochs: 4, runs: [{ id: 'mb', optimizer: { kind: 'adam', lr: 0.02 }, schedule: 'mini-batch', batchSize: 5 }] }));
    h.drain();
    const net = createNetwork(LEFT_RIGHT_NET, { inputShape: [4, 4, 1, 1], rng: createRng(12) });
    const snapshots = [...train(net, TRAIN, { loss: 'cross_entropy', optimizer: { kind: 'adam', lr: 0.02 }, schedule: 'mini-batch', batchSize: 5, epochs: 4, seed: orderSeed(12) })];
    expect(lossesOf(h, 'mb')).toEqual(snapshots.map((s) => s.loss));
    expect(h.of('progress').flatMap((p) => runOf(p, 'mb').epochs.map((e) => e.loss))).toEqual(snapshots.filter((s) => s.epochLoss !== null).map((s) => s.epochLoss));
  });
});

describe('several optimizers race from identical initial weights', () => {
  it('share the weights and the first batch, then part ways', () => {
    const h = harness();
    h.session.handle(start('race', { runs: RACE, startPaused: true }));
    const initial = RACE.map((r, i) => {
      h.session.handle({ type: 'inspect', jobId: 'race', requestId: i, runId: r.id, sample: { set: 'train', index: 0 } });
      return h.of('snapshot').at(-1)!;
    });
    for (const s of initial) {
      expect(s.parameters!.map((p) => p.value)).toEqual(initial[0]!.parameters!.map((p) => p.value));
      expect(s.parameters!.every((p) => p.gradient === null)).toBe(true);
    }
    h.session.handle({ type: 'step', jobId: 'race' });
    const first = last(h).runs.map((r) => r.losses[0]);
    expect(new Set(first).size).toBe(1);
    for (let i = 0; i < 4; i++) h.session.handle({ type: 'step', jobId: 'race' });
    const fifth = last(h).runs.map((r) => r.loss);
    expect(new Set(fifth).size).toBe(5);
  });

  it('the whole race runs to the end, each optimizer lowering its loss', () => {
    const h = harness();
    h.session.handle(start('race', { runs: RACE, epochs: 12 }));
    h.drain();
    for (const r of RACE) {
      const losses = h.of('progress').flatMap((p) => runOf(p, r.id).epochs.map((e) => e.loss));
      expect(losses).toHaveLength(12);
      expect(losses.at(-1)!).toBeLessThan(losses[0]!);
    }
    expect(h.of('done')).toMatchObject([{ reason: 'finished', runs: RACE.map((r) => ({ id: r.id, status: 'finished', step: 48 })) }]);
  });
});

describe('divergence', () => {
  const big = { id: 'big', optimizer: { kind: 'sgd' as const, lr: 1e4 }, schedule: 'stochastic' as const };

  function everyNumberFinite(h: Harness): void {
    for (const { message } of h.posted) {
      for (const { path, value } of numbersIn(message)) {
        if (!Number.isFinite(value)) throw new Error(`${message.type}: ${path} is ${value}`);
      }
    }
  }

  it('stops the run that blows up with a message naming the update, and the others go on', () => {
    const h = harness();
    h.session.handle(start('a', { runs: [SGD_RUN, big], epochs: 5 }));
    h.drain();
    const [d] = h.of('diverged');
    expect(h.of('diverged')).toHaveLength(1);
    expect(d).toMatchObject({ jobId: 'a', runId: 'big', epoch: 1 });
    expect(d!.message).toMatch(new RegExp(`^Update ${d!.step} \\(epoch 1\\) diverged: .+\\. Lower the learning rate \\(now 10000\\)\\.$`));
    const bigLosses = lossesOf(h, 'big');
    expect(bigLosses.length).toBeLessThanOrEqual(d!.step);
    expect(lossesOf(h, 'sgd')).toHaveLength(5);
    expect(h.of('done')).toMatchObject([{ reason: 'finished', runs: [{ id: 'sgd', status: 'finished' }, { id: 'big', status: 'diverged', diverged: d!.message }] }]);
    everyNumberFinite(h);
  });

  it.each<[string, 'mse' | 'cross_entropy', number, RegExp, number]>([
    ['a layer output', 'mse', 1e80, /^Update 2 \(epoch 1\) diverged: the output of layer 4 \(dense fc1\) holds −?-?\d\.?\d*e\d+\. /, 1],
    ['a parameter, at the first update', 'cross_entropy', 1e200, /^Update 1 \(epoch 1\) diverged: parameter c1\.w after the update holds -?\d\.?\d*e\d+\. /, 0],
  ])('names what overflowed (%s) when the loss never looked exploded', (_, loss, lr, expected, steps) => {
    const h = harness();
    h.session.handle(start('a', { runs: [{ ...big, optimizer: { kind: 'sgd', lr } }], loss, explodeFactor: 1e100, epochs: 5 }));
    h.drain();
    expect(h.of('diverged')).toHaveLength(1);
    expect(h.of('diverged')[0]!.message).toMatch(expected);
    expect(runOf(last(h), 'big')).toMatchObject({ status: 'diverged', step: steps });
    if (steps === 0) expect(runOf(last(h), 'big').loss).toBeNull();
    everyNumberFinite(h);
  });

  it('shows the loss climbing before it stops, with every number finite or null', () => {
    const h = harness();
    h.session.handle(start('a', { runs: [{ id: 'mse', optimizer: { kind: 'sgd', lr: 3 }, schedule: 'full-batch' }], loss: 'mse', epochs: 200, snapshots: { every: 1, sample: { set: 'train', index: 1 } } }));
    h.drain();
    const losses = lossesOf(h, 'mse');
    expect(h.of('diverged')).toHaveLength(1);
    expect(losses.length).toBeGreaterThan(2);
    expect(losses.at(-1)!).toBeGreaterThan(10 * losses[0]!);
    expect(h.of('snapshot').at(-1)).toMatchObject({ reason: 'final', runId: 'mse' });
    expect(runOf(last(h), 'mse')).toMatchObject({ status: 'diverged', accuracy: null, accuracies: null });
    everyNumberFinite(h);
  });

  it('reset after a divergence starts clean', () => {
    const h = harness();
    h.session.handle(start('a', { runs: [big], epochs: 2 }));
    h.drain();
    h.session.handle({ type: 'reset', jobId: 'a' });
    expect(runOf(last(h), 'big')).toMatchObject({ status: 'running', step: 0, diverged: null });
  });
});

describe('epochs, validation and the end of a run', () => {
  it('reports training and validation metrics and a confusion matrix per epoch', () => {
    const h = harness();
    h.session.handle(start('a', { data: { kind: 'tensors', train: TRAIN, validation: VALIDATION, classNames: ['left', 'right'] }, epochs: 8 }));
    h.drain();
    expect(h.of('started')[0]!.data).toEqual({ trainSize: 16, validationSize: 8, classNames: ['left', 'right'] });
    const epochs = h.of('progress').flatMap((p) => runOf(p).epochs);
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const e of epochs) {
      expect(e).toMatchObject({ complete: true, samples: 16, step: e.epoch });
      expect(e.confusion!.reduce((s, c) => s + c, 0)).toBe(8);
      expect(e.validationAccuracy).toBe((e.confusion![0]! + e.confusion![3]!) / 8);
    }
    expect(epochs.at(-1)!.validationAccuracy).toBe(1);
    expect(epochs.at(-1)!.validationLoss!).toBeLessThan(epochs[0]!.validationLoss!);
  });

  it('maxSteps ends a run mid-epoch with a partial epoch record', () => {
    const h = harness();
    h.session.handle(start('a', { runs: [{ id: 'sgd', optimizer: { kind: 'sgd', lr: 0.1 }, schedule: 'mini-batch', batchSize: 3 }], epochs: 10, maxSteps: 8 }));
    h.drain();
    const epochs = h.of('progress').flatMap((p) => runOf(p).epochs);
    expect(epochs.map((e) => [e.epoch, e.step, e.complete, e.samples])).toEqual([
      [1, 6, true, 16],
      [2, 8, false, 6],
    ]);
    expect(h.of('done')[0]!.runs[0]).toMatchObject({ status: 'finished', step: 8 });
  });

  it('regression (MSE) carries no accuracy', () => {
    const h = harness();
    h.session.handle(start('a', { loss: 'mse', epochs: 2, data: { kind: 'tensors', train: TRAIN, validation: VALIDATION } }));
    h.drain();
    const epochs = h.of('progress').flatMap((p) => runOf(p).epochs);
    expect(epochs.every((e) => e.accuracy === null && e.validationAccuracy === null && e.confusion === null && e.validationLoss! > 0)).toBe(true);
  });
});

describe('snapshots', () => {
  it('inspect shows every layer, the parameters and gradients, batchnorm statistics and the softmax output', () => {
    const h = harness();
    h.session.handle(start('a', { network: { layers: LEFT_RIGHT_BN_NET, inputShape: [4, 4, 1, 1] }, runs: [{ ...SGD_RUN, schedule: 'mini-batch', batchSize: 4 }], startPaused: true }));
    h.session.handle({ type: 'inspect', jobId: 'a', requestId: 1, sample: { set: 'train', index: 3 } });
    const before = h.of('snapshot')[0]!;
    expect(before.batchnorm).toMatchObject([{ name: 'bn1', index: 1, batchMean: null, batchVar: null }]);
    expect([...before.batchnorm![0]!.runningVar]).toEqual([1, 1]);
    h.session.handle({ type: 'step', jobId: 'a' });
    h.session.handle({ type: 'inspect', jobId: 'a', requestId: 2, sample: { set: 'train', index: 3 } });
    const { message: s, transfer } = h.posted.at(-1)! as { message: Extract<typeof h.posted[number]['message'], { type: 'snapshot' }>; transfer: readonly ArrayBuffer[] };
    expect(s).toMatchObject({ requestId: 2, reason: 'inspect', runId: 'sgd', step: 1, epoch: 1, sample: { set: 'train', index: 3, label: 1 } });
    expect(s.sample.input.shape).toEqual([1, 4, 4, 1, 1]);
    expect(s.layers!.map((l) => [l.label, l.activation.shape])).toEqual([
      ['conv c1', [1, 4, 4, 1, 2]],
      ['batchnorm bn1', [1, 4, 4, 1, 2]],
      ['activation relu', [1, 4, 4, 1, 2]],
      ['pool max', [1, 2, 2, 1, 2]],
      ['flatten', [1, 8]],
      ['dense fc1', [1, 2]],
    ]);
    expect(s.parameters!.map((p) => [p.name, p.value!.shape, p.gradient!.shape])).toEqual([
      ['c1.w', [3, 3, 1, 1, 2], [3, 3, 1, 1, 2]],
      ['c1.b', [2], [2]],
      ['bn1.gamma', [2], [2]],
      ['bn1.beta', [2], [2]],
      ['fc1.w', [2, 8], [2, 8]],
      ['fc1.b', [2], [2]],
    ]);
    expect(s.batchnorm![0]!.batchMean).toHaveLength(2);
    const p = s.output!.probabilities!;
    expect(p[0]! + p[1]!).toBeCloseTo(1, 12);
    expect(s.output!.predicted).toBe(p[1]! > p[0]! ? 1 : 0);
    expect(s.output!.loss).toBeCloseTo(-Math.log(p[1]!), 12);
    // Every array travels as a transfer, each buffer once.
    const buffers = typedArraysIn(s).map((a) => a.buffer);
    expect(new Set(transfer)).toEqual(new Set(buffers));
    expect(transfer).toHaveLength(buffers.length);
  });

  it('include leaves out what is not asked for', () => {
    const h = harness();
    h.session.handle(start('a', { startPaused: true }));
    h.session.handle({ type: 'inspect', jobId: 'a', requestId: 1, sample: { set: 'train', index: 0 }, include: { activations: false, parameters: false, gradients: false, output: false } });
    expect(h.of('snapshot')[0]).toMatchObject({ layers: null, parameters: null, batchnorm: null, output: null });
  });

  it('an inspect that cannot be made gets an inspect error with its request id', () => {
    const h = harness();
    h.session.handle(start('a', { startPaused: true }));
    h.session.handle({ type: 'inspect', jobId: 'a', requestId: 5, sample: { set: 'train', index: 99 } });
    h.session.handle({ type: 'inspect', jobId: 'a', requestId: 6, sample: { set: 'validation', index: 0 } });
    h.session.handle({ type: 'inspect', jobId: 'a', requestId: 7, runId: 'adam', sample: { set: 'train', index: 0 } });
    expect(errors(h)).toMatchObject([
      { kind: 'inspect', requestId: 5, message: 'inspect: sample 99 is outside the train set of 16' },
      { kind: 'inspect', requestId: 6, message: 'inspect: the job has no validation set' },
      { kind: 'inspect', requestId: 7, message: 'inspect: no run "adam" in this job' },
    ]);
  });

  it('planned snapshots follow the cadence when stepping, and a final one ends the run', () => {
    const h = harness();
    h.session.handle(start('a', { startPaused: true, epochs: 5, snapshots: { every: 2, sample: { set: 'train', index: 0 }, include: { activations: false } } }));
    for (let i = 0; i < 5; i++) h.session.handle({ type: 'step', jobId: 'a' });
    expect(h.of('snapshot').map((s) => [s.reason, s.step, s.requestId])).toEqual([
      ['cadence', 2, null],
      ['cadence', 4, null],
      ['final', 5, null],
    ]);
    expect(h.of('done')).toHaveLength(1);
  });

  it('planned snapshots are throttled to the progress rate while running', () => {
    const h = harness({ cost: 1 });
    h.session.handle(start('a', { epochs: 400, sliceMs: 5, progressPerSecond: 10, snapshots: { every: 1, sample: { set: 'train', index: 0 }, include: { activations: false, parameters: false, gradients: false } } }));
    h.drain();
    const cadence = h.of('snapshot').filter((s) => s.reason === 'cadence');
    expect(cadence.length).toBeLessThanOrEqual(Math.ceil(h.time() / 100) + 1);
    expect(cadence.length).toBeGreaterThan(1);
  });
});

describe('generated data', () => {
  it('comes from the generator the host registered, with its options', () => {
    const seen: unknown[] = [];
    const h = harness({ generators: { pairs: (options) => (seen.push(options), { train: TRAIN, validation: VALIDATION, classNames: ['l', 'r'] }) } });
    h.session.handle(start('g', { data: { kind: 'generated', generator: 'pairs', options: { n: 3 } }, epochs: 1 }));
    h.drain();
    expect(seen).toEqual([{ n: 3 }]);
    expect(h.of('started')[0]!.data).toEqual({ trainSize: 16, validationSize: 8, classNames: ['l', 'r'] });
    expect(h.of('done')).toHaveLength(1);
  });

  it('a generator refusing its options is a job error', () => {
    const h = harness({ generators: { pairs: () => { throw new (class extends Error {})('never'); } } });
    h.session.handle(start('g', { data: { kind: 'generated', generator: 'pairs', options: {} } }));
    expect(errors(h)).toMatchObject([{ kind: 'internal', message: 'start: never' }]);
  });
});



describe('step across an epoch boundary with a validation set', () => {
  it('each press is one update, and the epoch ending with it reports its validation metrics at once', () => {
    const h = harness();
    const validation = { x: { shape: [40, 4, 4, 1, 1], data: new Float64Array(40 * 16).fill(0.5) }, target: { shape: [40, 2], data: new Float64Array(80).map((_, i) => (i % 2 === 0 ? 1 : 0)) } };
    h.session.handle(start('a', { startPaused: true, epochs: 3, data: { kind: 'tensors', train: TRAIN, validation }, runs: [{ ...SGD_RUN, schedule: 'mini-batch', batchSize: 8 }] }));
    const seen: [number, number][] = [];
    for (let i = 0; i < 6; i++) {
      h.session.handle({ type: 'step', jobId: 'a' });
      const r = runOf(last(h));
      seen.push([r.step, r.epochs.length]);
    }
    expect(seen).toEqual([
      [1, 0],
      [2, 1],
      [3, 0],
      [4, 1],
      [5, 0],
      [6, 1],
    ]);
    expect(h.of('done')).toHaveLength(1);
  });
});

describe('the convolution kernel', () => {
  it('is named in the started message, and training on either kernel gives the same losses bit for bit', async () => {
    const losses: Record<string, number[]> = {};
    try {
      for (const kernel of ['typescript', 'wasm-simd'] as const) {
        if (kernel === 'wasm-simd') expect(await loadSimdKernel()).toBe(true);
        useKernel(kernel);
        const h = harness();
        h.session.handle(start(kernel, { epochs: 4 }));
        h.drain();
        expect(h.of('started')[0]!.kernel).toBe(kernel);
        losses[kernel] = lossesOf(h, 'sgd');
      }
    } finally {
      useKernel('typescript');
    }
    expect(losses['typescript']!.length).toBeGreaterThan(0);
    expect(losses['wasm-simd']).toEqual(losses['typescript']);
  });
});
