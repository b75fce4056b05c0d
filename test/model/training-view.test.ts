/** Folding worker messages into what a page shows. */
import { describe, expect, it } from 'vitest';
import { Series } from '../../src/model/training-series.ts';
import { TrainingHistory } from '../../src/model/training-view.ts';
import type { ProgressMessage, RunProgress, StartedMessage } from '../../src/model/worker-protocol.ts';

const started = (generation: number): StartedMessage => ({
  type: 'started',
  jobId: 'j',
  generation,
  network: { inputShape: [2], outputShape: [2], layers: [], parameterCount: 6 },
  data: { trainSize: 4, validationSize: 0, classNames: null },
  runs: [{ id: 'a', label: 'Adam', batchesPerEpoch: 2 }],
  epochs: 3,
  maxSteps: null,
  kernel: 'typescript',
});

function progress(generation: number, firstStep: number, losses: number[], extra: Partial<RunProgress> = {}): ProgressMessage {
  const step = firstStep + losses.length - 1;
  return {
    type: 'progress',
    jobId: 'j',
    generation,
    state: 'running',
    elapsedMs: 10 * step,
    updatesPerSecond: 100,
    runs: [{ id: 'a', status: 'running', step, epoch: 1, batch: 1, loss: losses.at(-1) ?? null, accuracy: null, firstStep, losses: Float64Array.from(losses), accuracies: null, epochs: [], diverged: null, ...extra }],
  };
}

describe('Series', () => {
  it('grows past its buffer and leaves earlier views as they were', () => {
    const s = new Series();
    s.append([1, 2, 3]);
    const early = s.values();
    s.append(Float64Array.from({ length: 1000 }, (_, i) => i));
    expect(s.length).toBe(1003);
    expect([...early]).toEqual([1, 2, 3]);
    expect(s.values()[1002]).toBe(999);
    expect(s.values()[2]).toBe(3);
  });
});

describe('TrainingHistory', () => {
  it('appends each run curve from progress, one frozen view per change', () => {
    const h = new TrainingHistory();
    h.begin('j');
    expect(h.apply(started(0))).toBe(true);
    const v0 = h.view();
    h.apply(progress(0, 1, [0.9, 0.8]));
    h.apply(progress(0, 3, [0.7]));
    const v = h.view();
    expect(v).not.toBe(v0);
    expect(Object.isFrozen(v) && Object.isFrozen(v.runs[0])).toBe(true);
    expect(v).toMatchObject({ status: 'running', elapsedMs: 30, updatesPerSecond: 100 });
    expect(v.runs[0]).toMatchObject({ id: 'a', label: 'Adam', step: 3, loss: 0.7, batchesPerEpoch: 2, accuracies: null });
    expect([...v.runs[0]!.losses]).toEqual([0.9, 0.8, 0.7]);
  });

  it('ignores other jobs and generations before a reset', () => {
    const h = new TrainingHistory();
    h.begin('j');
    h.apply(started(0));
    h.apply(progress(0, 1, [0.9, 0.8]));
    expect(h.apply(started(1))).toBe(true);
    expect(h.view().runs[0]!.losses).toHaveLength(0);
    expect(h.apply(progress(0, 3, [0.7]))).toBe(false);
    expect(h.apply({ ...progress(1, 1, [0.5]), jobId: 'other' })).toBe(false);
    expect(h.view().runs[0]!.losses).toHaveLength(0);
    expect(h.apply({ type: 'pong', seq: 1 })).toBe(false);
  });

  it('turns done, errors and divergence into a status and a message', () => {
    const h = new TrainingHistory();
    h.begin('j');
    h.apply({ type: 'error', jobId: 'j', kind: 'job', message: 'network: bad', requestId: null });
    expect(h.view()).toMatchObject({ status: 'error', message: 'network: bad' });
    h.begin('j');
    h.apply(started(0));
    h.apply(progress(0, 1, [1]));
    h.apply({ type: 'error', jobId: 'j', kind: 'state', message: 'step: the job is running; steps are taken while paused', requestId: null });
    expect(h.view()).toMatchObject({ status: 'running', message: 'step: the job is running; steps are taken while paused' });
    h.apply({ type: 'diverged', jobId: 'j', generation: 0, runId: 'a', step: 2, epoch: 1, message: 'Update 2 (epoch 1) diverged: x.' });
    expect(h.view().message).toBe('Update 2 (epoch 1) diverged: x.');
    h.apply({ type: 'done', jobId: 'j', generation: 0, reason: 'finished', runs: [] });
    expect(h.view()).toMatchObject({ status: 'finished', updatesPerSecond: null });
    expect(h.fail('gone')).toMatchObject({ status: 'failed', failure: 'gone' });
  });
});
