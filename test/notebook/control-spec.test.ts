import { describe, expect, it } from 'vitest';
import { assertValidSpec, describeRange, formatRange, parseRange, rangeText, stepDecimals, type RangeSpec } from '../../src/notebook/controls/spec.ts';

const size: RangeSpec = { kind: 'range', label: 'Cells', min: 4, max: 64, step: 4, value: 32 };
const rate: RangeSpec = { kind: 'range', label: 'Rate', min: 0.05, max: 1, step: 0.05, value: 0.1 };

describe('range values', () => {
  it('accepts values on the step grid and snaps away float noise', () => {
    expect(parseRange(size, '36')).toEqual({ ok: true, value: 36 });
    expect(parseRange(rate, '0.3')).toEqual({ ok: true, value: 0.3 });
    expect(parseRange(rate, '.15')).toEqual({ ok: true, value: 0.15 });
  });

  it('refuses values between steps or outside the range', () => {
    expect(parseRange(size, '34').ok).toBe(false);
    expect(parseRange(size, '68').ok).toBe(false);
    expect(parseRange(rate, '0.33').ok).toBe(false);
  });

  it('writes values with as many decimals as the step', () => {
    expect(stepDecimals(0.05)).toBe(2);
    expect(stepDecimals(1e-7)).toBe(7);
    expect(formatRange(rate, 0.1 + 0.2)).toBe('0.3');
    expect(describeRange(size)).toBe('a number from 4 to 64 in steps of 4');
  });
});

describe('control specs', () => {
  it('refuses a default the control could not show or read back', () => {
    expect(() => assertValidSpec('size', { ...size, value: 30 })).toThrow(/default 30 is not a number from 4 to 64/);
    expect(() => assertValidSpec('g', { kind: 'select', label: 'g', options: [{ value: 'relu', label: 'ReLU' }], value: 'tanh' })).toThrow(
      /default "tanh" is not an option/,
    );
    expect(() => assertValidSpec('Bad Key', { kind: 'toggle', label: 'x', value: true })).toThrow(/lower-case names/);
  });
});

describe('rangeText', () => {
  const cells = { kind: 'range', key: 'w', label: 'Filter size', min: 1, max: 7, step: 1, value: 3, unit: 'cells' } as const;
  it('the number with its unit, singular after 1', () => {
    expect(rangeText(cells, 3)).toBe('3 cells');
    expect(rangeText(cells, 1)).toBe('1 cell');
    expect(rangeText({ ...cells, unit: '%' }, 1)).toBe('1 %');
    expect(rangeText({ ...cells, unit: undefined }, 1)).toBe('1');
  });
});
