/** Network files: exact round trips, and every kind of malformed file refused with a message the reader can act on. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToFloat64, float64ToBase64 } from '../../src/model/float64-base64.ts';
import { createNetwork, forward, type LayerSpec, type Network } from '../../src/model/index.ts';
import { GEOLOGY_PRESET } from '../../src/model/presets/geology.ts';
import {
  SAVED_NETWORK_MAX_BYTES,
  networkDescriptionOf,
  networkFromSaved,
  parseSavedNetwork,
  savedNetworkFileName,
  savedNetworkOf,
  serializeNetwork,
  stringifySavedNetwork,
  type SavedNetworkMeta,
} from '../../src/model/saved-network.ts';
import { ParamError, createRng, type Tensor } from '../../src/tensor/index.ts';
import { CLASSIFIER_2D, NETWORK_1D, REGRESSOR_3D } from './fixtures.ts';

const META: SavedNetworkMeta = {
  loss: 'cross_entropy',
  classNames: ['a', 'b', 'c'],
  encoding: 'onehot',
  provenance: { savedAt: '2026-11-25T11:30:00.000Z', steps: 120, epochs: 4, validationAccuracy: 0.9375, validationLoss: 0.21, seed: 7 },
};

function classifier(seed = 3): Network {
  const net = createNetwork(CLASSIFIER_2D, { inputShape: [6, 6, 1, 2], rng: createRng(seed) });
  // Trained-looking batchnorm statistics, not the initial 0 and 1.
  net.running.bn1 = { mean: { shape: [3], data: Float64Array.of(0.25, -1.5, 3e-9) }, var: { shape: [3], data: Float64Array.of(0.5, 2, 1e-12) } };
  return net;
}

const bits = (a: Float64Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

function expectSameNetwork(a: Network, b: Network): void {
  expect(Object.keys(b.params)).toEqual(Object.keys(a.params));
  for (const [name, t] of Object.entries(a.params)) {
    expect(b.params[name]!.shape).toEqual(t.shape);
    expect(bits(b.params[name]!.data)).toEqual(bits(t.data));
  }
  for (const [name, s] of Object.entries(a.running)) {
    expect(bits(b.running[name]!.mean.data)).toEqual(bits(s.mean.data));
    expect(bits(b.running[name]!.var.data)).toEqual(bits(s.var.data));
  }
}

/** A file's JSON, changed by `edit`, as text again. */
function edited(edit: (file: Record<string, any>) => void, net = classifier()): string {
  const file = JSON.parse(serializeNetwork(net, META));
  edit(file);
  return JSON.stringify(file);
}

function refusal(text: string): string {
  try {
    parseSavedNetwork(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ParamError);
    expect((e as Error).message.startsWith('network file: ')).toBe(true);
    return (e as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('float64 base64', () => {
  it('round-trips every bit, special values included', () => {
    const values = Float64Array.of(0, -0, 1, -1.5, Math.PI, 5e-324, -2.2250738585072014e-308, Number.MAX_VALUE, 1 / 3, NaN, Infinity);
    const text = float64ToBase64(values);
    expect(text.length).toBe(Math.ceil((values.length * 8) / 3) * 4);
    expect(bits(base64ToFloat64(text)!)).toEqual(bits(values));
  });

  it('writes little-endian bytes: 1 is 00 00 00 00 00 00 f0 3f', () => {
    expect(float64ToBase64(Float64Array.of(1))).toBe('AAAAAAAA8D8=');
    expect(Array.from(base64ToFloat64('AAAAAAAA8D8=')!)).toEqual([1]);
  });

  it('refuses text that is not base64 of whole 8-byte values', () => {
    for (const bad of ['AAAAAAAA8D8', 'AAAAAAAA8D8*', 'AAAA', 'AA=AAAAA8D8=', 'AAAAAAAA8D8=AAAA']) expect(base64ToFloat64(bad)).toBeNull();
    expect(base64ToFloat64('')).toEqual(new Float64Array(0));
  });

  it('round-trips random arrays', () => {
    fc.assert(
      fc.property(fc.float64Array({ maxLength: 40 }), (values) => {
        expect(bits(base64ToFloat64(float64ToBase64(values))!)).toEqual(bits(values));
      }),
    );
  });
});

describe('serializeNetwork / parseSavedNetwork', () => {
  it('round-trips a network exactly: parameters, batchnorm statistics, class names, provenance', () => {
    const net = classifier();
    const saved = parseSavedNetwork(serializeNetwork(net, META));
    expect(saved).toMatchObject({ format: 'cnn-atlas-network', version: 1, inputShape: [6, 6, 1, 2], loss: 'cross_entropy', classNames: ['a', 'b', 'c'], encoding: 'onehot', provenance: META.provenance });
    expect(saved.layers).toEqual(net.layers.map((l) => l.spec));
    const back = networkFromSaved(saved);
    expectSameNetwork(net, back);
    // So it computes the same outputs, to the bit, in inference mode.
    const x: Tensor = { shape: [2, 6, 6, 1, 2], data: Float64Array.from({ length: 144 }, (_, i) => Math.sin(i)) };
    expect(bits(forward(back, x, { mode: 'inference' }).output.data)).toEqual(bits(forward(net, x, { mode: 'inference' }).output.data));
  });

  it('writes the text again identically from what it read', () => {
    const text = serializeNetwork(classifier(), META);
    expect(stringifySavedNetwork(parseSavedNetwork(text))).toBe(text);
  });

  it('writes one line per tensor, values as base64, and stamps the time of saving when not given', () => {
    const text = serializeNetwork(classifier(), { loss: 'cross_entropy', provenance: { steps: 0, epochs: 0 } });
    expect(text).toMatch(/\n {2}"c1\.w": \{"shape":\[3,3,1,2,3\],"values":"[A-Za-z0-9+/]+=*"\}/);
    const saved = parseSavedNetwork(text);
    expect(saved.classNames).toBeNull();
    expect(saved.encoding).toBeNull();
    expect(Date.now() - Date.parse(saved.provenance.savedAt)).toBeLessThan(60_000);
    expect(saved.provenance).toMatchObject({ validationAccuracy: null, validationLoss: null, seed: null });
  });

  it('saves the geology preset in a few tens of kilobytes', () => {
    const net = createNetwork(GEOLOGY_PRESET.layers, { inputShape: GEOLOGY_PRESET.inputShape, rng: createRng(1) });
    const text = serializeNetwork(net, { ...META, classNames: ['h', 'f', 'x', 'c'] });
    expect(text.length).toBeLessThan(60_000);
    expectSameNetwork(net, networkFromSaved(parseSavedNetwork(text)));
  });

  it('reads a file with a byte-order mark, as some editors write it', () => {
    expect(parseSavedNetwork(`\ufeff${serializeNetwork(classifier(), META)}`).inputShape).toEqual([6, 6, 1, 2]);
  });

  it('gives a job the saved weights and statistics as copies', () => {
    const saved = parseSavedNetwork(serializeNetwork(classifier(), META));
    const desc = networkDescriptionOf(saved);
    expect(desc.parameters!['c1.w']!.data).toEqual(saved.parameters['c1.w']!.data);
    expect(desc.parameters!['c1.w']!.data).not.toBe(saved.parameters['c1.w']!.data);
    expect(desc.running!.bn1!.var.data).toEqual(saved.running.bn1!.var.data);
    expectSameNetwork(networkFromSaved(saved), createNetwork(desc.layers, { inputShape: desc.inputShape, parameters: desc.parameters, running: desc.running }));
  });

  it('suggests a safe file name', () => {
    expect(savedNetworkFileName('adam', 600)).toBe('cnn-atlas-network-adam-step600.json');
    expect(savedNetworkFileName('../a b/é', 3)).toBe('cnn-atlas-network-a-b-step3.json');
    expect(savedNetworkFileName('///', 0)).toBe('cnn-atlas-network-run-step0.json');
  });

  it('round-trips random valid networks exactly (property)', () => {
    const spec = fc.record({
      dims: fc.constantFrom(1, 2, 3),
      size: fc.integer({ min: 4, max: 6 }),
      depth: fc.integer({ min: 1, max: 3 }),
      filters: fc.integer({ min: 1, max: 3 }),
      kernel: fc.integer({ min: 1, max: 3 }),
      bn: fc.boolean(),
      pool: fc.boolean(),
      hidden: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      out: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer({ min: 0, max: 1000 }),
      loss: fc.constantFrom('cross_entropy' as const, 'mse' as const),
      steps: fc.nat({ max: 100_000 }),
      accuracy: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(spec, (s) => {
        const axis = (a: number) => (a < s.dims ? s.kernel : 1);
        const layers: LayerSpec[] = [
          { type: 'conv', name: 'c1', size: [axis(0), axis(1), axis(2)], filters: s.filters },
          ...(s.bn ? [{ type: 'batchnorm', name: 'bn1' } as const] : []),
          { type: 'activation', kind: 'tanh' },
          ...(s.pool ? [{ type: 'pool', kind: 'avg', window: [s.dims >= 1 ? 2 : 1, s.dims >= 2 ? 2 : 1, s.dims >= 3 ? 2 : 1] } as const] : []),
          { type: 'flatten' },
          ...(s.hidden ? [{ type: 'dense', name: 'fc1', units: s.hidden } as const, { type: 'activation', kind: 'relu' } as const] : []),
          { type: 'dense', name: 'out', units: s.out },
        ];
        const inputShape = [s.size, s.dims >= 2 ? s.size : 1, s.dims >= 3 ? s.size : 1, s.depth];
        const net = createNetwork(layers, { inputShape, rng: createRng(s.seed) });
        const rng = createRng(s.seed + 1);
        for (const stats of Object.values(net.running)) {
          stats.mean.data.forEach((_, i) => (stats.mean.data[i] = rng.next() * 4 - 2));
          stats.var.data.forEach((_, i) => (stats.var.data[i] = rng.next() * 3));
        }
        const meta: SavedNetworkMeta = {
          loss: s.loss,
          classNames: s.loss === 'cross_entropy' ? Array.from({ length: s.out }, (_, i) => `class ${i}`) : null,
          provenance: { steps: s.steps, epochs: 1, validationAccuracy: s.accuracy },
        };
        const saved = parseSavedNetwork(serializeNetwork(net, meta));
        expectSameNetwork(net, networkFromSaved(saved));
        expect(saved.provenance.validationAccuracy).toBe(s.accuracy);
        expect(saved).toEqual(parseSavedNetwork(stringifySavedNetwork(savedNetworkOf(networkFromSaved(saved), { ...meta, provenance: saved.provenance }))));
      }),
      { numRuns: 60 },
    );
  });
});

describe('parseSavedNetwork refuses', () => {
  it.each<[string, string, RegExp]>([
    ['text that is not JSON', '{"format": "cnn-atlas-network", ', /the file is not valid JSON \(.*\); expected a network saved by CNN Atlas/],
    ['JSON that is not an object', '[1, 2]', /expected a JSON object saved by CNN Atlas, got a list of 2/],
    ['another kind of file', '{"shape": [4, 4], "values": []}', /this is not a CNN Atlas network \(its "format" is missing, expected "cnn-atlas-network"\)/],
    ['another format name', edited((f) => (f.format = 'keras')), /its "format" is "keras"/],
    ['a newer version', edited((f) => (f.version = 2)), /format version 2, written by a newer CNN Atlas; this page reads version 1/],
    ['a version that is not a whole number', edited((f) => (f.version = '1')), /"version" must be a whole number from 1, got "1"/],
    ['an unknown field', edited((f) => (f.optimizer = 'adam')), /the file has an unknown field "optimizer"/],
    ['another value encoding', edited((f) => (f.values = 'decimal')), /values must be "float64-le-base64", got "decimal"/],
    ['a missing input shape', edited((f) => delete f.inputShape), /inputShape must be a list of 1 to 4 items, got undefined/],
    ['an unknown layer type', edited((f) => (f.layers[2] = { type: 'dropout' })), /layers\[2\]\.type must be one of conv, batchnorm, activation, pool, flatten, dense, got "dropout"/],
    ['an unknown layer field', edited((f) => (f.layers[0].dilation = [2, 2, 1])), /layers\[0\] \(conv\) has an unknown field "dilation"/],
    ['an architecture eq. 2 refuses', edited((f) => (f.layers[3].window = [7, 7, 1])), /the network it describes cannot be built: network: layer 3 \(pool max\)/],
    ['a missing parameter', edited((f) => delete f.parameters['fc1.b']), /layer 5 \(dense fc1\) needs the parameter fc1\.b \[3\], which the file does not hold/],
    ['a parameter no layer has', edited((f) => (f.parameters['fc2.w'] = f.parameters['fc1.b'])), /no layer has a parameter named "fc2\.w"/],
    ['a parameter of the wrong shape', edited((f) => (f.parameters['c1.b'] = { shape: [4], values: float64ToBase64(new Float64Array(4)) })), /parameter c1\.b has shape \[4\], expected \[3\]/],
    ['values that do not match the shape', edited((f) => (f.parameters['c1.b'].values = float64ToBase64(new Float64Array(2)))), /parameters\["c1\.b"\]\.values holds 2 values but its shape \[3\] needs 3/],
    ['values that are not base64', edited((f) => (f.parameters['c1.b'].values = '1, 2, 3')), /parameters\["c1\.b"\]\.values is not float64-le-base64 text \(base64 of 8 bytes a value\); the file may have been edited or cut short/],
    ['values given as numbers', edited((f) => (f.parameters['c1.b'].values = [1, 2, 3])), /parameters\["c1\.b"\]\.values must be the values as float64-le-base64 text, got a list of 3/],
    ['a value that is not finite', edited((f) => (f.parameters['fc1.w'].values = float64ToBase64(Float64Array.from({ length: 81 }, (_, i) => (i === 5 ? NaN : 0))))), /parameters\["fc1\.w"\]\.values holds NaN at index 5; every value must be a finite number/],
    ['missing batchnorm statistics', edited((f) => (f.running = {})), /layer 1 \(batchnorm bn1\) needs its running mean and var, which the file does not hold/],
    ['a negative running variance', edited((f) => (f.running.bn1.var.values = float64ToBase64(Float64Array.of(1, -0.5, 1)))), /layer 1 \(batchnorm bn1\): the running var holds -0\.5 for feature map 1; expected a finite, non-negative number/],
    ['running statistics of the wrong size', edited((f) => (f.running.bn1.mean = { shape: [2], values: float64ToBase64(new Float64Array(2)) })), /the running mean has shape \[2\], expected \[3\]/],
    ['statistics for a layer that is not batchnorm', edited((f) => (f.running.c1 = f.running.bn1)), /running statistics are given for "c1", which is not a batchnorm layer/],
    ['an unknown loss', edited((f) => (f.loss = 'hinge')), /loss must be one of cross_entropy, mse, got "hinge"/],
    ['class names that do not match the output', edited((f) => (f.classNames = ['a', 'b'])), /it names 2 classes, but the network's output has 3 values/],
    ['a date that is not a date', edited((f) => (f.provenance.savedAt = 'yesterday')), /provenance\.savedAt must be a date and time \(ISO 8601\), got "yesterday"/],
    ['an accuracy above 1', edited((f) => (f.provenance.validationAccuracy = 93)), /provenance\.validationAccuracy must be a finite number from 0 to 1, got 93/],
    ['a negative step count', edited((f) => (f.provenance.steps = -1)), /provenance\.steps must be an integer from 0 to 10000000, got -1/],
  ])('%s', (_, text, expected) => {
    expect(refusal(text)).toMatch(expected);
  });

  it('a file over the size limit, saying the limit', () => {
    const text = `${serializeNetwork(classifier(), META)}${' '.repeat(SAVED_NETWORK_MAX_BYTES)}`;
    expect(refusal(text)).toMatch(/the file is 20\.\d MB, over the limit of 20 MB/);
  });

  it('to write a network whose file would be over the limit', () => {
    const net = createNetwork([{ type: 'dense', name: 'fc', units: 2048 }], { inputShape: [1024], rng: createRng(1) });
    expect(() => serializeNetwork(net, { loss: 'mse', provenance: { steps: 0, epochs: 0 } })).toThrow(/network file: this network's file would be 2\d\.\d MB, over the limit of 20 MB a page reads back/);
  });

  it('and every refusal leaves a network already loaded as it was', () => {
    const net = networkFromSaved(parseSavedNetwork(serializeNetwork(classifier(), META)));
    const before = bits(net.params['c1.w']!.data);
    expect(() => parseSavedNetwork(edited((f) => (f.parameters['fc1.b'].values = 'x')))).toThrow(ParamError);
    expect(bits(net.params['c1.w']!.data)).toEqual(before);
  });
});

describe('other fixtures round-trip', () => {
  it.each([
    ['3D regressor', REGRESSOR_3D, [5, 5, 5, 1]],
    ['1D network', NETWORK_1D, [10, 1, 1, 2]],
  ] as const)('%s', (_, layers, inputShape) => {
    const net = createNetwork(layers, { inputShape, rng: createRng(9) });
    expectSameNetwork(net, networkFromSaved(parseSavedNetwork(serializeNetwork(net, { loss: 'mse', provenance: { steps: 1, epochs: 0 } }))));
  });
});
