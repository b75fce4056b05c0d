import { describe, expect, it } from 'vitest';
import { derivative } from '../../../src/nn/activation.ts';
import { ACTIVE_SHARE, activeZone, isActive, maxSlope, slopeThreshold, unitState } from '../../../chapters/04-activation/zone.ts';

describe('the active zone (5% of the steepest slope)', () => {
  it('takes the steepest slope of each function from its derivative: 0.25, 1 and 1', () => {
    expect(maxSlope('sigmoid')).toBe(0.25);
    expect(maxSlope('tanh')).toBe(1);
    expect(maxSlope('relu')).toBe(1);
    expect(slopeThreshold('sigmoid')).toBeCloseTo(ACTIVE_SHARE * 0.25, 15);
  });

  it('finds the edges the closed forms give', () => {
    // Sigmoid: s (1 - s) = 0.0125 -> s = (1 - sqrt(0.95)) / 2, x = ln(s / (1 - s)).
    const s = (1 - Math.sqrt(1 - 4 * 0.0125)) / 2;
    const sigmoidEdge = -Math.log(s / (1 - s));
    expect(activeZone('sigmoid').hi).toBeCloseTo(sigmoidEdge, 8);
    expect(activeZone('sigmoid').lo).toBeCloseTo(-sigmoidEdge, 8);
    expect(sigmoidEdge).toBeCloseTo(4.3565, 4);
    // TanH: 1 - t^2 = 0.05 -> x = atanh(sqrt(0.95)).
    expect(activeZone('tanh').hi).toBeCloseTo(Math.atanh(Math.sqrt(0.95)), 8);
    expect(activeZone('tanh').lo).toBeCloseTo(-Math.atanh(Math.sqrt(0.95)), 8);
    // ReLU: slope 1 above 0, 0 at and below 0.
    expect(activeZone('relu')).toEqual({ lo: 0, hi: Infinity });
  });

  it('agrees with the slope on both sides of every edge', () => {
    for (const kind of ['sigmoid', 'tanh'] as const) {
      const { lo, hi } = activeZone(kind);
      expect(isActive(kind, hi - 1e-6)).toBe(true);
      expect(isActive(kind, hi + 1e-6)).toBe(false);
      expect(isActive(kind, lo + 1e-6)).toBe(true);
      expect(isActive(kind, lo - 1e-6)).toBe(false);
      expect(derivative(kind, hi + 1e-6)).toBeLessThan(slopeThreshold(kind));
    }
  });

  it('calls ReLU units at z <= 0 dead (ReLU\'(0) = 0) and Sigmoid or TanH units saturated on either side', () => {
    expect(unitState('relu', 0)).toBe('below');
    expect(unitState('relu', -3)).toBe('below');
    expect(unitState('relu', 1e-12)).toBe('active');
    expect(unitState('relu', 1000)).toBe('active');
    expect(unitState('sigmoid', -6)).toBe('below');
    expect(unitState('sigmoid', 6)).toBe('above');
    expect(unitState('sigmoid', 4)).toBe('active');
    expect(unitState('tanh', 2.5)).toBe('above');
    expect(unitState('tanh', -2.5)).toBe('below');
  });
});
