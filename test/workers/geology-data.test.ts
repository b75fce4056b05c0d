/** The worker's 'geology' generator: synthetic grids split for training and validation, as the session trains on them. */
import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../../src/model/protocol-checks.ts';
import { AtlasError } from '../../src/tensor/index.ts';
import { geologyData } from '../../src/workers/geology-data.ts';
import { harness } from '../model/session-harness.ts';

const dataset = { seed: 4, count: 12, dims: 2, size: 8 } as const;

describe('geologyData', () => {
  it('makes one-hot class targets and a stratified validation set', () => {
    const d = geologyData({ dataset, validationFraction: 0.25 });
    expect(d.train.x.shape).toEqual([9, 8, 8, 1, 4]);
    expect(d.validation!.x.shape).toEqual([3, 8, 8, 1, 4]);
    expect(d.train.target.shape).toEqual([9, 4]);
    expect(d.classNames).toHaveLength(4);
    // One sample of each of 3 classes held out (3 per class, a quarter rounded).
    const held = Array.from({ length: 3 }, (_, r) => d.validation!.target.data.subarray(r * 4, r * 4 + 4).indexOf(1));
    expect(new Set(held).size).toBe(3);
  });

  it('makes regression targets on [0, 1] for MSE, without class names', () => {
    const d = geologyData({ dataset, target: 'properties', validationFraction: 0 });
    expect(d.validation).toBeNull();
    expect(d.classNames).toBeNull();
    expect(d.train.target.shape).toEqual([12, 2]);
    for (const v of d.train.target.data) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it('is the same set for the same options', () => {
    expect(geologyData({ dataset }).train.x.data).toEqual(geologyData({ dataset }).train.x.data);
  });

  it.each<[string, unknown, abstract new (...args: never[]) => Error, RegExp]>([
    ['options that are not an object', 3, ProtocolError, /data.options must be an object, got 3/],
    ['an unknown option', { dataset, split: 0.2 }, ProtocolError, /data.options has an unknown field "split"/],
    ['a validation share of 1', { dataset, validationFraction: 1 }, ProtocolError, /validationFraction must be a finite number from 0 to 0.99/],
    ['an unknown target', { dataset, target: 'dip' }, ProtocolError, /data.options.target must be one of classes, properties/],
    ['a data set option the data module refuses', { dataset: { ...dataset, dims: 4 } }, AtlasError, /dims must be 1 \(well column\), 2 \(x-z section\) or 3/],
  ])('refuses %s', (_, options, kind, expected) => {
    expect(() => geologyData(options)).toThrow(kind);
    expect(() => geologyData(options)).toThrow(expected);
  });

  it('feeds a training job in the session', () => {
    const h = harness({ generators: { geology: geologyData } });
    h.session.handle({
      type: 'start',
      jobId: 'geo',
      job: {
        network: {
          inputShape: [8, 8, 1, 4],
          layers: [
            { type: 'conv', name: 'c1', size: [3, 3, 1], filters: 2 },
            { type: 'activation', kind: 'relu' },
            { type: 'flatten' },
            { type: 'dense', name: 'fc1', units: 4 },
          ],
        },
        data: { kind: 'generated', generator: 'geology', options: { dataset, validationFraction: 0.25 } },
        loss: 'cross_entropy',
        runs: [{ id: 'adam', optimizer: { kind: 'adam', lr: 0.01 }, schedule: 'mini-batch', batchSize: 3 }],
        seed: 1,
        epochs: 2,
      },
    });
    h.drain();
    expect(h.of('error')).toEqual([]);
    expect(h.of('started')[0]!.data.trainSize).toBe(9);
    const epochs = h.of('progress').flatMap((p) => p.runs[0]!.epochs);
    expect(epochs.map((e) => e.confusion!.reduce((s, c) => s + c, 0))).toEqual([3, 3]);
  });
});
