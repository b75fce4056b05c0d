/** The session's export, predict and start-from-saved-weights: what a teacher saves, a student loads and runs on a grid. */
import { describe, expect, it } from 'vitest';
import { createNetwork, evaluate, forward } from '../../src/model/index.ts';
import { networkDescriptionOf, parseSavedNetwork } from '../../src/model/saved-network.ts';
import type { PredictionMessage } from '../../src/model/worker-protocol.ts';
import { forward as softmax } from '../../src/nn/softmax.ts';
import type { Tensor } from '../../src/tensor/index.ts';
import { harness, numbersIn } from './session-harness.ts';
import { LEFT_RIGHT_BN_NET, RACE, SGD_RUN, TRAIN, VALIDATION, start } from './training-jobs.ts';

const BN_JOB = {
  network: { layers: LEFT_RIGHT_BN_NET, inputShape: [4, 4, 1, 1] },
  data: { kind: 'tensors' as const, train: TRAIN, validation: VALIDATION, classNames: ['left', 'right'], encoding: 'sand' },
  runs: [{ ...SGD_RUN, optimizer: { kind: 'sgd' as const, lr: 0.2 } }],
  epochs: 6,
};

/** A finished job of the batchnorm network, exported. */
function trainedFile() {
  const h = harness();
  h.session.handle(start('teacher', BN_JOB));
  h.drain();
  h.session.handle({ type: 'export', jobId: 'teacher', requestId: 1 });
  const answer = h.of('network')[0]!;
  return { h, answer, saved: parseSavedNetwork(answer.text) };
}

function sample(i: number, set = TRAIN): Tensor {
  return { shape: [1, 4, 4, 1, 1], data: set.x.data.slice(i * 16, i * 16 + 16) };
}

describe('export', () => {
  it('answers with a network file of the run: weights, batchnorm statistics, class names, encoding, provenance', () => {
    const { h, answer, saved } = trainedFile();
    expect(h.of('error')).toEqual([]);
    expect(answer).toMatchObject({ type: 'network', jobId: 'teacher', generation: 0, requestId: 1, runId: 'sgd', step: 6 });
    expect(saved).toMatchObject({ loss: 'cross_entropy', classNames: ['left', 'right'], encoding: 'sand', inputShape: [4, 4, 1, 1] });
    const last = h.of('progress').flatMap((p) => p.runs[0]!.epochs).at(-1)!;
    expect(saved.provenance).toMatchObject({ steps: 6, epochs: 6, seed: 7, validationAccuracy: last.validationAccuracy, validationLoss: last.validationLoss });
    // The running statistics moved away from their start (mean 0, var 1) during training, and were saved.
    expect(Array.from(saved.running.bn1!.mean.data).some((v) => v !== 0)).toBe(true);
    // The saved network scores on the validation set what the run's last epoch said.
    const net = createNetwork(saved.layers, { inputShape: saved.inputShape, parameters: saved.parameters, running: saved.running });
    expect(evaluate(net, VALIDATION, 'cross_entropy').loss).toBeCloseTo(last.validationLoss!, 12);
  });

  it('exports the run asked for, at its own step', () => {
    const h = harness();
    h.session.handle(start('race', { runs: RACE, startPaused: true }));
    h.session.handle({ type: 'step', jobId: 'race' });
    h.session.handle({ type: 'export', jobId: 'race', requestId: 4, runId: 'adam' });
    expect(h.of('network')).toMatchObject([{ requestId: 4, runId: 'adam', step: 1 }]);
    expect(parseSavedNetwork(h.of('network')[0]!.text).provenance).toMatchObject({ steps: 1, epochs: 0, validationAccuracy: null });
  });

  it('writes no class names for a regression (MSE) network, even when the data names classes', () => {
    const h = harness();
    const target = { shape: [16, 2], data: TRAIN.target.data.map((v) => v * 0.5) };
    h.session.handle(start('r', { loss: 'mse', data: { kind: 'tensors', train: { x: TRAIN.x, target }, classNames: ['left', 'right'] }, startPaused: true }));
    h.session.handle({ type: 'export', jobId: 'r', requestId: 1 });
    expect(h.of('error')).toEqual([]);
    expect(parseSavedNetwork(h.of('network')[0]!.text)).toMatchObject({ loss: 'mse', classNames: null, encoding: null });
  });

  it('refuses a run the job does not have, with the request id', () => {
    const h = harness();
    h.session.handle(start('a', { startPaused: true }));
    h.session.handle({ type: 'export', jobId: 'a', requestId: 9, runId: 'nadam' });
    expect(h.of('error')).toEqual([{ type: 'error', jobId: 'a', kind: 'export', message: 'export: no run "nadam" in this job', requestId: 9 }]);
  });
});

describe('a job from saved weights', () => {
  it('starts where the saved network was: same outputs, same validation loss, and trains on from there', () => {
    const { saved } = trainedFile();
    const h = harness();
    h.session.handle(start('student', { ...BN_JOB, network: networkDescriptionOf(saved), startPaused: true }));
    expect(h.of('error')).toEqual([]);
    h.session.handle({ type: 'predict', jobId: 'student', requestId: 1, input: sample(2) });
    const net = createNetwork(saved.layers, { inputShape: saved.inputShape, parameters: saved.parameters, running: saved.running });
    const expected = forward(net, sample(2), { mode: 'inference' }).output.data;
    expect(Array.from(h.of('prediction')[0]!.output.values)).toEqual(Array.from(expected));
    // reset goes back to the saved weights, not to weights drawn from the seed.
    h.session.handle({ type: 'step', jobId: 'student' });
    h.session.handle({ type: 'reset', jobId: 'student' });
    h.session.handle({ type: 'predict', jobId: 'student', requestId: 2, input: sample(2) });
    expect(Array.from(h.of('prediction')[1]!.output.values)).toEqual(Array.from(expected));
  });

  it.each<[string, (d: ReturnType<typeof networkDescriptionOf>) => unknown, RegExp]>([
    ['statistics of the wrong size', (d) => ({ ...d, running: { bn1: { mean: { shape: [3], data: new Float64Array(3) }, var: d.running!.bn1!.var } } }), /layer 1 \(batchnorm bn1\): the running mean has shape \[3\], expected \[2\]/],
    ['statistics for a layer that is not batchnorm', (d) => ({ ...d, running: { ...d.running, c1: d.running!.bn1 } }), /"c1", which is not a batchnorm layer/],
    ['a negative variance', (d) => ({ ...d, running: { bn1: { mean: d.running!.bn1!.mean, var: { shape: [2], data: Float64Array.of(1, -1) } } } }), /the running var holds -1 for feature map 1/],
    ['weights of another architecture', (d) => ({ ...d, parameters: { ...d.parameters, 'fc1.w': { shape: [3, 8], data: new Float64Array(24) } } }), /layer 5 \(dense fc1\): dense: w \[3, 8\] has 3 outputs/],
  ])('is refused with %s', (_, change, expected) => {
    const { saved } = trainedFile();
    const h = harness();
    h.session.handle(start('student', { ...BN_JOB, network: change(networkDescriptionOf(saved)) as never }));
    expect(h.of('error')).toMatchObject([{ jobId: 'student', message: expect.stringMatching(expected) }]);
    expect(h.session.state).toBeNull();
  });

  it('names a statistics field it does not know', () => {
    const { saved } = trainedFile();
    const h = harness();
    const d = networkDescriptionOf(saved);
    h.session.handle(start('student', { ...BN_JOB, network: { ...d, running: { bn1: { ...d.running!.bn1!, std: d.running!.bn1!.var } } } as never }));
    expect(h.of('error')).toMatchObject([{ kind: 'message', message: expect.stringMatching(/start: job.network.running.bn1 has an unknown field "std"; expected mean, var/) }]);
  });
});

describe('predict', () => {
  function trained() {
    const h = harness();
    h.session.handle(start('a', BN_JOB));
    h.drain();
    return h;
  }

  it('gives the output, its softmax, the predicted class by name, for an input with or without the batch axis', () => {
    const h = trained();
    const x = sample(1, VALIDATION);
    h.session.handle({ type: 'predict', jobId: 'a', requestId: 3, input: x });
    h.session.handle({ type: 'predict', jobId: 'a', requestId: 4, input: { shape: [4, 4, 1, 1], data: x.data } });
    const [p, q] = h.of('prediction') as [PredictionMessage, PredictionMessage];
    expect(p).toMatchObject({ jobId: 'a', requestId: 3, runId: 'sgd', step: 6, epoch: 6, layers: null, input: { shape: [1, 4, 4, 1, 1] } });
    const probabilities = softmax({ x: { shape: [1, 2], data: p.output.values } }).y.data;
    expect(Array.from(p.output.probabilities!)).toEqual(Array.from(probabilities));
    const predicted = probabilities[1]! > probabilities[0]! ? 1 : 0;
    expect(p.output).toMatchObject({ predicted, className: ['left', 'right'][predicted] });
    expect(q.output.values).toEqual(p.output.values);
    expect(q.input.shape).toEqual([1, 4, 4, 1, 1]);
  });

  it('shows every hidden layer H^m when asked, as inspect does, with arrays the page may keep', () => {
    const h = trained();
    h.session.handle({ type: 'predict', jobId: 'a', requestId: 1, input: sample(0), activations: true });
    const p = h.of('prediction')[0]!;
    expect(p.layers!.map((l) => [l.label, l.activation.shape])).toEqual([
      ['conv c1', [1, 4, 4, 1, 2]],
      ['batchnorm bn1', [1, 4, 4, 1, 2]],
      ['activation relu', [1, 4, 4, 1, 2]],
      ['pool max', [1, 2, 2, 1, 2]],
      ['flatten', [1, 8]],
      ['dense fc1', [1, 2]],
    ]);
    expect(p.layers!.at(-1)!.activation.data).toEqual(p.output.values);
    const posted = h.posted.find((m) => m.message === p)!;
    for (const t of [p.input.data, p.output.values, p.output.probabilities!, ...p.layers!.map((l) => l.activation.data)]) {
      expect(posted.transfer).toContain(t.buffer);
    }
    expect(numbersIn(p).every(({ value }) => Number.isFinite(value))).toBe(true);
  });

  it('gives no probabilities or class for a regression (MSE) network', () => {
    const h = harness();
    const target = { shape: [16, 2], data: TRAIN.target.data.map((v) => v * 0.5) };
    h.session.handle(start('r', { loss: 'mse', data: { kind: 'tensors', train: { x: TRAIN.x, target } }, startPaused: true }));
    h.session.handle({ type: 'predict', jobId: 'r', requestId: 1, input: sample(0) });
    expect(h.of('prediction')[0]!.output).toMatchObject({ probabilities: null, predicted: null, className: null });
  });

  it('refuses an input of another shape, saying which axes differ', () => {
    const h = trained();
    h.session.handle({ type: 'predict', jobId: 'a', requestId: 5, input: { shape: [1, 4, 2, 1, 3], data: new Float64Array(24) } });
    expect(h.of('error')).toEqual([{
      type: 'error',
      jobId: 'a',
      kind: 'predict',
      requestId: 5,
      message: 'predict: input: the input [1, 4, 2, 1, 3] does not fit the network, which takes [1, 4, 4, 1, 1]: y has 2 cells, not 4; d (channels) is 3, not 1',
    }]);
    expect(h.of('prediction')).toEqual([]);
  });

  it('refuses malformed inputs at the message check', () => {
    const h = trained();
    h.session.handle({ type: 'predict', jobId: 'a', requestId: 6, input: { shape: [1, 4, 4, 1, 1], data: Float64Array.from({ length: 16 }, (_, i) => (i === 3 ? Infinity : 0)) } });
    h.session.handle({ type: 'predict', jobId: 'a', requestId: 7, input: { shape: [16], data: [0] } });
    expect(h.of('error').map((e) => e.message)).toEqual([
      'predict: input.data holds Infinity at index 3; inputs and targets must be finite',
      'predict: input.data must be a Float64Array, got a list of 1',
    ]);
  });

  it('answers a predict for another job with a state error carrying the request id', () => {
    const h = trained();
    h.session.handle({ type: 'predict', jobId: 'old', requestId: 8, input: sample(0) });
    expect(h.of('error')).toMatchObject([{ kind: 'state', requestId: 8, jobId: 'old' }]);
  });
});
