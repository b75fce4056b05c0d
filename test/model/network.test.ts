/** Shape inference through the stack (eq. 2), parameter counts, the paper's initialization, and refusals naming the layer. */
import { describe, expect, it } from 'vitest';
import { createNetwork, describeNetwork, layerShapes, planNetwork, type LayerSpec } from '../../src/model/index.ts';
import { AtlasError, tensor } from '../../src/tensor/index.ts';
import { seeded } from '../support/random.ts';
import { CLASSIFIER_2D, REGRESSOR_3D, network } from './fixtures.ts';

function refusal(fn: () => unknown): AtlasError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AtlasError);
    return e as AtlasError;
  }
  throw new Error('expected a refusal, but the call returned');
}

const CNN_3D: LayerSpec[] = [
  { type: 'conv', name: 'c1', size: [3, 3, 3], filters: 8, padding: [1, 1, 1] },
  { type: 'activation', kind: 'relu' },
  { type: 'pool', kind: 'max', window: [2, 2, 2] },
  { type: 'conv', name: 'c2', size: [3, 3, 3], filters: 16 },
  { type: 'batchnorm', name: 'bn2' },
  { type: 'activation', kind: 'relu' },
  { type: 'pool', kind: 'max', window: [2, 2, 2], stride: [1, 1, 1] },
  { type: 'flatten' },
  { type: 'dense', name: 'fc1', units: 4 },
];

describe('shape inference', () => {
  it('gives every H^m and the parameter counts of a 3D CNN', () => {
    const { layers, parameterCount } = describeNetwork(planNetwork(CNN_3D, { inputShape: [16, 16, 16, 1] }));
    expect(layers.map((l) => [l.label, l.outputShape, l.parameterCount])).toEqual([
      ['conv c1', [16, 16, 16, 8], 3 * 3 * 3 * 1 * 8 + 8],
      ['activation relu', [16, 16, 16, 8], 0],
      ['pool max', [8, 8, 8, 8], 0],
      ['conv c2', [6, 6, 6, 16], 3 * 3 * 3 * 8 * 16 + 16],
      ['batchnorm bn2', [6, 6, 6, 16], 32],
      ['activation relu', [6, 6, 6, 16], 0],
      ['pool max', [5, 5, 5, 16], 0],
      ['flatten', [2000], 0],
      ['dense fc1', [4], 2000 * 4 + 4],
    ]);
    expect(parameterCount).toBe(224 + 3472 + 32 + 8004);
    expect(layers[3]!.params).toEqual([
      { name: 'c2.w', shape: [3, 3, 3, 8, 16], count: 3456 },
      { name: 'c2.b', shape: [16], count: 16 },
    ]);
  });

  it('floors when a stride does not divide evenly (eq. 2) and fills the defaults', () => {
    const plan = planNetwork([{ type: 'conv', name: 'c', size: [3, 1, 1], filters: 2, stride: [2, 1, 1] }], { inputShape: [8, 1, 1, 1] });
    expect(plan.layers[0]!.outShape).toEqual([3, 1, 1, 2]);
    expect(plan.layers[0]!.spec).toMatchObject({ stride: [2, 1, 1], padding: [0, 0, 0] });
    expect(planNetwork([{ type: 'pool', kind: 'avg', window: [2, 2, 1] }], { inputShape: [5, 5, 1, 3] }).layers[0]!.spec).toMatchObject({ stride: [2, 2, 1] });
  });

  it('handles 1D inputs and networks of dense layers only', () => {
    expect(layerShapes([{ type: 'conv', name: 'c', size: [5, 1, 1], filters: 4, stride: [3, 1, 1], padding: [2, 0, 0] }, { type: 'flatten' }], [32, 1, 1, 1])).toEqual([[11, 1, 1, 4], [44]]);
    expect(layerShapes([{ type: 'dense', name: 'h', units: 5 }, { type: 'activation', kind: 'tanh' }, { type: 'dense', name: 'o', units: 1 }], [3])).toEqual([[5], [5], [1]]);
  });

  it('takes the layer sizes from given parameters', () => {
    const plan = planNetwork(
      [{ type: 'conv', name: 'c1' }, { type: 'flatten' }, { type: 'dense', name: 'fc' }],
      { inputShape: [4, 4, 1, 2], parameters: { 'c1.w': tensor([3, 3, 1, 2, 5]), 'fc.w': tensor([7, 2 * 2 * 5]) } },
    );
    expect(plan.outputShape).toEqual([7]);
    expect(plan.layers[0]!.spec).toMatchObject({ size: [3, 3, 1], filters: 5 });
  });
});

describe('refusals name the layer', () => {
  it.each<[string, LayerSpec[], number[], 'shape' | 'param', string | RegExp]>([
    [
      'a filter larger than its padded input',
      [{ type: 'conv', name: 'c1', size: [3, 3, 1], filters: 2 }, { type: 'pool', kind: 'max', window: [2, 2, 1] }, { type: 'conv', name: 'c2', size: [3, 3, 1], filters: 2 }],
      [6, 6, 1, 1],
      'shape',
      'network: layer 2 (conv c2): conv: the 3-wide window along x is larger than the padded input 2 + 2*0 = 2 (input [2, 2, 1], window [3, 3, 1], padding [0, 0, 0])',
    ],
    ['a pooling window larger than its input', [{ type: 'pool', kind: 'max', window: [4, 1, 1] }], [3, 3, 1, 1], 'shape', /^network: layer 0 \(pool max\): pool: the 4-wide window along x/],
    ['a dense layer on an unflattened input', [{ type: 'dense', name: 'fc', units: 2 }], [4, 4, 1, 3], 'shape', 'network: layer 0 (dense fc): dense: needs a flat sample [k]; put a flatten layer (Vec, eq. 7) before it (input [4, 4, 1, 3])'],
    ['a conv after flatten', [{ type: 'flatten' }, { type: 'conv', name: 'c', size: [1, 1, 1], filters: 1 }], [2, 2, 1, 1], 'shape', /^network: layer 1 \(conv c\): conv: needs a sample \[x, y, z, d\]/],
    ['batchnorm after flatten', [{ type: 'flatten' }, { type: 'batchnorm', name: 'bn' }], [2, 2, 1, 1], 'shape', /^network: layer 1 \(batchnorm bn\): batchnorm: needs a sample/],
    ['a conv without filters', [{ type: 'conv', name: 'c', size: [3, 3, 1] }], [5, 5, 1, 1], 'param', 'network: layer 0 (conv c): conv: filters must be an integer of at least 1, got undefined'],
    ['a dense layer without units', [{ type: 'flatten' }, { type: 'dense', name: 'fc' }], [2, 2, 1, 1], 'param', /^network: layer 1 \(dense fc\): dense: units must be an integer of at least 1/],
    ['a negative padding', [{ type: 'conv', name: 'c', size: [3, 3, 1], filters: 1, padding: [-1, 0, 0] }], [5, 5, 1, 1], 'param', 'network: layer 0 (conv c): conv: padding along x cannot be negative, got -1'],
    ['an unknown pool kind', [{ type: 'pool', kind: 'median' as 'max', window: [2, 2, 1] }], [4, 4, 1, 1], 'param', /^network: layer 0 \(pool median\): pool: unknown pool kind "median"/],
    ['an unknown activation', [{ type: 'activation', kind: 'softplus' as 'relu' }], [4, 4, 1, 1], 'param', /^network: layer 0 \(activation softplus\): activation: unknown activation kind "softplus"/],
    ['an unknown layer type', [{ type: 'dropout' } as unknown as LayerSpec], [4, 4, 1, 1], 'param', 'network: layer 0: unknown layer type "dropout"; expected one of conv, batchnorm, activation, pool, flatten, dense'],
    ['a parameterized layer without a name', [{ type: 'batchnorm' } as unknown as LayerSpec], [4, 4, 1, 1], 'param', 'network: layer 0 (batchnorm) needs a name without dots for its parameters, got undefined'],
    ['a name used twice', [{ type: 'batchnorm', name: 'b' }, { type: 'batchnorm', name: 'b' }], [4, 4, 1, 1], 'param', 'network: layer 1: the name "b" is used twice'],
    ['an empty stack', [], [4, 4, 1, 1], 'param', 'network: layers must be a non-empty list, got []'],
    ['a batch axis in inputShape', [{ type: 'flatten' }], [1, 4, 4, 1, 1], 'shape', /^network: inputShape must be one sample \[x, y, z, d\]/],
  ])('%s', (_, layers, inputShape, category, message) => {
    const e = refusal(() => planNetwork(layers, { inputShape }));
    expect(e.category).toBe(category);
    if (typeof message === 'string') expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
  });

  it('refuses given parameters of the wrong shape or that no layer owns', () => {
    const layers: LayerSpec[] = [{ type: 'conv', name: 'c1', size: [3, 3, 1], filters: 2 }];
    const wrong = refusal(() => planNetwork(layers, { inputShape: [5, 5, 1, 1], parameters: { 'c1.b': tensor([3]) } }));
    expect(wrong.message).toBe('network: layer 0 (conv c1): conv: parameter c1.b has shape [3], expected [2]');
    const depth = refusal(() => planNetwork([{ type: 'conv', name: 'c1' }], { inputShape: [5, 5, 1, 1], parameters: { 'c1.w': tensor([3, 3, 1, 2, 4]) } }));
    expect(depth.message).toBe('network: layer 0 (conv c1): conv: w [3, 3, 1, 2, 4] must be [wx, wy, wz, wd, wc] with wd = 1, the input depth');
    const stray = refusal(() => planNetwork(layers, { inputShape: [5, 5, 1, 1], parameters: { 'c2.w': tensor([1]) } }));
    expect(stray.message).toBe('network: no layer has a parameter named "c2.w"');
  });

  it('needs an rng to draw weights that are not given', () => {
    expect(refusal(() => createNetwork(REGRESSOR_3D, { inputShape: [5, 4, 3, 2] })).message).toBe(
      'network: parameter c1.w is not given, so an rng is needed to draw it',
    );
  });
});

describe("the paper's initialization", () => {
  const net = network(CLASSIFIER_2D, [6, 6, 1, 1], 4);

  it('draws weights from N(0, 0.1) truncated at 2 sigma', () => {
    const w = [...net.params['c1.w']!.data, ...net.params['fc1.w']!.data];
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(0.2);
    const mean = w.reduce((s, v) => s + v, 0) / w.length;
    const sd = Math.sqrt(w.reduce((s, v) => s + (v - mean) ** 2, 0) / w.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(sd).toBeGreaterThan(0.07);
    expect(sd).toBeLessThan(0.1);
  });

  it('starts biases at ones (or zeros on request), gamma at 1, beta at 0, running mean 0 and var 1', () => {
    expect([...net.params['c1.b']!.data]).toEqual([1, 1, 1]);
    expect([...net.params['fc1.b']!.data]).toEqual([1, 1, 1]);
    expect([...network(CLASSIFIER_2D, [6, 6, 1, 1], 4, 'zeros').params['fc1.b']!.data]).toEqual([0, 0, 0]);
    expect([...net.params['bn1.gamma']!.data]).toEqual([1, 1, 1]);
    expect([...net.params['bn1.beta']!.data]).toEqual([0, 0, 0]);
    expect([...net.running.bn1!.mean.data]).toEqual([0, 0, 0]);
    expect([...net.running.bn1!.var.data]).toEqual([1, 1, 1]);
  });

  it('lists the parameters in layer order and reproduces them from the seed', () => {
    expect(Object.keys(net.params)).toEqual(['c1.w', 'c1.b', 'bn1.gamma', 'bn1.beta', 'fc1.w', 'fc1.b']);
    expect(network(CLASSIFIER_2D, [6, 6, 1, 1], 4).params['fc1.w']!.data).toEqual(net.params['fc1.w']!.data);
    expect(network(CLASSIFIER_2D, [6, 6, 1, 1], 5).params['fc1.w']!.data).not.toEqual(net.params['fc1.w']!.data);
  });

  it('copies given parameters rather than sharing them', () => {
    const w = tensor([1, 1, 1, 1, 1], [2]);
    const own = createNetwork([{ type: 'conv', name: 'c' }], { inputShape: [2, 2, 1, 1], parameters: { 'c.w': w }, rng: seeded(1) });
    own.params['c.w']!.data[0] = 5;
    expect(w.data[0]).toBe(2);
  });

  it('refuses an unknown bias initialization', () => {
    expect(() => createNetwork(CLASSIFIER_2D, { inputShape: [6, 6, 1, 1], rng: seeded(1), biasInit: 'random' as 'ones' })).toThrow(
      'network: biasInit must be "ones" or "zeros", got "random"',
    );
  });
});
