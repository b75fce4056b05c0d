/** Small networks and data sets shared by the model tests. */
import { createNetwork, type Dataset, type LayerSpec, type Network } from '../../src/model/index.ts';
import { tensor, type Rng } from '../../src/tensor/index.ts';
import { randomTensor, seeded } from '../support/random.ts';

/** 2D classifier: conv + batchnorm + relu + maxpool + flatten + dense, for cross-entropy. */
export const CLASSIFIER_2D: LayerSpec[] = [
  { type: 'conv', name: 'c1', size: [3, 3, 1], filters: 3, stride: [1, 1, 1], padding: [1, 1, 0] },
  { type: 'batchnorm', name: 'bn1' },
  { type: 'activation', kind: 'relu' },
  { type: 'pool', kind: 'max', window: [2, 2, 1] },
  { type: 'flatten' },
  { type: 'dense', name: 'fc1', units: 3 },
];

/** 3D regressor: strided, padded conv + tanh, then dense + sigmoid + dense, for MSE. */
export const REGRESSOR_3D: LayerSpec[] = [
  { type: 'conv', name: 'c1', size: [3, 3, 3], filters: 2, stride: [2, 2, 2], padding: [1, 1, 1] },
  { type: 'activation', kind: 'tanh' },
  { type: 'flatten' },
  { type: 'dense', name: 'fc1', units: 4 },
  { type: 'activation', kind: 'sigmoid' },
  { type: 'dense', name: 'fc2', units: 2 },
];

/** 1D network: conv with stride 2 + batchnorm + tanh + l2 and avg pooling + flatten + dense. */
export const NETWORK_1D: LayerSpec[] = [
  { type: 'conv', name: 'c1', size: [4, 1, 1], filters: 3, stride: [2, 1, 1], padding: [1, 0, 0] },
  { type: 'batchnorm', name: 'bn1' },
  { type: 'activation', kind: 'tanh' },
  { type: 'pool', kind: 'l2', window: [2, 1, 1], stride: [1, 1, 1] },
  { type: 'pool', kind: 'avg', window: [2, 1, 1] },
  { type: 'flatten' },
  { type: 'dense', name: 'fc1', units: 2 },
];

/** One-hot rows [n, k] for the given classes. */
export function oneHot(classes: readonly number[], k: number): ReturnType<typeof tensor> {
  const t = tensor([classes.length, k]);
  classes.forEach((c, i) => (t.data[i * k + c] = 1));
  return t;
}

/** Random probability rows [n, k] (positive, each summing to 1). */
export function randomProbabilities(n: number, k: number, rng: Rng): ReturnType<typeof tensor> {
  const t = tensor([n, k]);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let c = 0; c < k; c++) s += t.data[i * k + c] = 0.1 + rng.next();
    for (let c = 0; c < k; c++) t.data[i * k + c]! /= s;
  }
  return t;
}

export function network(layers: LayerSpec[], inputShape: number[], seed = 1, biasInit: 'ones' | 'zeros' = 'ones'): Network {
  return createNetwork(layers, { inputShape, rng: seeded(seed), biasInit });
}

/**
 * A separable 2D problem: 4 x 4 single-channel images whose left half
 * (class 0) or right half (class 1) is bright, plus noise.
 */
export function leftRightImages(n: number, seed = 5): Dataset {
  const rng = seeded(seed);
  const x = randomTensor([n, 4, 4, 1, 1], rng, 0.2);
  const classes: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    classes.push(c);
    for (let px = 0; px < 4; px++) {
      for (let py = 0; py < 4; py++) {
        if ((px < 2) === (c === 0)) x.data[i * 16 + px * 4 + py]! += 1;
      }
    }
  }
  return { x, target: oneHot(classes, 2) };
}

export const LEFT_RIGHT_NET: LayerSpec[] = [
  { type: 'conv', name: 'c1', size: [3, 3, 1], filters: 2, padding: [1, 1, 0] },
  { type: 'activation', kind: 'relu' },
  { type: 'pool', kind: 'max', window: [2, 2, 1] },
  { type: 'flatten' },
  { type: 'dense', name: 'fc1', units: 2 },
];
