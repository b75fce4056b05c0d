/** How chapter 9 writes numbers: the read-out format, pairs as "(θ₁, θ₂)". */
import { formatValue } from '../../src/viz/paint/format.ts';

export function formatNumber(v: number): string {
  return formatValue(v);
}

export function formatPair(values: readonly number[]): string {
  return `(${values.map((v) => formatValue(v)).join(', ')})`;
}

