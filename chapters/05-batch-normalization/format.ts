/** How chapter 5 writes numbers: the read-out format, with rounding noise around an exact 0 (2e−16) written as 0. */
import { formatValue } from '../../src/viz/paint/format.ts';

export function formatNumber(v: number): string {
  return formatValue(Math.abs(v) < 1e-9 ? 0 : v);
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
