import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../src/tensor/index.ts';
import { parseUserGrid } from '../../src/data/parse-grid.ts';

const EXPECTED = 'expected {"shape": [x, y, z], "values": [...]} or nested arrays values[x][y][z]';

describe('parseUserGrid, JSON', () => {
  it('reads a flat list with its shape, row-major with z fastest, as [1, x, y, z, 1]', () => {
    const { tensor, shape } = parseUserGrid('{"shape": [2, 1, 3], "values": [0, 1, 2, 3, 4.5, -5e-1]}', 'json');
    expect(shape).toEqual([2, 1, 3]);
    expect(tensor.shape).toEqual([1, 2, 1, 3, 1]);
    expect([...tensor.data]).toEqual([0, 1, 2, 3, 4.5, -0.5]);
  });

  it('reads nested arrays values[x][y][z], with or without a shape, ignoring other keys', () => {
    const nested = '[[[1, 2], [3, 4]], [[5, 6], [7, 8]], [[9, 10], [11, 12]]]';
    const bare = parseUserGrid(nested, 'json');
    expect(bare.shape).toEqual([3, 2, 2]);
    expect([...bare.tensor.data]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const wrapped = parseUserGrid(`{"name": "my well", "shape": [3, 2, 2], "values": ${nested}}`, 'json');
    expect(wrapped.tensor).toEqual(bare.tensor);
  });

  it('pads a 2D section or 1D column to the network layout (missing axes are 1)', () => {
    expect(parseUserGrid('[[1, 2, 3], [4, 5, 6]]', 'json').tensor.shape).toEqual([1, 2, 3, 1, 1]);
    expect(parseUserGrid('{"values": [1, 2, 3, 4]}', 'json').shape).toEqual([4, 1, 1]);
    expect(parseUserGrid('{"shape": [2, 2], "values": [1, 2, 3, 4]}', 'json').shape).toEqual([2, 2, 1]);
  });

  it('skips a byte-order mark', () => {
    expect(parseUserGrid('\ufeff[1, 2]', 'json').shape).toEqual([2, 1, 1]);
  });

  it('accepts the largest grid, 64^3 cells', () => {
    const values = new Array(64 ** 3).fill(1);
    expect(parseUserGrid(JSON.stringify({ shape: [64, 64, 64], values }), 'json').tensor.data.length).toBe(262144);
  });

  it.each([
    ['', 'param', `grid: the text is empty; ${EXPECTED}`],
    ['{bad', 'param', /^grid: the text is not valid JSON \(.+\); expected \{"shape": \[x, y, z\], "values": \[\.\.\.\]\}/],
    ['42', 'param', `grid: the JSON is 42 (a number); ${EXPECTED}`],
    ['"grid"', 'param', `grid: the JSON is "grid" (a string); ${EXPECTED}`],
    ['{"shape": [2]}', 'param', `grid: the JSON object has no "values"; ${EXPECTED}`],
    ['{"values": "abc"}', 'param', 'grid: "values" is "abc" (a string); expected a list of numbers or nested lists'],
    ['{"shape": [2, 0], "values": [1, 2]}', 'shape', 'grid: shape must be 1 to 3 positive integers [x, y, z], got [2,0]'],
    ['{"shape": [2, 2, 2, 2], "values": [1]}', 'shape', 'grid: shape must be 1 to 3 positive integers [x, y, z], got [2,2,2,2]'],
    ['{"shape": [2.5], "values": [1]}', 'shape', 'grid: shape must be 1 to 3 positive integers [x, y, z], got [2.5]'],
    ['{"shape": "16x16", "values": [1]}', 'shape', 'grid: shape must be 1 to 3 positive integers [x, y, z], got "16x16"'],
    [JSON.stringify({ shape: [16, 16, 8], values: new Array(4096).fill(0) }), 'shape', 'grid: 4096 values given but shape [16, 16, 8] needs 2048'],
    ['{"shape": [100, 100, 100], "values": [1]}', 'shape', 'grid: shape [100, 100, 100]: 1000000 cells, over the limit of 262144 cells (64^3)'],
    [JSON.stringify(new Array(262145).fill(0)), 'shape', 'grid: values has 262145 entries, over the limit of 262144 cells (64^3)'],
    [JSON.stringify(Array.from({ length: 65 }, () => Array.from({ length: 65 }, () => new Array(65).fill(0)))), 'shape', 'grid: values of shape [65, 65, 65]: 274625 cells, over the limit of 262144 cells (64^3)'],
    ['{"shape": [2, 3], "values": [[1, 2], [3, 4]]}', 'shape', 'grid: nested values have shape [2, 2] but "shape" says [2, 3]'],
    ['[[1, 2], [3]]', 'shape', 'grid: values is not a rectangular grid: values[1] has 1 entry but values[0] has 2'],
    ['[[[1, 2], [3, 4]], [[5, 6], [7, 8, 9]]]', 'shape', 'grid: values is not a rectangular grid: values[1][1] has 3 entries but values[0][0] has 2'],
    ['[[1, 2], 3]', 'shape', 'grid: values[1] is 3 (a number) but values[0] is a list; the nesting must be the same everywhere'],
    ['[[1, [2]], [3, 4]]', 'shape', 'grid: values[0][1] is a list but values[0][0] is a number; the nesting must be the same everywhere'],
    ['[[[[1]]]]', 'shape', 'grid: values nest more than 3 levels deep; a grid has at most 3 axes (x, y, z)'],
    ['[]', 'shape', 'grid: values is an empty list; the grid has no values'],
    ['[[]]', 'shape', 'grid: values[0] is an empty list; the grid has no values'],
    ['[1, "a", 3]', 'param', 'grid: values[1] is "a" (a string); expected a finite number'],
    ['[1, null]', 'param', 'grid: values[1] is null; expected a finite number'],
    ['[[0, 1e999]]', 'param', 'grid: values[0][1] is Infinity (a number too large for float64); expected a finite number'],
    ['[[0], [-1e999]]', 'param', 'grid: values[1][0] is -Infinity (a number too large for float64); expected a finite number'],
    ['[true]', 'param', 'grid: values[0] is true (a boolean); expected a finite number'],
    ['[{"v": 1}]', 'param', 'grid: values[0] is an object; expected a finite number'],
  ])('refuses %j', (text, category, message) => {
    try {
      parseUserGrid(text, 'json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AtlasError);
      expect((e as AtlasError).category).toBe(category);
      if (typeof message === 'string') expect((e as Error).message).toBe(message);
      else expect((e as Error).message).toMatch(message);
    }
  });

  it('refuses text over 16 million characters before parsing it', () => {
    expect(() => parseUserGrid(' '.repeat(16_000_001), 'json')).toThrow('grid: the text is 16000001 characters; the limit is 16000000');
  });
});
