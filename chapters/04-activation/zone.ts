/**
 * The active zone of an activation function. The tutorial (§2.1, after eq. 4)
 * says each g has "an active zone where the derivative of the function is not
 * zero"; Sigmoid's and TanH's derivatives are never exactly zero, only tiny,
 * so a threshold is needed. This chapter calls a value x active when
 *
 *   g'(x) > 5% of the largest value g' takes
 *
 * (Sigmoid: 0.25 at x = 0; TanH: 1 at x = 0; ReLU: 1 for every x > 0). Every
 * slope here comes from src/nn/activation.ts `derivative`, the function the
 * backward pass uses. Pure: no DOM.
 */
import { derivative, type ActivationKind } from '../../src/nn/activation.ts';

/** The share of the largest slope below which a unit counts as saturated (Sigmoid, TanH) or dead (ReLU). */
export const ACTIVE_SHARE = 0.05;

/** Where each g' takes its largest value: Sigmoid and TanH at 0, ReLU anywhere above 0. */
const PEAK_AT: Readonly<Record<ActivationKind, number>> = { sigmoid: 0, tanh: 0, relu: 1 };

/** Far enough out that every g' has settled (Sigmoid's is about 1e-22 at 50). */
const FAR = 50;

/** The largest value of g': 0.25, 1 and 1. */
export function maxSlope(kind: ActivationKind): number {
  return derivative(kind, PEAK_AT[kind]);
}

/** g' must exceed this for a unit to count as active. */
export function slopeThreshold(kind: ActivationKind): number {
  return ACTIVE_SHARE * maxSlope(kind);
}

/** True where gradients still flow through g: g'(x) above the threshold. */
export function isActive(kind: ActivationKind, x: number, threshold = slopeThreshold(kind)): boolean {
  return derivative(kind, x) > threshold;
}

/** The open interval (lo, hi) where g is active; hi is Infinity for ReLU. */
export interface ActiveZone {
  readonly lo: number;
  readonly hi: number;
}

/** Bisection between a point inside the zone and one outside it, on the slope. */
function edge(kind: ActivationKind, inside: number, outside: number, threshold: number): number {
  let a = inside;
  let b = outside;
  for (let i = 0; i < 80; i++) {
    const mid = (a + b) / 2;
    if (isActive(kind, mid, threshold)) a = mid;
    else b = mid;
  }
  // Rounded so ReLU's edge reads 0, not the 1e-23 the halving stops at.
  const x = Math.round(((a + b) / 2) * 1e9) / 1e9;
  return x === 0 ? 0 : x;
}

const zones = new Map<ActivationKind, ActiveZone>();

/**
 * The active zone, found from g' itself: Sigmoid |x| < 4.36, TanH
 * |x| < 2.18, ReLU x > 0 (its slope jumps from 0 to 1 there).
 */
export function activeZone(kind: ActivationKind): ActiveZone {
  const known = zones.get(kind);
  if (known) return known;
  const threshold = slopeThreshold(kind);
  const peak = PEAK_AT[kind];
  const lo = isActive(kind, -FAR, threshold) ? -Infinity : edge(kind, peak, -FAR, threshold);
  const hi = isActive(kind, FAR, threshold) ? Infinity : edge(kind, peak, FAR, threshold);
  const zone = { lo, hi };
  zones.set(kind, zone);
  return zone;
}

/** Which side of the active zone a unit is on: 'below' is saturated low (Sigmoid, TanH) or dead (ReLU). */
export type UnitState = 'active' | 'below' | 'above';

export function unitState(kind: ActivationKind, x: number, threshold = slopeThreshold(kind)): UnitState {
  if (isActive(kind, x, threshold)) return 'active';
  return x < PEAK_AT[kind] ? 'below' : 'above';
}
