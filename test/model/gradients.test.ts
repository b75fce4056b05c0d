/**
 * Whole-network gradients (the nabla_Theta L of eq. 11) against centred finite
 * differences of the loss, for every parameter and for the input.
 */
import { describe, expect, it } from 'vitest';
import { backward, forward, lossAndGradients, type LayerSpec, type Network } from '../../src/model/index.ts';
import { loss as lossOp, type LossKind } from '../../src/nn/loss.ts';
import type { Tensor } from '../../src/tensor/index.ts';
import { expectGradientMatches } from '../support/finite-difference.ts';
import { randomTensor, seeded } from '../support/random.ts';
import { CLASSIFIER_2D, NETWORK_1D, REGRESSOR_3D, network, randomProbabilities } from './fixtures.ts';

interface Setup {
  layers: LayerSpec[];
  inputShape: number[];
  n: number;
  loss: LossKind;
  k: number;
}

const setups: [string, Setup][] = [
  ['2D classifier: conv + batchnorm + relu + maxpool + flatten + dense, cross-entropy', { layers: CLASSIFIER_2D, inputShape: [6, 6, 1, 1], n: 3, loss: 'cross_entropy', k: 3 }],
  ['3D regressor: strided padded conv + tanh + dense + sigmoid + dense, MSE', { layers: REGRESSOR_3D, inputShape: [5, 4, 3, 2], n: 2, loss: 'mse', k: 2 }],
  ['1D network: strided conv + batchnorm + tanh + l2 and avg pools + dense, cross-entropy', { layers: NETWORK_1D, inputShape: [13, 1, 1, 2], n: 3, loss: 'cross_entropy', k: 2 }],
];

function scalarLoss(net: Network, x: Tensor, target: Tensor, kind: LossKind): () => number {
  return () => lossOp({ x: forward(net, x, { mode: 'train' }).output, target }, { kind }).loss;
}

describe.each(setups)('%s', (_, s) => {
  const rng = seeded(7);
  // biases at zero and small random inputs keep ReLU and max-pool away from their kinks
  const net = network(s.layers, s.inputShape, 3, 'zeros');
  const x = randomTensor([s.n, ...s.inputShape], rng);
  const target = s.loss === 'mse' ? randomTensor([s.n, s.k], rng) : randomProbabilities(s.n, s.k, rng);

  it('matches finite differences for every parameter', () => {
    const { gradients } = lossAndGradients(net, x, target, s.loss);
    expect(Object.keys(gradients)).toEqual(Object.keys(net.params));
    for (const [name, param] of Object.entries(net.params)) {
      expect(gradients[name]!.shape).toEqual(param.shape);
      expectGradientMatches(param, gradients[name]!, scalarLoss(net, x, target, s.loss));
    }
  });

  it('matches finite differences for the input X', () => {
    const { pass, dx } = lossAndGradients(net, x, target, s.loss);
    const dOut = lossOp({ x: pass.output, target }, { kind: s.loss }).dx;
    expect(backward(net, pass, dOut).dx.data).toEqual(dx.data);
    expectGradientMatches(x, dx, scalarLoss(net, x, target, s.loss));
  });
});

describe('inference mode', () => {
  it('differentiates through batchnorm with the running averages as constants', () => {
    const rng = seeded(9);
    const net = network(CLASSIFIER_2D, [4, 4, 1, 1], 2, 'zeros');
    net.running.bn1 = { mean: { shape: [3], data: Float64Array.of(0.1, -0.2, 0.05) }, var: { shape: [3], data: Float64Array.of(0.5, 2, 1.5) } };
    const x = randomTensor([2, 4, 4, 1, 1], rng);
    const target = randomProbabilities(2, 3, rng);
    const { gradients } = lossAndGradients(net, x, target, 'cross_entropy', 'inference');
    const f = () => lossOp({ x: forward(net, x, { mode: 'inference' }).output, target }, { kind: 'cross_entropy' }).loss;
    for (const [name, param] of Object.entries(net.params)) expectGradientMatches(param, gradients[name]!, f);
  });
});
