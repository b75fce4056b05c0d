/** Chapter 5's running averages: updateRunningStats folded over the stream of training batches. */
import { describe, expect, it } from 'vitest';
import { geology, nativeSize, trainingSet } from '../../../chapters/05-batch-normalization/batch.ts';
import { MAP_COUNT } from '../../../chapters/05-batch-normalization/filters.ts';
import { runningHistory, trainingStream, MAX_STEPS } from '../../../chapters/05-batch-normalization/running.ts';
import { ParamError } from '../../../src/tensor/index.ts';
import { expectClose } from '../../support/tolerance.ts';

const set = trainingSet(geology(2, nativeSize({ dims: 2, size: 6 })), 6);
const newStream = () => trainingStream(set, 4);

describe('running averages', () => {
  it('start at mean 0 and variance 1 before any batch', () => {
    const h = runningHistory(newStream(), MAP_COUNT, 0.1, 0);
    expect(h.running).toHaveLength(1);
    expect([...h.running[0]!.mean.data]).toEqual([0, 0, 0, 0]);
    expect([...h.running[0]!.var.data]).toEqual([1, 1, 1, 1]);
  });

  it('follow (1 - momentum) running + momentum batch, with the unbiased batch variance', () => {
    const stream = newStream();
    const h = runningHistory(stream, MAP_COUNT, 0.25, 3);
    let mean = [0, 0, 0, 0];
    let variance = [1, 1, 1, 1];
    for (let k = 1; k <= 3; k++) {
      const b = stream.statistics(k);
      const m = b.count;
      mean = mean.map((v, c) => 0.75 * v + 0.25 * b.mean.data[c]!);
      variance = variance.map((v, c) => 0.75 * v + 0.25 * (m / (m - 1)) * b.var.data[c]!);
      expectClose(h.running[k]!.mean.data, mean);
      expectClose(h.running[k]!.var.data, variance);
    }
    expect(h.batches).toHaveLength(3);
  });

  it('copy the last batch with momentum 1 and never move with momentum 0', () => {
    const stream = newStream();
    const last = runningHistory(stream, MAP_COUNT, 1, 5);
    expectClose(last.running[5]!.mean.data, stream.statistics(5).mean.data);
    const frozen = runningHistory(stream, MAP_COUNT, 0, 5);
    expect([...frozen.running[5]!.mean.data]).toEqual([0, 0, 0, 0]);
  });

  it('compute each training batch once, whatever the momentum', () => {
    const stream = newStream();
    const first = stream.statistics(2);
    runningHistory(stream, MAP_COUNT, 0.5, 4);
    expect(stream.statistics(2)).toBe(first);
  });

  it('refuse a number of batches out of range', () => {
    const stream = newStream();
    expect(() => runningHistory(stream, MAP_COUNT, 0.1, MAX_STEPS + 1)).toThrow(ParamError);
    expect(() => stream.statistics(0)).toThrow(ParamError);
  });
});
