/**
 * The geology chapter's default job (src/model/presets/geology.ts) as the
 * worker runs it: a valid message, data the network fits, and, shortened
 * (fewer samples and epochs, the same architecture and optimizer), a network
 * that learns to tell the four structure types apart. The full preset's
 * accuracy and time are measured by test/bench/geology-preset.ts.
 */
import { describe, expect, it } from 'vitest';
import { createNetwork, describeNetwork } from '../../src/model/index.ts';
import { GEOLOGY_PRESET, presetJob, presetRun } from '../../src/model/presets/geology.ts';
import { parsePageMessage } from '../../src/model/worker-protocol.ts';
import { createRng } from '../../src/tensor/index.ts';
import { geologyData } from '../../src/workers/geology-data.ts';
import { benchPreset } from '../bench/geology-preset.ts';

describe('GEOLOGY_PRESET', () => {
  it('is a job the worker accepts, unchanged by its checks', () => {
    const message = { type: 'start', jobId: 'geology', job: presetJob() } as const;
    expect(parsePageMessage(message)).toEqual(message);
  });

  it('is a 4-class 3D task whose samples fit the network input', () => {
    const options = GEOLOGY_PRESET.data.options;
    const small = geologyData({ ...options, dataset: { ...options.dataset, count: 8 } });
    expect(small.train.x.shape.slice(1)).toEqual([...GEOLOGY_PRESET.inputShape]);
    expect(small.classNames).toHaveLength(4);
    expect(options.dataset.dims).toBe(3);
    const net = createNetwork(GEOLOGY_PRESET.layers, { inputShape: GEOLOGY_PRESET.inputShape, rng: createRng(GEOLOGY_PRESET.seed) });
    expect(net.outputShape).toEqual([4]);
    expect(describeNetwork(net).parameterCount).toBe(3508);
  });

  it('trains with Adam at the values of Kingma and Ba that the paper quotes, on mini-batches', () => {
    expect(presetRun()).toEqual({ id: 'adam', optimizer: { kind: 'adam', lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, schedule: 'mini-batch', batchSize: GEOLOGY_PRESET.batchSize });
    expect(presetJob(GEOLOGY_PRESET, { epochs: 2, startPaused: true })).toMatchObject({ epochs: 2, startPaused: true, seed: GEOLOGY_PRESET.seed });
  });

  it('learns (shortened: 400 samples, 5 epochs, same network and optimizer)', () => {
    const options = GEOLOGY_PRESET.data.options;
    const short = { ...GEOLOGY_PRESET, epochs: 5, data: { ...GEOLOGY_PRESET.data, options: { ...options, dataset: { ...options.dataset, count: 400 } } } };
    const result = benchPreset('short', short);
    expect(result.error).toBeNull();
    expect(result).toMatchObject({ trainSize: 320, validationSize: 80 });
    const epochs = result.epochs.map((e) => e.record);
    expect(epochs).toHaveLength(5);
    // Chance is 25% on four balanced classes; the loss of a uniform guess is ln 4 = 1.39.
    expect(epochs[4]!.loss).toBeLessThan(0.6 * epochs[0]!.loss);
    expect(epochs[4]!.validationAccuracy).toBeGreaterThan(0.55);
    expect(epochs[4]!.validationLoss).toBeLessThan(Math.log(4) * 0.75);
  });
});
