import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AtlasError } from '../../src/tensor/index.ts';
import { parseUserGrid } from '../../src/data/parse-grid.ts';

const gridArb = fc
  .array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 })
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      // -0 prints as "0"; compare the values the text can carry
      values: fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v)), {
        minLength: shape.reduce((a, b) => a * b, 1),
        maxLength: shape.reduce((a, b) => a * b, 1),
      }),
      order: fc.infiniteStream(fc.nat()),
    }),
  );

function nest(values: number[], shape: number[]): unknown {
  if (shape.length === 1) return values;
  const inner = shape.slice(1).reduce((a, b) => a * b, 1);
  return Array.from({ length: shape[0]! }, (_, i) => nest(values.slice(i * inner, (i + 1) * inner), shape.slice(1)));
}

describe('parseUserGrid round trips and hostile text', () => {
  it('reads the same grid from flat JSON, nested JSON, indexed CSV (rows shuffled) and listed CSV', () => {
    fc.assert(
      fc.property(gridArb, ({ shape, values, order }) => {
        const padded = [shape[0] ?? 1, shape[1] ?? 1, shape[2] ?? 1];
        const expected = Float64Array.from(values);
        const rows = values.map((v, c) => {
          const k = c % padded[2]!;
          const j = Math.floor(c / padded[2]!) % padded[1]!;
          const i = Math.floor(c / (padded[1]! * padded[2]!));
          return `${i},${j},${k},${v}`;
        });
        const shuffled = rows.map((r, n) => [order.next().value as number, n, r] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((e) => e[2]);
        const texts: [string, 'json' | 'csv'][] = [
          [JSON.stringify({ shape, values }), 'json'],
          [JSON.stringify(nest(values, shape)), 'json'],
          [`x,y,z,value\n${shuffled.join('\n')}`, 'csv'],
          [`# shape: ${shape.join(', ')}\n${values.join(', ')}`, 'csv'],
        ];
        for (const [text, format] of texts) {
          const { tensor, shape: triple } = parseUserGrid(text, format);
          // the indexed CSV always names three axes, so only its padded shape is comparable
          expect(triple).toEqual(padded);
          expect(tensor.data).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('either refuses arbitrary text with an AtlasError or returns only finite numbers', () => {
    const check = (text: string, format: 'json' | 'csv') => {
      try {
        const { tensor } = parseUserGrid(text, format);
        expect(tensor.data.every(Number.isFinite)).toBe(true);
      } catch (e) {
        expect(e).toBeInstanceOf(AtlasError);
      }
    };
    const alphabet = fc.constantFrom(...'0123456789.,-+eE xyzvalue#shape:\n[]{}"NaInfty'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 60 }), fc.constantFrom('json' as const, 'csv' as const), (text, format) => check(text, format)),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(fc.json(), (text) => check(text, 'json')), { numRuns: 1000 });
  });
});
