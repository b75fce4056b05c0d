/** The training panel's status sentence for each state (the panel's DOM is checked in Chromium, test/e2e/fixtures/training-demo). */
import { describe, expect, it } from 'vitest';
import type { RunView, TrainingView } from '../../src/model/training-view.ts';
import { statusText } from '../../src/notebook/training-controls.ts';

const run = (step: number, status: RunView['status'] = 'running'): RunView => ({
  id: `r${step}`,
  label: `run ${step}`,
  status,
  step,
  epoch: 1,
  batch: 1,
  batchesPerEpoch: 1,
  loss: 0.5,
  accuracy: null,
  losses: new Float64Array(step),
  accuracies: null,
  epochs: [],
  diverged: status === 'diverged' ? 'Update 3 (epoch 1) diverged: x.' : null,
});

const view = (patch: Partial<TrainingView>): TrainingView => ({
  status: 'idle',
  jobId: 'j',
  generation: 0,
  info: null,
  runs: [],
  elapsedMs: 0,
  updatesPerSecond: null,
  message: null,
  failure: null,
  snapshot: null,
  ...patch,
});

describe('statusText', () => {
  it.each<[string, Partial<TrainingView>, string]>([
    ['idle', {}, 'Not started.'],
    ['starting', { status: 'starting' }, 'Preparing the network and the data…'],
    ['running', { status: 'running', runs: [run(40)] }, 'Training…'],
    ['ready', { status: 'paused', runs: [run(0)] }, 'Ready: press Train, or Step for one update at a time.'],
    ['paused', { status: 'paused', runs: [run(12345), run(3)] }, 'Paused at update 12\u202f345.'],
    ['finished', { status: 'finished', runs: [run(200, 'finished')] }, 'Finished after 200 updates.'],
    ['diverged alone', { status: 'finished', runs: [run(3, 'diverged')], message: 'Update 3 (epoch 1) diverged: x.' }, 'Update 3 (epoch 1) diverged: x.'],
    ['one of a race diverged', { status: 'finished', runs: [run(200, 'finished'), run(3, 'diverged')], message: 'run 3: Update 3 (epoch 1) diverged: x.' }, 'Finished after 200 updates. run 3: Update 3 (epoch 1) diverged: x.'],
    ['stopped', { status: 'stopped', runs: [run(7)] }, 'Stopped at update 7.'],
    ['a refused job', { status: 'error', message: 'data: train.x must have shape [16, 4, 4, 1, 2], got [16, 4, 4, 1, 1]' }, 'data: train.x must have shape [16, 4, 4, 1, 2], got [16, 4, 4, 1, 1]'],
    ['a failed worker', { status: 'failed', failure: 'The training worker stopped: out of memory.' }, 'The training worker stopped: out of memory. Press Restart worker to start the job again.'],
    ['terminated', { status: 'terminated' }, 'The training worker was closed. Press Restart worker to start the job again.'],
  ])('%s', (_, patch, expected) => {
    expect(statusText(view(patch))).toBe(expected);
  });
});
