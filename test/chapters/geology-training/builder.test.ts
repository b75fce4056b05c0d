/** Chapter 11's network builder: layer stack, eq. 2 per row, parameter counts, refusals in words, and the preset as default. */
import { describe, expect, it } from 'vitest';
import { planNetwork } from '../../../src/model/index.ts';
import { GEOLOGY_PRESET } from '../../../src/model/presets/geology.ts';
import { ShapeError, ParamError } from '../../../src/tensor/index.ts';
import { DEFAULT_CONFIG, buildNetwork, tryBuildNetwork, builderInputShape, builderLayers, eq2Text, type BuilderConfig } from '../../../chapters/11-geology-training/builder.ts';

const config = (patch: Partial<BuilderConfig>): BuilderConfig => ({ ...DEFAULT_CONFIG, ...patch });

describe('the defaults', () => {
  it('are the project preset, layer for layer once the model has filled in its defaults', () => {
    const ours = planNetwork(builderLayers(DEFAULT_CONFIG), { inputShape: builderInputShape(DEFAULT_CONFIG) });
    const preset = planNetwork(GEOLOGY_PRESET.layers, { inputShape: GEOLOGY_PRESET.inputShape });
    expect(ours.layers.map((l) => l.spec)).toEqual(preset.layers.map((l) => l.spec));
    expect(ours.inputShape).toEqual(preset.inputShape);
  });
});

describe('buildNetwork', () => {
  it('gives every layer its output size by eq. 2 and its parameter count', () => {
    const net = buildNetwork(DEFAULT_CONFIG);
    // 12 -conv 3, p 0-> 10 -pool 2-> 5 -conv 3-> 3; 8 filters; 3*3*3*8 = 216 into 4 scores
    expect(net.rows.map((r) => r.outShape)).toEqual([
      [10, 10, 10, 8], [10, 10, 10, 8], [10, 10, 10, 8], [5, 5, 5, 8],
      [3, 3, 3, 8], [3, 3, 3, 8], [3, 3, 3, 8], [216], [4],
    ]);
    expect(net.rows[0]!.eq2).toBe('⌊(12 − 3 + 2·0) / 1⌋ + 1 = 10');
    expect(net.rows[3]!.eq2).toBe('⌊(10 − 2 + 2·0) / 2⌋ + 1 = 5');
    expect(net.rows[0]!.parameters).toBe(3 * 3 * 3 * 4 * 8 + 8);
    expect(net.rows[1]!.parameters).toBe(16);
    expect(net.rows[8]!.parameters).toBe(216 * 4 + 4);
    expect(net.parameterCount).toBe(872 + 16 + (3 * 3 * 3 * 8 * 8 + 8) + 16 + 868);
    expect(net.rows.map((r) => r.makes)).toEqual(['', '', '', 'H¹', '', '', 'H²', 'FC₀', 's']);
  });

  it('follows the settings: padding keeps the size, stride divides it, filters double, hidden FC layers appear', () => {
    const net = buildNetwork(config({ padding: 1, stride: 2, growth: 'double', pooled: 0, hidden: 1, units: 16 }));
    // 12 -> floor((12 - 3 + 2) / 2) + 1 = 6 -> floor((6 - 3 + 2) / 2) + 1 = 3
    expect(net.rows[0]!.outShape).toEqual([6, 6, 6, 8]);
    expect(net.rows[3]!.outShape).toEqual([3, 3, 3, 16]);
    expect(net.rows.map((r) => r.makes).filter(Boolean)).toEqual(['H¹', 'H²', 'FC₀', 'FC₁', 's']);
    expect(net.rows.at(-3)!.outShape).toEqual([16]);
  });

  it('works on 1D wells and 2D sections: unused axes stay 1 wide', () => {
    const well = buildNetwork(config({ dims: 1, size: 64 }));
    expect(well.inputShape).toEqual([64, 1, 1, 4]);
    expect(well.rows[0]!.outShape).toEqual([62, 1, 1, 8]);
    const section = buildNetwork(config({ dims: 2, size: 32 }));
    expect(section.rows[3]!.outShape).toEqual([15, 15, 1, 8]);
  });

  it('refuses an impossible network, naming the layer and the reason in words', () => {
    let error: unknown;
    try {
      buildNetwork(config({ blocks: 4, pooled: 4 }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ShapeError);
    const message = (error as Error).message;
    expect(message).toMatch(/^builder: This network cannot be built: layer \d+ \((conv|pool) \w+\)/);
    expect(message).toMatch(/larger than the padded input/);
    expect(message).not.toMatch(/NaN|undefined/);
  });

  it('refuses a network past the worker\'s parameter limit, stating the limit', () => {
    expect(() => buildNetwork(config({ dims: 3, size: 32, padding: 1, pooled: 0, filters: 32, hidden: 2, units: 256 }))).toThrow(ParamError);
    expect(() => buildNetwork(config({ dims: 3, size: 32, padding: 1, pooled: 0, filters: 32, hidden: 2, units: 256 }))).toThrow(/at most 4,194,304 \(2\^22\)/);
  });
});

describe('eq2Text', () => {
  it('writes the floor relation with its numbers, dropping positions a stride does not reach', () => {
    expect(eq2Text(10, 3, 2, 0)).toBe('⌊(10 − 3 + 2·0) / 2⌋ + 1 = 4');
  });
});

describe('tryBuildNetwork', () => {
  it('returns the network, or the refusal with the layers that were asked for', () => {
    const ok = tryBuildNetwork(DEFAULT_CONFIG);
    expect('net' in ok && ok.net.parameterCount).toBe(3508);
    const refused = tryBuildNetwork(config({ blocks: 4, pooled: 4, hidden: 1 }));
    expect('error' in refused).toBe(true);
    if ('error' in refused) {
      expect(refused.error.message).toMatch(/cannot be built/);
      expect(refused.labels).toHaveLength(4 * 4 + 1 + 2 + 1);
      expect(refused.labels.slice(-3)).toEqual(['dense fc1, 32 units', 'activation relu', 'dense fc2, 4 units']);
      expect(refused.labels[0]).toBe('conv c1, 8 filters 3 × 3 × 3, stride 1, padding 0');
    }
  });
});
