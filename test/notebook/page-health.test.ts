import { describe, expect, it } from 'vitest';
import { BROKEN_NUMBER_PATTERN } from '../e2e/support/page-health.ts';

describe('the broken-number pattern of the e2e checks', () => {
  const broken = new RegExp(BROKEN_NUMBER_PATTERN);
  it.each(['loss NaN', 'Infinity', '−Infinity', 'value undefined', '[object Object]', '1e+308', '1.8e308'])('catches %s', (text) => {
    expect(broken.test(text)).toBe(true);
  });
  it.each(['0.313', '−2', '2.5e7', '4e−5', '1e-12', 'infinitely many', 'a NaNometre', 'values from −1.2 to 3.4', 'the result is not a number', 'grows to infinity', '3.23e−103', '2e-320'])('lets %s through', (text) => {
    expect(broken.test(text)).toBe(false);
  });
});
