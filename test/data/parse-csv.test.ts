import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../src/tensor/index.ts';
import { parseUserGrid } from '../../src/data/parse-grid.ts';

const EXPECTED = 'expected a header "x,y,z,value" with one row per cell, or a "# shape: x, y, z" line followed by the values';

describe('parseUserGrid, CSV', () => {
  it('reads indexed rows in any order, columns in any order, with CRLF, comments and blank lines', () => {
    const text = '# exported from a notebook\r\nvalue, z, y, x\r\n\r\n4,1,0,1\r\n1,0,0,0\r\n2,1,0,0\r\n3,0,0,1\r\n';
    const { tensor, shape } = parseUserGrid(text, 'csv');
    expect(shape).toEqual([2, 1, 2]);
    expect(tensor.shape).toEqual([1, 2, 1, 2, 1]);
    expect([...tensor.data]).toEqual([1, 2, 3, 4]);
  });

  it('reads a listed grid after its shape header, separated by commas, spaces or line breaks', () => {
    for (const header of ['# shape: 2, 1, 3', '# shape 2x1x3', '#SHAPE=2 1 3']) {
      const { tensor, shape } = parseUserGrid(`${header}\n0, 1 2\n3,4.5\n-.5\n`, 'csv');
      expect(shape).toEqual([2, 1, 3]);
      expect([...tensor.data]).toEqual([0, 1, 2, 3, 4.5, -0.5]);
    }
    expect(parseUserGrid('# shape: 3\n1\n2\n3', 'csv').tensor.shape).toEqual([1, 3, 1, 1, 1]);
  });

  it('ignores comments that are not a shape header', () => {
    expect(parseUserGrid('# shapefile export\n# shape: 2\n# units: facies code\n1\n0', 'csv').shape).toEqual([2, 1, 1]);
  });

  it.each([
    ['', 'param', `grid: the text has no values; ${EXPECTED}`],
    ['# only a comment\n\n', 'param', `grid: the text has no values; ${EXPECTED}`],
    ['1,2,3\n4,5,6', 'param', `grid: line 1 holds values but no header came first; ${EXPECTED}`],
    ['i,j,k,v\n0,0,0,1', 'param', `grid: line 1: the header "i,j,k,v" must name the columns x, y, z and value; ${EXPECTED}`],
    ['x,y,z,value,unit\n0,0,0,1,m', 'param', `grid: line 1: the header "x,y,z,value,unit" must name the columns x, y, z and value; ${EXPECTED}`],
    ['x,y,z,value', 'shape', 'grid: the header on line 1 is followed by no rows; the grid has no values'],
    ['x,y,z,value\n0,0,0', 'param', 'grid: line 2 has 3 fields; expected 4 (x, y, z, value)'],
    ['x,y,z,value\n0,0,1.5,2', 'param', 'grid: line 2: z = "1.5" is not a cell index; expected an integer from 0 to 262143'],
    ['x,y,z,value\n0,-1,0,2', 'param', 'grid: line 2: y = "-1" is not a cell index; expected an integer from 0 to 262143'],
    ['x,y,z,value\n300000,0,0,2', 'param', 'grid: line 2: x = "300000" is not a cell index; expected an integer from 0 to 262143'],
    ['x,y,z,value\n0,0,0,abc', 'param', 'grid: line 2: value "abc" is not a number; expected a finite decimal number'],
    ['x,y,z,value\n0,0,0,NaN', 'param', 'grid: line 2: value "NaN" is not a number; expected a finite decimal number'],
    ['x,y,z,value\n0,0,0,Infinity', 'param', 'grid: line 2: value "Infinity" is not a number; expected a finite decimal number'],
    ['x,y,z,value\n0,0,0,1e999', 'param', 'grid: line 2: value "1e999" is not finite (too large for float64)'],
    ['x,y,z,value\n0,0,0,', 'param', 'grid: line 2: value is an empty field; expected a number'],
    ['x,y,z,value\n0,0,0,1\n\n0,0,0,2', 'shape', 'grid: line 4 repeats cell [0, 0, 0] first given on line 2'],
    ['x,y,z,value\n0,0,0,1\n1,1,1,2', 'shape', 'grid: cell [0, 0, 1] is missing: the indices span [2, 2, 2], 8 cells, but 2 rows were given; every cell needs one row'],
    ['x,y,z,value\n100,100,100,1', 'shape', 'grid: the indices span [101, 101, 101]: 1030301 cells, over the limit of 262144 cells (64^3)'],
    ['# shape: 2, 0\n1', 'shape', 'grid: line 1: shape header "# shape: 2, 0" must give 1 to 3 positive integers, e.g. "# shape: 16, 16, 8"'],
    ['# shape: 2, 2, 2, 2\n1', 'shape', 'grid: line 1: shape header "# shape: 2, 2, 2, 2" must give 1 to 3 positive integers, e.g. "# shape: 16, 16, 8"'],
    ['# shape:\n1', 'shape', 'grid: line 1: shape header "# shape:" must give 1 to 3 positive integers, e.g. "# shape: 16, 16, 8"'],
    ['# shape: 100x100x100\n1', 'shape', 'grid: shape [100, 100, 100]: 1000000 cells, over the limit of 262144 cells (64^3)'],
    ['# shape: 2,2\n1,2,3', 'shape', 'grid: 3 values given but shape [2, 2] needs 4'],
    ['# shape: 2,2\n1,2,3,4\n5', 'shape', 'grid: 5 values given but shape [2, 2] needs 4'],
    ['# shape: 2\n1,abc', 'param', 'grid: line 2: value "abc" is not a number; expected a finite decimal number'],
    ['# shape: 2,2\n1,2,\n3,4', 'param', 'grid: line 2: value is an empty field; expected a number'],
    ['# shape: 2', 'shape', 'grid: the shape header is followed by no values; shape [2] needs 2'],
    ['1\n# shape: 2\n1', 'param', 'grid: line 2: a shape header must come once, before the values'],
    ['# shape: 2\n# shape: 2\n1,2', 'param', 'grid: line 2: a shape header must come once, before the values'],
  ])('refuses %j', (text, category, message) => {
    try {
      parseUserGrid(text, 'csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AtlasError);
      expect((e as AtlasError).category).toBe(category);
      expect((e as Error).message).toBe(message);
    }
  });

  it('refuses an unknown format and text that is not a string', () => {
    expect(() => parseUserGrid('1', 'xml' as 'csv')).toThrow('grid: unknown format "xml"; expected one of csv, json');
    expect(() => parseUserGrid(42 as unknown as string, 'csv')).toThrow('grid: the grid must be given as text, got number');
  });
});
