import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SettingSpec } from '../../src/notebook/controls/spec.ts';
import { MAX_PARAMETERS, readQuery, writeQuery } from '../../src/notebook/url-state.ts';

const SETTINGS = new Map<string, SettingSpec>([
  ['blocks', { kind: 'range', label: 'Convolution blocks', min: 1, max: 4, step: 1, value: 2 }],
  ['rate', { kind: 'range', label: 'Learning rate', min: 0.001, max: 0.1, step: 0.001, value: 0.01 }],
  ['g', { kind: 'select', label: 'Activation', options: [{ value: 'relu', label: 'ReLU' }, { value: 'tanh', label: 'TanH' }], value: 'relu' }],
  ['dims', { kind: 'radio', label: 'Input grid', options: [{ value: '1', label: '1D' }, { value: '2', label: '2D' }], value: '2' }],
  ['bn', { kind: 'toggle', label: 'Batch normalization', value: true }],
]);

describe('readQuery', () => {
  it('applies valid values and reports nothing', () => {
    const { values, ignored } = readQuery('?blocks=3&rate=0.05&g=tanh&dims=1&bn=off', SETTINGS);
    expect(Object.fromEntries(values)).toEqual({ blocks: 3, rate: 0.05, g: 'tanh', dims: '1', bn: false });
    expect(ignored).toEqual([]);
  });

  it('refuses values off the step, out of range or in another notation, naming the control and the default', () => {
    const { values, ignored } = readQuery('?blocks=2.5&rate=0.0505&g=gelu&bn=true', SETTINGS);
    expect(values.size).toBe(0);
    expect(ignored).toEqual([
      { name: '"Convolution blocks"', reason: 'must be a whole number from 1 to 4; the default 2 is used' },
      { name: '"Learning rate"', reason: 'must be a number from 0.001 to 0.1 in steps of 0.001; the default 0.01 is used' },
      { name: '"Activation"', reason: 'must be one of relu, tanh; the default ReLU is used' },
      { name: '"Batch normalization"', reason: 'must be on or off; the default on is used' },
    ]);
  });

  it.each(['1e0', '0x2', ' 2', '2 ', '+2', 'Infinity', 'NaN', '', '٣', '2,0'])('refuses the number notation %j', (raw) => {
    expect(readQuery(`?blocks=${encodeURIComponent(raw)}`, SETTINGS).values.has('blocks')).toBe(false);
  });

  it('names unknown parameters only when they are plain identifiers, and never echoes values', () => {
    const { ignored } = readQuery(`?utm_source=mail&${encodeURIComponent('<img src=x onerror=alert(1)>')}=1&g=${encodeURIComponent('<script>')}`, SETTINGS);
    expect(ignored.map((i) => i.name)).toEqual(['"utm_source"', 'a malformed parameter', '"Activation"']);
    for (const { name, reason } of ignored) expect(`${name} ${reason}`).not.toMatch(/[<>]|script|onerror/);
  });

  it('refuses a parameter given twice, whatever its values', () => {
    const { values, ignored } = readQuery('?blocks=3&blocks=3', SETTINGS);
    expect(values.has('blocks')).toBe(false);
    expect(ignored).toEqual([{ name: '"Convolution blocks"', reason: 'was given more than once; the default 2 is used' }]);
  });

  it('refuses overlong values unread and a flood of parameters as a whole', () => {
    expect(readQuery(`?g=${'a'.repeat(65)}`, SETTINGS).ignored[0]!.reason).toMatch(/^is too long/);
    const flood = Array.from({ length: MAX_PARAMETERS + 1 }, (_, i) => `p${i}=1`).join('&');
    expect(readQuery(`?${flood}`, SETTINGS).ignored).toEqual([{ name: 'the query string', reason: `has more than ${MAX_PARAMETERS} parameters; every setting has its default` }]);
  });

  it('never throws and only ever yields values its controls allow (any query string)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (search) => {
        const { values, ignored } = readQuery(search, SETTINGS);
        for (const [key, value] of values) {
          const spec = SETTINGS.get(key)!;
          if (spec.kind === 'range') expect(value as number).toBeGreaterThanOrEqual(spec.min);
          if (spec.kind === 'range') expect(value as number).toBeLessThanOrEqual(spec.max);
          if (spec.kind === 'select' || spec.kind === 'radio') expect(spec.options.map((o) => o.value)).toContain(value);
          if (spec.kind === 'toggle') expect(typeof value).toBe('boolean');
        }
        for (const { name } of ignored) expect(name).toMatch(/^("[\w -]+"|a malformed parameter|the query string)$/);
      }),
    );
  });
});

describe('writeQuery', () => {
  it('writes every setting, in declaration order, without float noise', () => {
    const query = writeQuery(new Map<string, number | string | boolean>([['rate', 0.1 + 0.2 - 0.25], ['bn', false]]), SETTINGS);
    expect(query).toBe('?blocks=2&rate=0.05&g=relu&dims=2&bn=off');
  });

  it('round-trips any valid configuration through readQuery', () => {
    const config = fc.record({
      blocks: fc.integer({ min: 1, max: 4 }),
      rate: fc.integer({ min: 1, max: 100 }).map((k) => k / 1000),
      g: fc.constantFrom('relu', 'tanh'),
      dims: fc.constantFrom('1', '2'),
      bn: fc.boolean(),
    });
    fc.assert(
      fc.property(config, (values) => {
        const read = readQuery(writeQuery(new Map(Object.entries(values)), SETTINGS), SETTINGS);
        expect(read.ignored).toEqual([]);
        expect(Object.fromEntries(read.values)).toEqual(values);
      }),
    );
  });
});
