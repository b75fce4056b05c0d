import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/model/index.ts';
import * as dense from '../../../src/nn/dense.ts';
import * as softmax from '../../../src/nn/softmax.ts';
import { geologySample, geologySet } from '../../../chapters/07-inference-zone/geology.ts';
import { CLASS_COUNT, HIDDEN_UNITS } from '../../../chapters/07-inference-zone/layers.ts';
import { chapterNetwork, inferencePass, trainingRecord, WEIGHTS } from '../../../chapters/07-inference-zone/network.ts';
import { buildNetwork } from '../../../chapters/07-inference-zone/weights.ts';

const H_M = { 1: [1, 16, 1, 1, 4], 2: [1, 4, 4, 1, 4], 3: [1, 3, 3, 3, 4] } as const;

describe('one forward pass of the chapter\'s CNN', () => {
  for (const dims of [1, 2, 3] as const) {
    it(`${dims}D: names H^M, Vec(H^M), FC_1, the scores and their softmax from the model's own pass`, () => {
      const net = chapterNetwork(dims, 'trained');
      const pass = inferencePass(net, geologySample(dims, 'faulted', 2).x);
      expect(pass.hM.shape).toEqual(H_M[dims]);
      const length = H_M[dims].slice(1).reduce((a: number, b: number) => a * b, 1);
      expect(pass.vec.shape).toEqual([1, length]);
      // Vec keeps the row-major order: the same values in the same order.
      expect(Array.from(pass.vec.data)).toEqual(Array.from(pass.hM.data));
      expect(pass.dense.map((d) => d.w.shape)).toEqual([[HIDDEN_UNITS, length], [CLASS_COUNT, HIDDEN_UNITS]]);
      const [fc1, fc2] = pass.dense;
      expect(fc1!.input).toBe(pass.vec);
      expect(fc1!.activation).toBe('relu');
      expect(Array.from(fc1!.affine.data)).toEqual(Array.from(dense.forward({ x: pass.vec, w: fc1!.w, b: fc1!.b }).y.data));
      expect(Array.from(fc1!.output.data)).toEqual(Array.from(fc1!.affine.data, (v) => (v > 0 ? v : 0)));
      expect(fc2!.input).toBe(fc1!.output);
      expect(fc2!.activation).toBeNull();
      expect(pass.scores).toBe(fc2!.output);
      expect(Array.from(pass.probabilities.data)).toEqual(Array.from(softmax.forward({ x: pass.scores }).y.data));
      expect(pass.probabilities.data.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    });
  }

  it('with the stored weights reproduces the held-out accuracy train-weights.ts recorded', () => {
    for (const dims of [1, 2, 3] as const) {
      const record = trainingRecord(dims);
      const heldOut = geologySet(dims, 99, record.heldOutSamples);
      const { accuracy } = evaluate(chapterNetwork(dims, 'trained'), { x: heldOut.x, target: heldOut.oneHot }, 'cross_entropy');
      expect(accuracy).toBe(record.heldOutAccuracy);
    }
    // A section or a block tells the four structures apart far better than chance (0.25); one well column barely.
    expect(trainingRecord(2).heldOutAccuracy).toBeGreaterThan(0.75);
    expect(trainingRecord(3).heldOutAccuracy).toBeGreaterThan(0.75);
  });

  it('with the paper\'s initialization gives weights from N(0, 0.1) cut at 0.2 and biases of one', () => {
    const net = chapterNetwork(2, 'initial');
    const w = net.params['fc1.w']!.data;
    expect(Math.max(...Array.from(w, Math.abs))).toBeLessThanOrEqual(0.2);
    expect(Array.from(net.params['fc2.b']!.data)).toEqual([1, 1, 1, 1]);
  });

  it('refuses stored weights whose shapes do not fit the layers, naming the layer', () => {
    const broken = JSON.parse(JSON.stringify(WEIGHTS));
    broken.networks['2'].params['fc1.w'].shape = [8, 63];
    expect(() => buildNetwork(2, 'trained', broken)).toThrow(/dense/);
  });
});
