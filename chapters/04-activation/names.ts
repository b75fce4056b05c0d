/** How chapter 4 names the activation functions and the units outside their active zone. */
import type { ActivationKind } from '../../src/nn/activation.ts';
import { formatValue } from '../../src/viz/paint/format.ts';
import { activeZone } from './zone.ts';

export const ACTIVATION_NAMES: Readonly<Record<ActivationKind, string>> = {
  sigmoid: 'Sigmoid',
  tanh: 'TanH',
  relu: 'ReLU',
};

/** 'dead' for ReLU (its slope is exactly 0), 'saturated' for Sigmoid and TanH (their slope is tiny). */
export function inactiveWord(kind: ActivationKind): string {
  return kind === 'relu' ? 'dead' : 'saturated';
}

/** The active zone in words: "−4.36 < z < 4.36", "z > 0". */
export function zoneText(kind: ActivationKind, variable = 'z'): string {
  const { lo, hi } = activeZone(kind);
  if (hi === Infinity) return `${variable} > ${formatValue(lo)}`;
  return `${formatValue(lo)} < ${variable} < ${formatValue(hi)}`;
}

/** Colours of units inside and outside the active zone (Okabe & Ito blue and vermillion). */
export const STATE_COLORS = { active: '#0072b2', inactive: '#d55e00' } as const;

/** "36%" with one decimal below 10%: "4.2%", never "NaN%". */
export function percent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const p = (100 * part) / whole;
  if (p === 0 || p === 100) return `${p}%`;
  return p < 10 || p > 90 ? `${p.toFixed(1)}%` : `${Math.round(p)}%`;
}
