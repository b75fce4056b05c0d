/** Chapter 11's training job, the curves and confusion read back, and the files it reads. */
import { describe, expect, it } from 'vitest';
import { createDataset } from '../../../src/data/index.ts';
import { createNetwork } from '../../../src/model/index.ts';
import { GEOLOGY_PRESET } from '../../../src/model/presets/geology.ts';
import { parseSavedNetwork, serializeNetwork } from '../../../src/model/saved-network.ts';
import type { RunView } from '../../../src/model/training-view.ts';
import type { EpochRecord } from '../../../src/model/worker-protocol.ts';
import { readJob } from '../../../src/model/worker-protocol-job.ts';
import { createRng } from '../../../src/tensor/index.ts';
import { DEFAULT_CONFIG, buildNetwork, type BuilderConfig } from '../../../chapters/11-geology-training/builder.ts';
import { browseData, browsedSample } from '../../../chapters/11-geology-training/browse.ts';
import { configFromSaved, gridAsCsv, guessFormat, userGridInput } from '../../../chapters/11-geology-training/files.ts';
import { DEFAULT_TRAIN, epochCurves, firstEpochReaching, latestConfusion, trainingJob } from '../../../chapters/11-geology-training/training.ts';

const net = buildNetwork(DEFAULT_CONFIG);

describe('trainingJob', () => {
  it('is the preset job when the settings are the defaults, and passes the worker\'s checks', () => {
    const job = trainingJob(net, DEFAULT_TRAIN);
    expect(readJob(job, 'job')).toBeTruthy();
    expect(job.data).toEqual(GEOLOGY_PRESET.data);
    expect(job.runs[0]!.optimizer).toEqual(GEOLOGY_PRESET.optimizer);
    expect(job.runs[0]!.batchSize).toBe(GEOLOGY_PRESET.batchSize);
    expect(job.epochs).toBe(GEOLOGY_PRESET.epochs);
    expect(job.seed).toBe(GEOLOGY_PRESET.seed);
    expect(job.network.parameters).toBeUndefined();
  });

  it('refuses a data set too large for the worker, stating the limit and what fits', () => {
    const big = buildNetwork({ ...DEFAULT_CONFIG, size: 32, padding: 1 });
    expect(() => trainingJob(big, { ...DEFAULT_TRAIN, count: 2000 })).toThrow(/at most 16,777,216 \(2\^24\), so at most 128 models/);
  });

  it('refuses a mini-batch larger than the training set', () => {
    expect(() => trainingJob(net, { ...DEFAULT_TRAIN, count: 40, batch: 64 })).toThrow(/larger than the 32 training models/);
  });

  it('uses the paper\'s hyperparameters for another optimizer, with the chosen alpha', () => {
    const job = trainingJob(net, { ...DEFAULT_TRAIN, optimizer: 'momentum', lr: 0.05 });
    expect(job.runs[0]!.optimizer).toMatchObject({ kind: 'momentum', lr: 0.05, gamma: 0.9 });
  });
});

const epoch = (n: number, patch: Partial<EpochRecord> = {}): EpochRecord => ({
  epoch: n, step: 10 * n, complete: true, samples: 160, loss: 1 / n, accuracy: 0.5, validationLoss: 1.2 / n, validationAccuracy: 0.31 * n, confusion: [n, 0, 0, n], ...patch,
});
const runOf = (epochs: EpochRecord[]): RunView => ({
  id: 'adam', label: 'adam', status: 'running', step: 30, epoch: 3, batch: 1, batchesPerEpoch: 10, loss: 0.3, accuracy: 0.9,
  losses: new Float64Array(30), accuracies: null, epochs, diverged: null,
});

describe('reading the run', () => {
  it('gives per-epoch curves with accuracy in %, and a gap (NaN, never drawn) where a value is missing', () => {
    const c = epochCurves(runOf([epoch(1), epoch(2, { validationLoss: null, validationAccuracy: null })]));
    expect(Array.from(c.epoch)).toEqual([1, 2]);
    expect(c.trainAccuracy[0]).toBe(50);
    expect(c.validationAccuracy[0]).toBeCloseTo(31, 12);
    expect(Number.isNaN(c.validationLoss[1]!)).toBe(true);
    expect(epochCurves(undefined).epoch.length).toBe(0);
  });

  it('finds the latest confusion and the first epoch at 90 % validation accuracy', () => {
    const run = runOf([epoch(1), epoch(2), epoch(3), epoch(4, { confusion: null })]);
    expect(latestConfusion(run)).toEqual([3, 0, 0, 3]);
    expect(firstEpochReaching(run)?.epoch).toBe(3);
    expect(firstEpochReaching(runOf([epoch(1)]))).toBeNull();
  });
});

describe('network files', () => {
  const saveOf = (config: BuilderConfig) => {
    const built = buildNetwork(config);
    const network = createNetwork(built.layers, { inputShape: built.inputShape, rng: createRng(5) });
    return parseSavedNetwork(serializeNetwork(network, { loss: 'cross_entropy', classNames: ['a', 'b', 'c', 'd'], encoding: 'onehot', provenance: { steps: 3, epochs: 0 } }));
  };

  it('reads the builder settings back from a saved network', () => {
    const config: BuilderConfig = { ...DEFAULT_CONFIG, dims: 2, size: 24, blocks: 3, growth: 'double', padding: 1, batchNorm: false, activation: 'tanh', pool: 'avg', pooled: 2, hidden: 1, units: 24 };
    expect(configFromSaved(saveOf(config))).toEqual(config);
    expect(configFromSaved(saveOf(DEFAULT_CONFIG))).toEqual(DEFAULT_CONFIG);
  });

  it('refuses a network the builder cannot make, saying why', () => {
    const saved = saveOf(DEFAULT_CONFIG);
    const odd = { ...saved, layers: saved.layers.map((l) => (l.type === 'conv' && l.name === 'c2' ? { ...l, size: [1, 1, 1] as const } : l)) };
    expect(() => configFromSaved(odd)).toThrow(/not made with this page's builder/);
    expect(() => configFromSaved({ ...saved, loss: 'mse' })).toThrow(/trained for mse/);
  });
});

describe('a reader\'s grid', () => {
  const ds = browseData(3, 12);
  it('round-trips a data set sample written as CSV into the one-hot input the network reads', () => {
    const sample = ds.samples[1]!;
    const text = gridAsCsv({ shape: [...sample.shape], data: Float64Array.from(sample.facies) }, 'model 2');
    expect(guessFormat(text)).toBe('csv');
    expect(guessFormat(' {"shape": [1]}')).toBe('json');
    const user = userGridInput(text, 'csv', net.inputShape);
    expect(user.shape).toEqual([12, 12, 12]);
    expect(Array.from(user.codes)).toEqual(Array.from(sample.facies));
    expect(user.input.shape).toEqual([1, 12, 12, 12, 4]);
    expect(Array.from(user.input.data)).toEqual(Array.from(ds.inputs.data.subarray(12 ** 3 * 4, 2 * 12 ** 3 * 4)));
  });

  it('refuses a grid of another size, one that is not facies codes, and malformed text, in words', () => {
    expect(() => userGridInput('{"shape": [2, 2], "values": [0, 1, 2, 3]}', 'json', net.inputShape)).toThrow(/the grid is 2 × 2 × 1 cells but the network reads 12 × 12 × 12/);
    const bad = { shape: [12, 12, 12], values: new Array(12 ** 3).fill(0.5) };
    expect(() => userGridInput(JSON.stringify(bad), 'json', net.inputShape)).toThrow(/not a facies code/);
    expect(() => userGridInput('{"shape": [12, 12', 'json', net.inputShape)).toThrow(/^grid: /);
  });
});

describe('browsing', () => {
  it('shows the same first models the worker trains on, with class and targets', () => {
    const ds = browseData(2, 16);
    const full = createDataset({ seed: GEOLOGY_PRESET.data.options.dataset.seed, count: 20, dims: 2, size: 16 });
    const s = browsedSample(ds, 3);
    expect(s.facies.shape).toEqual([16, 16, 1]);
    expect(Array.from(s.facies.data)).toEqual(Array.from(full.samples[3]!.facies));
    expect(s.className).toBe(full.classNames[full.labels[3]!]);
    expect(s.targets.map((t) => t.name)).toEqual(['net-to-gross', 'dip']);
    expect(s.counts.reduce((a, b) => a + b, 0)).toBe(256);
    expect(browsedSample(ds, 99).index).toBe(7);
  });
});

describe('describeTraining', () => {
  it('names the epochs, optimizer, learning rate, batch size and data set sizes', async () => {
    const { describeTraining } = await import('../../../chapters/11-geology-training/training.ts');
    expect(describeTraining(trainingJob(net, { ...DEFAULT_TRAIN, lr: 0.002, count: 400 }))).toContain('12 epochs of Adam with learning rate 0.002 on mini-batches of 16 from 320 training models (80 held out)');
  });
});

describe('describeSettings', () => {
  it('says the settings in words', async () => {
    const { describeSettings } = await import('../../../chapters/11-geology-training/training.ts');
    expect(describeSettings({ ...DEFAULT_TRAIN, lr: 0.01 })).toBe('12 epochs of Adam with learning rate 0.01 on mini-batches of 16 from a data set of 2000 models');
  });
});

describe('timeNote', () => {
  it('quotes the project\'s measurement and the chapter\'s own, with no broken number', async () => {
    const { timeNote } = await import('../../../chapters/11-geology-training/training.ts');
    const text = timeNote();
    expect(text).toContain('validation accuracy first passes 90 % after epoch 4 (90.8 %)');
    expect(text).toContain('that took 8.39 s of training');
    expect(text).toContain('9.5 s of the browser');
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
  });
});
