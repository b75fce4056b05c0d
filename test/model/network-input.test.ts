/** Why a reader's grid does or does not fit the network's input, in words. */
import { describe, expect, it } from 'vitest';
import { assertNetworkInput, checkNetworkInput } from '../../src/model/network-input.ts';
import { ShapeError } from '../../src/tensor/index.ts';

describe('checkNetworkInput', () => {
  it('accepts one sample with or without the batch axis', () => {
    expect(checkNetworkInput([12, 12, 12, 4], [12, 12, 12, 4])).toBeNull();
    expect(checkNetworkInput([12, 12, 12, 4], [1, 12, 12, 12, 4])).toBeNull();
    expect(checkNetworkInput([10], [1, 10])).toBeNull();
  });

  it.each<[string, number[], number[], string]>([
    ['axes and channels that differ, each named', [12, 12, 12, 4], [1, 16, 12, 8, 1],
      'the input [1, 16, 12, 8, 1] does not fit the network, which takes [1, 12, 12, 12, 4]: x has 16 cells, not 12; z has 8 cells, not 12; d (channels) is 1, not 4'],
    ['a 2D section for a 3D network', [12, 12, 12, 4], [1, 32, 32, 1, 4],
      'the input [1, 32, 32, 1, 4] does not fit the network, which takes [1, 12, 12, 12, 4]: x has 32 cells, not 12; y has 32 cells, not 12; z has 1 cell, not 12'],
    ['a batch of several samples', [12, 12, 12, 4], [3, 12, 12, 12, 4],
      'the input [3, 12, 12, 12, 4] holds 3 samples; a prediction takes one, shaped [1, 12, 12, 12, 4]'],
    ['a grid without its channel axis', [12, 12, 12, 4], [12, 12, 12],
      'the input [12, 12, 12] does not fit the network, which takes one sample [x, y, z, d] = [12, 12, 12, 4] (or [1, 12, 12, 12, 4] with the batch axis)'],
    ['a flat input of another length', [10], [1, 12], 'the input [1, 12] does not fit the network, which takes [1, 10]: k is 12, not 10'],
  ])('explains %s', (_, expected, given, message) => {
    expect(checkNetworkInput(expected, given)).toBe(message);
    expect(() => assertNetworkInput(expected, given)).toThrow(ShapeError);
    expect(() => assertNetworkInput(expected, given)).toThrow(`input: ${message}`);
  });
});
