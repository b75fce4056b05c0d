/** What the worker accepts from a page, and the message it gives for what it refuses. */
import { describe, expect, it } from 'vitest';
import { ProtocolError, isWorkerMessage, parsePageMessage } from '../../src/model/worker-protocol.ts';
import { RACE, TRAIN, job, start } from './training-jobs.ts';

function refusal(message: unknown): string {
  try {
    parsePageMessage(message);
  } catch (e) {
    expect(e).toBeInstanceOf(ProtocolError);
    return (e as Error).message;
  }
  throw new Error('the message was accepted');
}

describe('parsePageMessage accepts', () => {
  it('a start message with a complete job, unchanged', () => {
    const message = start('j', {
      runs: RACE,
      maxSteps: 50,
      startPaused: true,
      progressPerSecond: 10,
      sliceMs: 8,
      explodeFactor: 100,
      data: { kind: 'tensors', train: TRAIN, validation: TRAIN, classNames: ['left', 'right'] },
      network: { layers: job().network.layers, inputShape: [4, 4, 1, 1], biasInit: 'zeros', init: { sigma: 0.05 } },
      snapshots: { every: 5, runs: ['adam'], sample: { set: 'validation', index: 3 }, include: { gradients: false } },
    });
    expect(parsePageMessage(message)).toEqual(message);
  });

  it('generated data with the generator left to check its options', () => {
    const message = start('j', { data: { kind: 'generated', generator: 'geology', options: { anything: [1, 2] } } });
    expect(parsePageMessage(message)).toEqual(message);
  });

  it.each([
    { type: 'pause', jobId: 'j' },
    { type: 'resume', jobId: 'j' },
    { type: 'step', jobId: 'j' },
    { type: 'reset', jobId: 'j' },
    { type: 'stop', jobId: 'j' },
    { type: 'ping', seq: 12 },
    { type: 'inspect', jobId: 'j', requestId: 4, sample: { set: 'train', index: 0 } },
    { type: 'inspect', jobId: 'j', requestId: 5, runId: 'adam', sample: { set: 'validation', index: 2 }, include: { activations: true, output: false } },
    { type: 'export', jobId: 'j', requestId: 6 },
    { type: 'export', jobId: 'j', requestId: 7, runId: 'adam' },
    { type: 'predict', jobId: 'j', requestId: 8, input: { shape: [1, 4, 4, 1, 1], data: new Float64Array(16) } },
    { type: 'predict', jobId: 'j', requestId: 9, runId: 'adam', input: { shape: [4, 4, 1, 1], data: new Float64Array(16) }, activations: true },
  ])('%o', (message) => {
    expect(parsePageMessage(message)).toEqual(message);
  });
});

describe('parsePageMessage refuses, naming the field', () => {
  const good = start('j');
  const withJob = (patch: Record<string, unknown>) => ({ ...good, job: { ...good.job, ...patch } });
  const nan = { x: { shape: TRAIN.x.shape, data: TRAIN.x.data.map((v, i) => (i === 5 ? NaN : v)) }, target: TRAIN.target };

  it.each<[string, unknown, RegExp]>([
    ['not an object', 42, /message must be an object, got 42/],
    ['null', null, /message must be an object, got null/],
    ['a list', [1, 2], /message must be an object, got a list of 2/],
    ['an unknown type', { type: 'train' }, /message type must be one of start, pause, .*got "train"/],
    ['no type', {}, /message type must be one of .* got nothing/],
    ['no job id', { type: 'pause' }, /pause: jobId must be a string of 1 to 100 characters, got undefined/],
    ['an extra field', { type: 'pause', jobId: 'j', force: true }, /pause has an unknown field "force"/],
    ['a negative ping', { type: 'ping', seq: -1 }, /ping: seq must be an integer from 0/],
    ['an inspect without request id', { type: 'inspect', jobId: 'j', sample: { set: 'train', index: 0 } }, /inspect: requestId must be an integer/],
    ['an inspect of an unknown set', { type: 'inspect', jobId: 'j', requestId: 1, sample: { set: 'test', index: 0 } }, /inspect: sample.set must be one of train, validation, got "test"/],
    ['an include that is not a flag', { type: 'inspect', jobId: 'j', requestId: 1, sample: { set: 'train', index: 0 }, include: { output: 1 } }, /inspect: include.output must be true or false, got 1/],
    ['no job', { type: 'start', jobId: 'j' }, /start: job must be an object, got undefined/],
    ['a misspelt job field', withJob({ epoch: 3 }), /start: job has an unknown field "epoch"/],
    ['no runs', withJob({ runs: [] }), /start: job.runs must be a list of 1 to 8 items, got a list of 0/],
    ['nine runs', withJob({ runs: Array.from({ length: 9 }, (_, i) => ({ ...RACE[0], id: `r${i}` })) }), /job.runs must be a list of 1 to 8/],
    ['a run id used twice', withJob({ runs: [RACE[0], RACE[0]] }), /job.runs: the id "sgd" is used twice/],
    ['mini-batch without a size', withJob({ runs: [{ id: 'a', optimizer: { kind: 'sgd', lr: 1 }, schedule: 'mini-batch' }] }), /job.runs\[0\].batchSize is needed for mini-batch/],
    ['an unknown schedule', withJob({ runs: [{ id: 'a', optimizer: { kind: 'sgd', lr: 1 }, schedule: 'batch' }] }), /job.runs\[0\].schedule must be one of full-batch, stochastic, mini-batch/],
    ['a learning rate of 0', withJob({ runs: [{ id: 'a', optimizer: { kind: 'adam', lr: 0 }, schedule: 'full-batch' }] }), /job.runs\[0\].optimizer: adam: learning rate lr must lie in \(0, inf\), got 0/],
    ['a momentum gamma of 1', withJob({ runs: [{ id: 'a', optimizer: { kind: 'momentum', lr: 0.1, gamma: 1 }, schedule: 'full-batch' }] }), /optimizer: momentum: gamma must lie in \[0, 1\)/],
    ['an unknown optimizer field', withJob({ runs: [{ id: 'a', optimizer: { kind: 'sgd', lr: 0.1, decay: 1 }, schedule: 'full-batch' }] }), /optimizer has an unknown field "decay"/],
    ['an unknown loss', withJob({ loss: 'hinge' }), /job.loss must be one of cross_entropy, mse, got "hinge"/],
    ['a fractional seed', withJob({ seed: 1.5 }), /job.seed must be an integer from 0 to 4294967295, got 1.5/],
    ['a seed past 2^32', withJob({ seed: 2 ** 32 }), /job.seed must be an integer/],
    ['no epochs', withJob({ epochs: 0 }), /job.epochs must be an integer from 1 to 100000, got 0/],
    ['a slice of 200 ms', withJob({ sliceMs: 200 }), /job.sliceMs must be a finite number from 1 to 50, got 200/],
    ['progress 1000 times a second', withJob({ progressPerSecond: 1000 }), /job.progressPerSecond must be a finite number from 1 to 60/],
    ['an infinite explode factor', withJob({ explodeFactor: Infinity }), /job.explodeFactor must be a finite number/],
    ['a snapshot plan naming no run', withJob({ snapshots: { every: 1, runs: ['nope'], sample: { set: 'train', index: 0 } } }), /job.snapshots.runs\[0\] names no run: "nope"/],
    ['layers that are not a list', withJob({ network: { layers: 'conv', inputShape: [4, 4, 1, 1] } }), /job.network.layers must be a list of 1 to 64 items/],
    ['a layer without a type', withJob({ network: { layers: [{ name: 'c1' }], inputShape: [4, 4, 1, 1] } }), /job.network.layers\[0\].type must be a string/],
    ['an input shape of 0', withJob({ network: { layers: [{ type: 'flatten' }], inputShape: [4, 0, 1, 1] } }), /job.network.inputShape\[1\] must be an integer from 1/],
    ['data as plain lists', withJob({ data: { kind: 'tensors', train: { x: { shape: [1, 1], data: [1] }, target: TRAIN.target } } }), /job.data.train.x.data must be a Float64Array, got a list of 1/],
    ['data of the wrong length', withJob({ data: { kind: 'tensors', train: { x: { shape: [2, 3], data: new Float64Array(5) }, target: TRAIN.target } } }), /job.data.train.x.data holds 5 values but its shape \[2, 3\] needs 6/],
    ['NaN in the inputs', withJob({ data: { kind: 'tensors', train: nan } }), /job.data.train.x.data holds NaN at index 5; inputs and targets must be finite/],
    ['an unknown data kind', withJob({ data: { kind: 'csv' } }), /job.data.kind must be one of tensors, generated, got "csv"/],
    ['an export without request id', { type: 'export', jobId: 'j' }, /export: requestId must be an integer/],
    ['an export with an extra field', { type: 'export', jobId: 'j', requestId: 1, format: 'h5' }, /export has an unknown field "format"; expected type, jobId, requestId, runId/],
    ['a predict without input', { type: 'predict', jobId: 'j', requestId: 1 }, /predict: input must be an object, got undefined/],
    ['a predict input as plain lists', { type: 'predict', jobId: 'j', requestId: 1, input: { shape: [2], data: [1, 2] } }, /predict: input.data must be a Float64Array, got a list of 2/],
    ['a predict input with NaN', { type: 'predict', jobId: 'j', requestId: 1, input: { shape: [2], data: Float64Array.of(1, NaN) } }, /predict: input.data holds NaN at index 1/],
    ['a predict activations flag that is not a flag', { type: 'predict', jobId: 'j', requestId: 1, input: { shape: [1], data: Float64Array.of(1) }, activations: 'yes' }, /predict: activations must be true or false, got "yes"/],
    ['running statistics that are not tensors', withJob({ network: { layers: [{ type: 'flatten' }], inputShape: [2], running: { bn1: { mean: [0], var: [1] } } } }), /job.network.running.bn1.mean must be an object, got a list of 1/],
    ['running statistics without a var', withJob({ network: { layers: [{ type: 'flatten' }], inputShape: [2], running: { bn1: { mean: { shape: [1], data: new Float64Array(1) } } } } }), /job.network.running.bn1.var must be an object, got undefined/],
    ['an initial parameter that is not a tensor', withJob({ network: { layers: [{ type: 'flatten' }], inputShape: [2], parameters: { 'fc.w': 3 } } }), /job.network.parameters.fc.w must be an object, got 3/],
  ])('%s', (_, message, expected) => {
    expect(refusal(message)).toMatch(expected);
  });
});

describe('isWorkerMessage', () => {
  it('knows the worker message types and nothing else', () => {
    expect(isWorkerMessage({ type: 'progress' })).toBe(true);
    expect(isWorkerMessage({ type: 'pong', seq: 1 })).toBe(true);
    expect(isWorkerMessage({ type: 'network' })).toBe(true);
    expect(isWorkerMessage({ type: 'prediction' })).toBe(true);
    expect(isWorkerMessage({ type: 'start' })).toBe(false);
    expect(isWorkerMessage('progress')).toBe(false);
    expect(isWorkerMessage(null)).toBe(false);
  });
});
