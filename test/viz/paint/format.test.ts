import { describe, expect, it } from 'vitest';
import { formatCount, formatRange, formatShapeX, formatValue, MINUS, roundingFloor } from '../../../src/viz/paint/index.ts';

describe('formatValue', () => {
  it('keeps 3 significant digits and drops trailing zeros', () => {
    expect(formatValue(0.31274)).toBe('0.313');
    expect(formatValue(2)).toBe('2');
    expect(formatValue(1.5)).toBe('1.5');
    expect(formatValue(123.456)).toBe('123');
    expect(formatValue(12345)).toBe('12345');
  });

  it('uses a true minus sign, or ASCII when asked', () => {
    expect(formatValue(-0.5)).toBe(`${MINUS}0.5`);
    expect(formatValue(-0.5, { asciiMinus: true })).toBe('-0.5');
  });

  it('switches to exponent notation for very small and very large magnitudes', () => {
    expect(formatValue(0.0000412)).toBe(`4.12e${MINUS}5`);
    expect(formatValue(25_000_000)).toBe('2.5e7');
    expect(formatValue(-1e-8, { asciiMinus: true })).toBe('-1e-8');
  });

  it('prints zero (and negative zero) as 0', () => {
    expect(formatValue(0)).toBe('0');
    expect(formatValue(-0)).toBe('0');
  });

  it('never prints NaN: non-finite values are spelled out', () => {
    expect(formatValue(Number.NaN)).toBe('not a number');
    expect(formatValue(Infinity)).toBe('infinity');
    expect(formatValue(-Infinity)).toBe(`${MINUS}infinity`);
    for (const v of [Number.NaN, Infinity, -Infinity]) expect(formatValue(v)).not.toMatch(/NaN/);
  });

  it('honours a digits option', () => {
    expect(formatValue(Math.PI, { digits: 5 })).toBe('3.1416');
  });
});

describe('shape, count and range text', () => {
  it('joins a shape with multiplication signs', () => {
    expect(formatShapeX([5, 5, 1])).toBe('5×5×1');
  });

  it('groups thousands with a narrow space', () => {
    expect(formatCount(32768)).toBe('32\u202f768');
  });

  it('describes a value range for aria text', () => {
    expect(formatRange([-0.31, 0.92], { asciiMinus: true })).toBe('from -0.31 to 0.92');
    expect(formatRange(null)).toBe('no finite values');
    expect(formatRange([2, 2])).toBe('all equal to 2');
  });
});

describe('sums whose terms cancel', () => {
  const gradients = [0.2604, -0.4205, 0.117, 0.04304];
  const residue = -2.78e-17;

  it('shows rounding residue below the floor of the terms as 0', () => {
    expect(formatValue(residue, { zeroBelow: roundingFloor(gradients) })).toBe('0');
  });

  it('still shows a real value above the floor, and the residue without the option', () => {
    expect(formatValue(1e-6, { zeroBelow: roundingFloor(gradients) })).toBe(`1e${MINUS}6`);
    expect(formatValue(residue)).toBe(`${MINUS}2.78e${MINUS}17`);
  });

  it('takes its floor from the largest term', () => {
    expect(roundingFloor([1, -3, 2])).toBeCloseTo(3e-12, 20);
    expect(roundingFloor([])).toBe(0);
  });
});

describe('superscript and subscript', () => {
  it('write layer numbers for plain-text names', async () => {
    const { subscript, superscript } = await import('../../../src/viz/paint/format.ts');
    expect(`H${superscript(12)}`).toBe('H¹²');
    expect(`FC${subscript(2)}`).toBe('FC₂');
    expect(superscript(0)).toBe('⁰');
  });
});
