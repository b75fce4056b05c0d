/** How chapter 7 writes numbers, shapes and shares: "0.523", "3 × 3 × 3 × 4", "86 %". */
import { formatCount as formatWhole, formatValue } from '../../src/viz/paint/format.ts';

export function formatNumber(v: number, digits = 3): string {
  return formatValue(v, { digits });
}

export function formatCount(n: number): string {
  return formatWhole(n);
}

export function formatShape(shape: readonly number[]): string {
  return shape.join(' × ');
}

/** A share in [0, 1] as a percentage: 0.8525 -> "85 %", 0.004 -> "0.4 %", 1e-9 -> "< 0.1 %", 0.99999 -> "> 99.9 %". */
export function formatPercent(share: number): string {
  const pct = share * 100;
  if (pct === 0 || pct === 100) return `${pct} %`;
  if (pct < 0.1) return '< 0.1 %';
  if (pct > 99.9) return '> 99.9 %';
  const text = pct < 1 || pct > 99 ? pct.toFixed(1) : Math.round(pct).toString();
  return `${text} %`;
}
