/** How chapter 9 writes numbers: the read-out format, pairs as "(θ₁, θ₂)". */
import { formatValue } from '../../src/viz/paint/format.ts';

export function formatNumber(v: number): string {
  return formatValue(v);
}

export function formatPair(values: readonly number[]): string {
  return `(${values.map((v) => formatValue(v)).join(', ')})`;
}

/** A number for TeX: 0.01, 0.425, 10^{-8}, 3.16 \times 10^{-8}. */
export function texNumber(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return formatValue(v, { asciiMinus: true });
  const e = Math.floor(Math.log10(Math.abs(v)));
  if (e >= -3 && e <= 4) return formatValue(v, { asciiMinus: true });
  const mantissa = Number((v / 10 ** e).toPrecision(3));
  if (mantissa === 10) return `10^{${e + 1}}`;
  return mantissa === 1 ? `10^{${e}}` : `${mantissa} \\times 10^{${e}}`;
}
